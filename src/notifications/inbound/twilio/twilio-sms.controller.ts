import { Body, Controller, Header, HttpCode, Post, UseGuards } from '@nestjs/common';
import { BodyLimit, WEBHOOK_BODY_LIMIT_BYTES } from '../../../common/request-body';
import { Public } from '../../../auth/auth.decorators';
import { ApiBody, ApiConsumes, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../../../common/api-docs';
import { TWILIO_REASONS, TwilioSmsForm, TwilioSmsStatusForm, twiml } from './twilio-forms.dto';
import twilio from 'twilio';
import { SMS_STATUS_PATH } from '../../notifications.module';
import { SmsRepliesService } from './sms-replies.service';
import { type TwilioForm, twilioForm } from './twilio-form.pipe';
import { TwilioSignatureGuard } from './twilio-signature.guard';

/** Twilio's SMS webhooks: replies from the people paged, and delivery status callbacks. */
@ApiTags('webhooks')
@BodyLimit(WEBHOOK_BODY_LIMIT_BYTES)
@Controller()
@UseGuards(TwilioSignatureGuard)
export class TwilioSmsController {
  constructor(private readonly replies: SmsRepliesService) {}

  /** The answer is TwiML: one <Message> confirming the action (or help), or nothing. */
  @Post('/twilio/sms')
  @Public("Twilio's X-Twilio-Signature (TwilioSignatureGuard)")
  @ApiOperation({ summary: 'Twilio: an SMS reply from a person paged (ack, resolve, help); answers TwiML' })
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({ type: TwilioSmsForm })
  @ApiProduces('text/xml')
  @ApiOkResponse({ description: 'TwiML: one <Message> confirming the action, or an empty <Response>', content: twiml('<Response><Message>Acknowledged #42</Message></Response>') })
  @ApiErrors([400, 403, 413], TWILIO_REASONS)
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  async inbound(@Body(twilioForm(['MessageSid', 'From'], ['Body'])) sms: TwilioForm<'MessageSid' | 'From', 'Body'>): Promise<string> {
    const reply = await this.replies.handle({ messageSid: sms.MessageSid, from: sms.From, body: sms.Body ?? '' });
    const response = new twilio.twiml.MessagingResponse();
    if (reply) response.message(reply);
    return response.toString();
  }

  @Post(SMS_STATUS_PATH)
  @Public("Twilio's X-Twilio-Signature (TwilioSignatureGuard)")
  @ApiOperation({ summary: 'Twilio: an SMS delivery status callback' })
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({ type: TwilioSmsStatusForm })
  @ApiNoContentResponse({ description: 'recorded' })
  @ApiErrors([400, 403, 413], TWILIO_REASONS)
  @HttpCode(204)
  async status(@Body(twilioForm([], ['MessageSid', 'MessageStatus'])) body: TwilioForm<never, 'MessageSid' | 'MessageStatus'>): Promise<void> {
    if (body.MessageSid && body.MessageStatus) await this.replies.recordDeliveryStatus(body.MessageSid, body.MessageStatus);
  }
}
