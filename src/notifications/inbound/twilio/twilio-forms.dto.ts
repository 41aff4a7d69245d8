import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ContentObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/**
 * Twilio's webhook forms as OpenAPI schemas (only the fields Klaxon reads; Twilio
 * sends more). twilio-form.pipe.ts is the judge of a form; these only describe it.
 */

/** What a Twilio route's 4xx means. */
export const TWILIO_REASONS = {
  400: 'a required form field is missing',
  403: 'missing or invalid X-Twilio-Signature',
  413: 'the body is over the size limit',
} as const;

/** A TwiML answer, with an example document. */
export function twiml(example: string): ContentObject {
  return { 'text/xml': { schema: { type: 'string', description: 'a TwiML document' }, example: `<?xml version="1.0" encoding="UTF-8"?>${example}` } };
}

export class TwilioSmsForm {
  @ApiProperty({ description: "Twilio's id of the message", example: 'SM0123456789abcdef0123456789abcdef' }) MessageSid: string;
  @ApiProperty({ description: 'the number the reply came from (E.164)', example: '+14155550123' }) From: string;
  @ApiPropertyOptional({ description: 'the reply: ack, resolve or help, optionally with an incident number', example: 'ack 42' }) Body?: string;
}

export class TwilioSmsStatusForm {
  @ApiPropertyOptional({ description: "Twilio's id of the message", example: 'SM0123456789abcdef0123456789abcdef' }) MessageSid?: string;
  @ApiPropertyOptional({ description: 'queued, sent, delivered, undelivered, failed...', example: 'delivered' }) MessageStatus?: string;
}

export class TwilioVoiceGatherForm {
  @ApiProperty({ description: "Twilio's id of the call", example: 'CA0123456789abcdef0123456789abcdef' }) CallSid: string;
  @ApiPropertyOptional({ description: 'the key pressed: 4 acknowledges, 6 resolves, 5 escalates', example: '4' }) Digits?: string;
}

export class TwilioVoiceStatusForm {
  @ApiPropertyOptional({ description: "Twilio's id of the call", example: 'CA0123456789abcdef0123456789abcdef' }) CallSid?: string;
  @ApiPropertyOptional({ description: 'queued, ringing, in-progress, completed, busy, no-answer, failed...', example: 'completed' }) CallStatus?: string;
}
