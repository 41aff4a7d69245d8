import { createHmac } from 'node:crypto';
import twilio from 'twilio';

/**
 * Signs inbound webhook requests the way Twilio and Slack do, so end-to-end tests go
 * through the application's real signature checks instead of around them.
 */

/** Form fields; an array is a key repeated in the body (`Body=a&Body=b`). */
export type TwilioParams = Record<string, string | string[]>;

/**
 * `X-Twilio-Signature` for a form POST to `url` (the full public URL Twilio was given,
 * query string included) with these form fields.
 */
export function twilioSignature(authToken: string, url: string, params: TwilioParams): string {
  return twilio.getExpectedTwilioSignature(authToken, url, params);
}

/** Headers and form body for a signed Twilio webhook POST. */
export function signedTwilioRequest(
  authToken: string,
  url: string,
  params: TwilioParams,
): { headers: Record<string, string>; body: string } {
  const pairs = Object.entries(params).flatMap(([key, value]) => [value].flat().map((v): [string, string] => [key, v]));
  return {
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      'X-Twilio-Signature': twilioSignature(authToken, url, params),
    },
    body: new URLSearchParams(pairs).toString(),
  };
}

/** `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{rawBody}` with the app's signing secret. */
export function slackSignature(signingSecret: string, timestampSec: number, rawBody: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestampSec}:${rawBody}`).digest('hex')}`;
}

/**
 * Headers for a signed Slack request. `timestampSec` defaults to now: Slack receivers
 * reject timestamps more than five minutes away from their clock, so a test that fakes
 * the server clock passes the matching time.
 */
export function slackSignatureHeaders(
  signingSecret: string,
  rawBody: string,
  timestampSec: number = Math.floor(Date.now() / 1000),
): Record<string, string> {
  return {
    'X-Slack-Request-Timestamp': String(timestampSec),
    'X-Slack-Signature': slackSignature(signingSecret, timestampSec, rawBody),
  };
}

/** The form body Slack posts for a block action (`payload=<json>`), ready to sign. */
export function slackInteractionBody(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
