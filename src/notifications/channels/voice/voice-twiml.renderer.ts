import twilio from 'twilio';
import type { PageContent } from '../notification-channel';

/** The keypad digits a callee can press, as GoAlert and PagerDuty use them. */
export const VOICE_DIGITS = { acknowledge: '4', escalate: '5', resolve: '6' } as const;

export const DEFAULT_VOICE_PROMPT = 'Press 4 to acknowledge, 6 to resolve, 5 to escalate.';

const VOICE = 'Polly.Joanna';

export interface VoiceTwimlOptions {
  /** Where Twilio posts the pressed digit (the `Digits` form field). */
  gatherActionUrl: string;
  /** Replaces the default keypad prompt, e.g. after an invalid digit. */
  prompt?: string;
}

/**
 * TwiML for an outbound page call: reads the incident out, then gathers one digit
 * (4 acknowledge, 6 resolve, 5 escalate) posted to `gatherActionUrl`. The prompt is
 * said twice inside the gather so a callee who missed it can still answer; silence
 * ends the call. The number is spelled digit by digit so "42" is not read "forty-two"
 * on one call and "four two" when the callee repeats it in an SMS.
 */
export function renderVoiceTwiml(content: PageContent, options: VoiceTwimlOptions): string {
  const response = new twilio.twiml.VoiceResponse();
  response.say({ voice: VOICE }, describeIncident(content));
  const gather = response.gather({
    numDigits: 1,
    action: options.gatherActionUrl,
    method: 'POST',
    timeout: 8,
  });
  const prompt = options.prompt ?? DEFAULT_VOICE_PROMPT;
  gather.say({ voice: VOICE }, prompt);
  gather.pause({ length: 1 });
  gather.say({ voice: VOICE }, prompt);
  response.say({ voice: VOICE }, 'No input received. Goodbye.');
  response.hangup();
  return response.toString();
}

/** TwiML that speaks the outcome of the callee's choice and hangs up. */
export function renderVoiceResultTwiml(message: string): string {
  const response = new twilio.twiml.VoiceResponse();
  response.say({ voice: VOICE }, message);
  response.hangup();
  return response.toString();
}

/** Digits spoken one by one: 42 -> "4 2". */
export function spellDigits(value: number): string {
  return String(value).split('').join(' ');
}

function describeIncident(content: PageContent): string {
  const parts = [
    `This is Klaxon with a ${content.severity} alert.`,
    `Incident number ${spellDigits(content.incidentNumber)}, on service ${content.serviceName}.`,
    `${sentence(content.title)}`,
  ];
  if (content.status !== 'triggered') parts.push(`The incident is ${content.status}.`);
  if (content.moreIncidents && content.moreIncidents > 0) {
    parts.push(`There ${content.moreIncidents === 1 ? 'is 1 more incident' : `are ${content.moreIncidents} more incidents`}.`);
  }
  return parts.join(' ');
}

function sentence(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return /[.!?]$/.test(oneLine) ? oneLine : `${oneLine}.`;
}
