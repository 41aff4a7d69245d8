import { All, Body, Controller, Header, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { VOICE_STATUS_PATH, VOICE_TWIML_PATH } from '../../channels/voice/twilio-voice.channel';
import { TwilioSignatureGuard } from './twilio-signature.guard';
import { VOICE_GATHER_PATH, VoiceCallsService } from './voice-calls.service';

/** Twilio's voice webhooks: the call's TwiML (GET or POST), the gathered digit, the call status. */
@ApiTags('webhooks')
@Controller()
@UseGuards(TwilioSignatureGuard)
export class TwilioVoiceController {
  constructor(private readonly calls: VoiceCallsService) {}

  @All(VOICE_TWIML_PATH)
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  twiml(@Query('notification') notificationId?: string): Promise<string> {
    return this.calls.answer(notificationId);
  }

  @Post(VOICE_GATHER_PATH)
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  gather(@Query('notification') notificationId: string | undefined, @Body() body: Record<string, string>): Promise<string> {
    return this.calls.gather(notificationId, body.Digits);
  }

  @Post(VOICE_STATUS_PATH)
  @HttpCode(204)
  async status(@Query('notification') notificationId: string | undefined, @Body() body: Record<string, string>): Promise<void> {
    if (body.CallStatus) await this.calls.recordCallStatus(notificationId, body.CallSid, body.CallStatus);
  }
}
