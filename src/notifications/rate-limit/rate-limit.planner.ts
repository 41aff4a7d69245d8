/**
 * Per-contact-method rate limiting of SMS and voice pages, as a pure plan.
 *
 * Given the pages due now for one contact method (oldest first), how many were sent to
 * it in the last minute and the per-minute limit: send pages one by one while the
 * budget lasts, and when more are due than the budget, the last free slot carries one
 * bundled page ("N more incidents") standing for all the rest. With no budget left the
 * pages wait until the oldest send leaves the window; they are bundled then.
 */
export interface RateLimitPlan<T> {
  sendAlone: T[];
  bundle: { representative: T; absorbed: T[] } | null;
  defer: T[];
}

export function planRateLimitedPages<T>(due: readonly T[], sentInWindow: number, limitPerMinute: number): RateLimitPlan<T> {
  const free = limitPerMinute - sentInWindow;
  if (free <= 0) return { sendAlone: [], bundle: null, defer: [...due] };
  if (due.length <= free) return { sendAlone: [...due], bundle: null, defer: [] };
  return {
    sendAlone: due.slice(0, free - 1),
    bundle: { representative: due[free - 1], absorbed: due.slice(free) },
    defer: [],
  };
}

export const RATE_WINDOW_MS = 60_000;
