import { randomInt } from 'node:crypto';
import type { AppConfig } from '../config/app-config';
import type { IntegrationType } from './integration.entity';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Events v2 routing keys are exactly 32 characters (PagerDuty's length); the others get 40 for more entropy. */
export const EVENTS_V2_KEY_LENGTH = 32;
export const WEBHOOK_KEY_LENGTH = 40;

/** A random key of [a-z0-9] (about 5.2 bits per character) from the CSPRNG. */
export function generateKey(length: number): string {
  let key = '';
  for (let i = 0; i < length; i++) key += ALPHABET[randomInt(ALPHABET.length)];
  return key;
}

export function keyLengthFor(type: IntegrationType | 'heartbeat'): number {
  return type === 'events-v2' ? EVENTS_V2_KEY_LENGTH : WEBHOOK_KEY_LENGTH;
}

/** What publicBaseUrl reads of a request: its protocol (X-Forwarded-Proto is trusted) and Host header. */
export interface RequestOrigin {
  protocol: string;
  headers: { host?: string };
}

/** PUBLIC_URL when configured, else what the caller used to reach us (trust proxy is on). */
export function publicBaseUrl(config: Pick<AppConfig, 'PUBLIC_URL'>, req: RequestOrigin): string {
  const base = config.PUBLIC_URL ?? `${req.protocol}://${req.headers.host ?? 'localhost'}`;
  return base.replace(/\/+$/, '');
}

/**
 * The URL to paste into the tool. Events v2 takes the key in the body
 * (`routing_key`), not in the URL. Opsgenie clients take the API's base URL
 * (they append `v2/alerts`, so it ends with a slash) and send the key as
 * `Authorization: GenieKey <key>`.
 */
export function integrationUrl(base: string, type: IntegrationType, key: string): string {
  if (type === 'opsgenie') return `${base}/`;
  return type === 'events-v2' ? `${base}/v2/enqueue` : `${base}/integrations/${key}/${type}`;
}

export function heartbeatUrl(base: string, key: string): string {
  return `${base}/heartbeats/${key}`;
}
