import twilio from 'twilio';
import type BaseRequestClient from 'twilio/lib/base/RequestClient';
import { ChannelError } from '../notification-channel';

const TWILIO_API_ORIGIN = 'https://api.twilio.com';

export const DEFAULT_TWILIO_TIMEOUT_MS = 10_000;

export interface TwilioRequestClientOptions {
  /** Replaces `https://api.twilio.com` in every request, e.g. a fake server's `http://127.0.0.1:PORT`. */
  apiBaseUrl?: string;
  timeoutMs?: number;
}

/**
 * twilio 6 has no base-URL option (edge/region only change the host name), so the
 * URL is rewritten here, in the one place every SDK request passes through. The SDK's
 * own 429 auto-retry stays off: retries belong to the notification outbox, which
 * records each attempt.
 */
export class TwilioRequestClient extends twilio.RequestClient {
  private readonly apiBaseUrl: string | undefined;

  constructor(options: TwilioRequestClientOptions = {}) {
    super({ timeout: options.timeoutMs ?? DEFAULT_TWILIO_TIMEOUT_MS, autoRetry: false });
    this.apiBaseUrl = options.apiBaseUrl?.replace(/\/+$/, '');
  }

  override request<TData>(opts: BaseRequestClient.RequestOptions<TData>) {
    const uri =
      this.apiBaseUrl && opts.uri.startsWith(TWILIO_API_ORIGIN)
        ? this.apiBaseUrl + opts.uri.slice(TWILIO_API_ORIGIN.length)
        : opts.uri;
    return super.request({ ...opts, uri });
  }
}

/** Builds the SDK client shared by the SMS and voice channels. */
export function createTwilioClient(
  accountSid: string,
  authToken: string,
  options: TwilioRequestClientOptions = {},
): twilio.Twilio {
  return twilio(accountSid, authToken, { httpClient: new TwilioRequestClient(options) });
}

const NETWORK_ERROR_CODES = new Set([
  'ECONNABORTED',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ERR_CANCELED',
]);

/**
 * Maps whatever the Twilio SDK threw to a ChannelError. An HTTP answer from Twilio
 * (RestException or the RFC 9457 TwilioServiceException, both with a numeric `status`)
 * is retryable only for 5xx and 429; every other 4xx is permanent and keeps Twilio's
 * error code (21211 invalid number, 20003 bad credentials, ...). No HTTP answer at all
 * (refused, reset, timeout) is retryable.
 */
export function toTwilioChannelError(error: unknown): ChannelError {
  if (error instanceof ChannelError) return error;
  const e = (error ?? {}) as { status?: unknown; code?: unknown; message?: unknown };
  const message = typeof e.message === 'string' && e.message ? e.message : String(error);
  if (typeof e.status === 'number') {
    const retryable = e.status >= 500 || e.status === 429;
    const providerCode = e.code !== undefined && e.code !== null ? String(e.code) : `http_${e.status}`;
    return new ChannelError(`Twilio answered ${e.status}: ${message}`, retryable, providerCode);
  }
  const code = typeof e.code === 'string' ? e.code : undefined;
  const detail = code && NETWORK_ERROR_CODES.has(code) ? 'network error' : 'request failed';
  return new ChannelError(`Twilio ${detail}: ${message}`, true, code);
}
