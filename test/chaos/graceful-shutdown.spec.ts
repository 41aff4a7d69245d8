import { createProcessWorld, ProcessWorld } from '../support/process-world';

/**
 * SIGTERM while pages are being sent: the worker finishes the sends under way,
 * hands back everything it had claimed, and exits; nothing stays claimed, and
 * another worker sends the rest.
 */
describe('graceful shutdown of a worker', () => {
  jest.setTimeout(180_000);
  let w: ProcessWorld;
  beforeAll(async () => {
    w = await createProcessWorld();
  });
  afterAll(async () => {
    await w.close();
  });

  it('finishes sends under way, releases its claims and exits cleanly', async () => {
    w.twilio.setResponseDelay(300); // every send is in flight for a while
    const first = w.worker();
    await first.start();
    const total = 60;
    await w.trigger(Array.from({ length: total }, (_, i) => ({ dedupKey: `g-${i}`, summary: `graceful ${i}` })), total);
    await w.twilio.waitFor(() => w.twilio.messages.length >= 5, 30_000);
    const pid = first.pid;
    expect(await first.stop()).toBe(0);
    expect(await w.claimsHeldBy(pid)).toBe(0);
    // A clean stop logs nothing that looks like lost pages: no warning, no error.
    expect(first.shutdownLogLines.filter((l) => l.level >= 40)).toEqual([]);
    expect(first.shutdownLogLines.at(-1)?.msg).toBe('stopped');
    const sentByFirst = w.twilio.messages.length;

    w.twilio.setResponseDelay(0);
    const second = w.worker();
    await second.start();
    try {
      await w.twilio.waitFor(() => w.twilio.messages.length >= total, 60_000);
    } finally {
      await second.stop();
    }
    const counts = w.pageCounts(/graceful (\d+)/);
    expect(counts.size).toBe(total);
    // A graceful stop finishes its sends instead of abandoning them: no page goes out twice.
    expect([...counts.values()].every((c) => c === 1)).toBe(true);
    // eslint-disable-next-line no-console
    console.log(`graceful shutdown: ${sentByFirst} sent before SIGTERM finished, ${total - sentByFirst} by the next worker, stuck claims 0, duplicates 0`);
  });
});
