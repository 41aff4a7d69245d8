/** Nearest-rank percentile of an unsorted sample (p in 0..100); NaN for an empty sample. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function summarize(values: readonly number[]): { count: number; p50: number; p99: number; max: number } {
  return {
    count: values.length,
    p50: percentile(values, 50),
    p99: percentile(values, 99),
    max: values.length ? Math.max(...values) : NaN,
  };
}

export const round = (n: number, digits = 1): number => (Number.isFinite(n) ? Math.round(n * 10 ** digits) / 10 ** digits : n);

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` every `everyMs` until it returns a truthy value or `timeoutMs` passes (then returns the last value). */
async function pollUntil<T>(check: () => Promise<T>, timeoutMs: number, everyMs = 50): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last = await check();
  while (!last && Date.now() < end) {
    await sleep(everyMs);
    last = await check();
  }
  return last;
}

/** The ms from `since` until `check` first answers true (polled as pollUntil does), or null when `timeoutMs` passes first. */
export async function msUntil(check: () => Promise<boolean>, timeoutMs: number, everyMs: number, since = Date.now()): Promise<number | null> {
  const done = await pollUntil(async () => ((await check()) ? { ms: Date.now() - since } : null), timeoutMs, everyMs);
  return done?.ms ?? null;
}
