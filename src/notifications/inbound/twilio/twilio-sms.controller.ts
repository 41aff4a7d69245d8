import { Body, Controller, Header, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import twilio from 'twilio';
import { SMS_STATUS_PATH } from '../../notifications.module';
import { SmsRepliesService } from './sms-replies.service';
import { TwilioSignatureGuard } from './twilio-signature.guard';

/** Twilio's SMS webhooks: replies from the people paged, and delivery status callbacks. */
@ApiTags('webhooks')
@Controller()
@UseGuards(TwilioSignatureGuard)
export class TwilioSmsController {
  constructor(private readonly replies: SmsRepliesService) {}

  /** The answer is TwiML: one <Message> confirming the action (or help), or nothing. */
  @Post('/twilio/sms')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  async inbound(@Body() body: Record<string, string>): Promise<string> {
    const reply = await this.replies.handle(body.From ?? '', body.Body ?? '');
    const response = new twilio.twiml.MessagingResponse();
    if (reply) response.message(reply);
    return response.toString();
  }

  @Post(SMS_STATUS_PATH)
  @HttpCode(204)
  async status(@Body() body: Record<string, string>): Promise<void> {
    if (body.MessageSid && body.MessageStatus) await this.replies.recordDeliveryStatus(body.MessageSid, body.MessageStatus);
  }
}
