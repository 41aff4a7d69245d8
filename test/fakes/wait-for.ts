/**
 * Polls `probe` until it returns a truthy value, then resolves with it; rejects after
 * `timeoutMs` with `what` in the message so a failing test says what never arrived.
 */
export async function waitFor<T>(
  probe: () => T | undefined | null | false,
  timeoutMs = 5000,
  what = 'condition',
  intervalMs = 10,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() >= deadline) throw new Error(`waitFor: ${what} not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
