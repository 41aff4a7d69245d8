import { applyDecorators, Body, Controller, Get, Header, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { BodyLimit, WEBHOOK_BODY_LIMIT_BYTES } from '../../../common/request-body';
import { Public } from '../../../auth/auth.decorators';
import { ApiBody, ApiConsumes, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../../../common/api-docs';
import { TWILIO_REASONS, TwilioVoiceGatherForm, TwilioVoiceStatusForm, twiml } from './twilio-forms.dto';
import { VOICE_STATUS_PATH, VOICE_TWIML_PATH } from '../../channels/voice/twilio-voice.channel';
import { type TwilioForm, twilioForm } from './twilio-form.pipe';
import { TwilioSignatureGuard } from './twilio-signature.guard';
import { VOICE_GATHER_PATH, VoiceCallsService } from './voice-calls.service';

const ApiNotificationQuery = () =>
  ApiQuery({ name: 'notification', required: false, description: 'the page (notification id) the call is for, set by Klaxon in the URL', example: '2b6f4a1c-8d90-4c3d-9e7a-5d0c9a2e8f1b' });

const ApiTwimlAnswer = () =>
  applyDecorators(
    ApiNotificationQuery(),
    ApiProduces('text/xml'),
    ApiOkResponse({ description: 'TwiML that reads the incident and gathers one key', content: twiml('<Response><Gather numDigits="1"><Say>Klaxon incident number 4 2...</Say></Gather></Response>') }),
    ApiErrors([403], TWILIO_REASONS),
  );

/** Twilio's voice webhooks: the call's TwiML (GET or POST), the gathered digit, the call status. */
@ApiTags('webhooks')
@BodyLimit(WEBHOOK_BODY_LIMIT_BYTES)
@Controller()
@UseGuards(TwilioSignatureGuard)
export class TwilioVoiceController {
  constructor(private readonly calls: VoiceCallsService) {}

  /** Twilio fetches the TwiML with the method of the call's `url` (GET or POST): both are served, nothing else. */
  @Get(VOICE_TWIML_PATH)
  @Public("Twilio's X-Twilio-Signature (TwilioSignatureGuard)")
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  @ApiOperation({ summary: "Twilio: the TwiML of a page's voice call (fetched with GET)" })
  @ApiTwimlAnswer()
  twiml(@Query('notification') notificationId?: string): Promise<string> {
    return this.calls.answer(notificationId);
  }

  @Post(VOICE_TWIML_PATH)
  @Public("Twilio's X-Twilio-Signature (TwilioSignatureGuard)")
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  @ApiOperation({ summary: "Twilio: the TwiML of a page's voice call (fetched with POST)" })
  @ApiTwimlAnswer()
  twimlPost(@Query('notification') notificationId?: string): Promise<string> {
    return this.calls.answer(notificationId);
  }

  @Post(VOICE_GATHER_PATH)
  @Public("Twilio's X-Twilio-Signature (TwilioSignatureGuard)")
  @ApiOperation({ summary: 'Twilio: the key pressed during a voice page (4 acknowledges, 6 resolves, 5 escalates)' })
  @ApiNotificationQuery()
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({ type: TwilioVoiceGatherForm })
  @ApiProduces('text/xml')
  @ApiOkResponse({ description: 'TwiML saying what was done', content: twiml('<Response><Say>Incident acknowledged.</Say></Response>') })
  @ApiErrors([400, 403, 413], TWILIO_REASONS)
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
  @ApiOperation({ summary: 'Twilio: a voice call status callback' })
  @ApiNotificationQuery()
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({ type: TwilioVoiceStatusForm })
  @ApiNoContentResponse({ description: 'recorded' })
  @ApiErrors([400, 403, 413], TWILIO_REASONS)
  @HttpCode(204)
  async status(
    @Query('notification') notificationId: string | undefined,
    @Body(twilioForm([], ['CallSid', 'CallStatus'])) body: TwilioForm<never, 'CallSid' | 'CallStatus'>,
  ): Promise<void> {
    if (body.CallStatus) await this.calls.recordCallStatus(notificationId, body.CallSid, body.CallStatus);
  }
}
