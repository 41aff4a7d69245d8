import fc from 'fast-check';
import { backoffMs, decideAfterAttempt, MAX_BACKOFF_MS, parseRetryAfter, RETRY_WINDOW_MS } from './retry-policy';

const T0 = new Date('2026-03-02T09:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describe('retry policy', () => {
  it.each([
    [{ kind: 'response', status: 200 }, 'delivered'],
    [{ kind: 'response', status: 204 }, 'delivered'],
    [{ kind: 'response', status: 302 }, 'failed'],
    [{ kind: 'response', status: 400 }, 'failed'],
    [{ kind: 'response', status: 404 }, 'failed'],
    [{ kind: 'response', status: 410 }, 'failed'],
    [{ kind: 'response', status: 408 }, 'retry'],
    [{ kind: 'response', status: 429 }, 'retry'],
    [{ kind: 'response', status: 500 }, 'retry'],
    [{ kind: 'response', status: 503 }, 'retry'],
    [{ kind: 'timeout' }, 'retry'],
    [{ kind: 'network', error: 'ECONNREFUSED' }, 'retry'],
    [{ kind: 'refused', error: 'private address' }, 'failed'],
  ] as const)('%j -> %s', (outcome, kind) => {
    expect(decideAfterAttempt({ outcome, attempt: 1, firstAttemptAt: T0, now: T0, random: 0.5 }).kind).toBe(kind);
  });

  it('honours Retry-After on a 429, in seconds or as a date', () => {
    const secs = decideAfterAttempt({ outcome: { kind: 'response', status: 429, retryAfter: '120' }, attempt: 1, firstAttemptAt: T0, now: T0, random: 0.5 });
    expect(secs).toEqual({ kind: 'retry', at: at(120_000), reason: 'HTTP 429' });
    const date = decideAfterAttempt({
      outcome: { kind: 'response', status: 429, retryAfter: at(300_000).toUTCString() },
      attempt: 1,
      firstAttemptAt: T0,
      now: T0,
      random: 0.5,
    });
    expect(date).toEqual({ kind: 'retry', at: at(300_000), reason: 'HTTP 429' });
  });

  it('makes the last retry 24 hours after the first attempt, and gives up when that one fails', () => {
    const last = decideAfterAttempt({ outcome: { kind: 'response', status: 500 }, attempt: 40, firstAttemptAt: T0, now: at(RETRY_WINDOW_MS - 1000), random: 0.5 });
    expect(last).toEqual({ kind: 'retry', at: at(RETRY_WINDOW_MS), reason: 'HTTP 500' });
    const d = decideAfterAttempt({ outcome: { kind: 'timeout' }, attempt: 41, firstAttemptAt: T0, now: at(RETRY_WINDOW_MS), random: 0.5 });
    expect(d.kind).toBe('failed');
    if (d.kind === 'failed') expect(d.reason).toBe('timed out; gave up after 24 hours of retries');
  });

  it('parses Retry-After', () => {
    expect(parseRetryAfter('5', T0)).toBe(5000);
    expect(parseRetryAfter(null, T0)).toBeNull();
    expect(parseRetryAfter('soon', T0)).toBeNull();
    expect(parseRetryAfter('-3', T0)).toBeNull();
  });

  it('property: backoff grows, stays within ±20 % of 10 s × 2^(n-1), never over an hour', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), (attempt, random) => {
        const ms = backoffMs(attempt, random);
        const nominal = Math.min(MAX_BACKOFF_MS, 10_000 * 2 ** (attempt - 1));
        expect(ms).toBeGreaterThanOrEqual(Math.floor(nominal * 0.8));
        expect(ms).toBeLessThanOrEqual(Math.ceil(nominal * 1.2));
      }),
    );
  });

  it('property: a retry is always after now and within the 24-hour window; 2xx is always delivered', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 599 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: RETRY_WINDOW_MS + 3_600_000 }),
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        (status, attempt, elapsed, random) => {
          const now = at(elapsed);
          const d = decideAfterAttempt({ outcome: { kind: 'response', status }, attempt, firstAttemptAt: T0, now, random });
          if (status >= 200 && status < 300) expect(d.kind).toBe('delivered');
          if (d.kind === 'retry') {
            expect(d.at.getTime()).toBeGreaterThan(now.getTime());
            expect(d.at.getTime() - T0.getTime()).toBeLessThanOrEqual(RETRY_WINDOW_MS);
          }
          if (status >= 400 && status < 500 && status !== 408 && status !== 429) expect(d.kind).toBe('failed');
        },
      ),
    );
  });
});
