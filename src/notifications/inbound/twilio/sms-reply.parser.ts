import type { ResponderAction } from '../incident-actions.service';

/** What an inbound SMS asks for. `incidentNumber` absent: the latest incident paged to that number. */
export type SmsCommand =
  | { kind: 'action'; action: ResponderAction; incidentNumber?: number }
  | { kind: 'stop' }
  | { kind: 'start' }
  | { kind: 'unknown' };

const ACTION_WORDS: Record<string, ResponderAction> = {
  ack: 'acknowledge',
  a: 'acknowledge',
  acknowledge: 'acknowledge',
  resolve: 'resolve',
  res: 'resolve',
  r: 'resolve',
  close: 'resolve',
  escalate: 'escalate',
  esc: 'escalate',
  e: 'escalate',
};
/** The carrier opt-out and opt-in keywords Twilio itself honours. */
const STOP_WORDS = new Set(['stop', 'stopall', 'unsubscribe', 'cancel', 'end', 'quit', 'optout', 'revoke']);
const START_WORDS = new Set(['start', 'unstop', 'yes', 'optin']);

/**
 * Parses `ack 42`, `Resolve #42`, `esc 42`, bare `ack`, STOP/START. Case, spaces and a
 * trailing full stop do not matter; anything else is unknown (answered with help).
 * Escalate needs a number: an escalation is not something to do by accident.
 */
export function parseSmsReply(body: string): SmsCommand {
  const words = body.trim().toLowerCase().replace(/[.!]+$/, '').split(/\s+/).filter(Boolean);
  if (words.length === 1 && STOP_WORDS.has(words[0])) return { kind: 'stop' };
  if (words.length === 1 && START_WORDS.has(words[0])) return { kind: 'start' };
  if (words.length < 1 || words.length > 2) return { kind: 'unknown' };
  const action = ACTION_WORDS[words[0]];
  if (!action) return { kind: 'unknown' };
  if (words.length === 1) return action === 'escalate' ? { kind: 'unknown' } : { kind: 'action', action };
  const match = /^#?(\d{1,15})$/.exec(words[1]);
  if (!match) return { kind: 'unknown' };
  return { kind: 'action', action, incidentNumber: Number(match[1]) };
}

export const SMS_HELP_TEXT = 'Klaxon: reply "ack 42", "resolve 42" or "escalate 42" (42 = incident number), or just "ack" for your latest page.';
