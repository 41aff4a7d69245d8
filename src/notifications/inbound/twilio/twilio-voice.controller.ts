import { All, Body, Controller, Header, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { BodyLimit, WEBHOOK_BODY_LIMIT_BYTES } from '../../../common/request-body';
import { Public } from '../../../auth/auth.decorators';
import { ApiTags } from '@nestjs/swagger';
import { VOICE_STATUS_PATH, VOICE_TWIML_PATH } from '../../channels/voice/twilio-voice.channel';
import { type TwilioForm, twilioForm } from './twilio-form.pipe';
import { TwilioSignatureGuard } from './twilio-signature.guard';
import { VOICE_GATHER_PATH, VoiceCallsService } from './voice-calls.service';

/** Twilio's voice webhooks: the call's TwiML (GET or POST), the gathered digit, the call status. */
@ApiTags('webhooks')
@BodyLimit(WEBHOOK_BODY_LIMIT_BYTES)
@Controller()
@UseGuards(TwilioSignatureGuard)
export class TwilioVoiceController {
  constructor(private readonly calls: VoiceCallsService) {}

  @All(VOICE_TWIML_PATH)
  @Public("Twilio's X-Twilio-Signature (TwilioSignatureGuard)")
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  twiml(@Query('notification') notificationId?: string): Promise<string> {
    return this.calls.answer(notificationId);
  }

  @Post(VOICE_GATHER_PATH)
  @Public("Twilio's X-Twilio-Signature (TwilioSignatureGuard)")
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  gather(
    @Query('notification') notificationId: string | undefined,
    @Body(twilioForm(['CallSid'], ['Digits'])) body: TwilioForm<'CallSid', 'Digits'>,
  ): Promise<string> {
    return this.calls.gather(notificationId, body.CallSid, body.Digits);
  }

  @Post(VOICE_STATUS_PATH)
  @Public("Twilio's X-Twilio-Signature (TwilioSignatureGuard)")
  @HttpCode(204)
  async status(
    @Query('notification') notificationId: string | undefined,
    @Body(twilioForm([], ['CallSid', 'CallStatus'])) body: TwilioForm<never, 'CallSid' | 'CallStatus'>,
  ): Promise<void> {
    if (body.CallStatus) await this.calls.recordCallStatus(notificationId, body.CallSid, body.CallStatus);
  }
}
