/**
 * What happens after one delivery attempt (docs/webhooks.md, "Delivery"). Pure:
 * the attempt's outcome, the attempt number, when the first attempt was made,
 * `now` and a random number in, a decision out.
 */

/** A delivery is retried for this long after its first attempt, then failed. */
export const RETRY_WINDOW_MS = 24 * 60 * 60_000;
/** The first retry waits about this long; each later one twice as long as the one before. */
export const BASE_BACKOFF_MS = 10_000;
/** No wait between two attempts is longer than this (Retry-After included). */
export const MAX_BACKOFF_MS = 60 * 60_000;

export type AttemptOutcome =
  /** The receiver answered (a 3xx is an answer too: redirects are not followed). */
  | { kind: 'response'; status: number; retryAfter?: string | null }
  /** No answer within the timeout. */
  | { kind: 'timeout' }
  /** The connection failed: DNS, refused, reset, TLS. */
  | { kind: 'network'; error: string }
  /** The address the URL resolves to is not allowed (private, loopback...): permanent. */
  | { kind: 'refused'; error: string };

export type RetryDecision =
  | { kind: 'delivered' }
  | { kind: 'retry'; at: Date; reason: string }
  | { kind: 'failed'; reason: string };

/** Exponential backoff with ±20 % jitter: about 10 s, 20 s, 40 s... capped at one hour. */
export function backoffMs(attempt: number, random: number): number {
  const exp = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
  return Math.round(exp * (0.8 + 0.4 * random));
}

/**
 * `Retry-After` in milliseconds from `now`: delay-seconds or an HTTP date;
 * null when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | null {
  if (!value) return null;
  const text = value.trim();
  if (/^\d{1,10}$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return null;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

/** Whether a status is worth trying again: 408, 429 and 5xx. */
function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/**
 * 2xx: delivered. 408, 429, 5xx, a timeout or a network error: retried after
 * the backoff (or the receiver's Retry-After on a 429 or 503), but never
 * later than 24 hours after the first attempt: the last retry is made at that
 * instant, and a failure then is final. Anything else (another 4xx, a 3xx, a
 * refused address): failed at once.
 */
export function decideAfterAttempt(input: {
  outcome: AttemptOutcome;
  /** 1 for the first attempt. */
  attempt: number;
  firstAttemptAt: Date;
  now: Date;
  random: number;
}): RetryDecision {
  const { outcome, attempt, firstAttemptAt, now, random } = input;
  let reason: string;
  let waitMs = backoffMs(attempt, random);
  if (outcome.kind === 'response') {
    if (outcome.status >= 200 && outcome.status < 300) return { kind: 'delivered' };
    if (outcome.status >= 300 && outcome.status < 400) return { kind: 'failed', reason: `HTTP ${outcome.status}: redirects are not followed` };
    if (!isRetryableStatus(outcome.status)) return { kind: 'failed', reason: `HTTP ${outcome.status}` };
    reason = `HTTP ${outcome.status}`;
    const asked = outcome.status === 429 || outcome.status === 503 ? parseRetryAfter(outcome.retryAfter, now) : null;
    if (asked !== null) waitMs = Math.min(MAX_BACKOFF_MS, Math.max(1000, asked));
  } else if (outcome.kind === 'refused') {
    return { kind: 'failed', reason: outcome.error };
  } else {
    reason = outcome.kind === 'timeout' ? 'timed out' : outcome.error;
  }
  const deadline = firstAttemptAt.getTime() + RETRY_WINDOW_MS;
  if (now.getTime() >= deadline) return { kind: 'failed', reason: `${reason}; gave up after 24 hours of retries` };
  return { kind: 'retry', at: new Date(Math.min(now.getTime() + waitMs, deadline)), reason };
}
