import { freePort } from '../../src/database/embedded-postgres';
import { createProcessWorld, ProcessWorld } from '../support/process-world';

/**
 * KLAXON_ROLE=all runs the worker in a thread of its own (worker-thread.ts): a
 * real process under ts-node, its API on a port, its worker paging through
 * the real Twilio SDK against the fake Twilio, one /metrics for both, and a
 * graceful SIGTERM that stops both.
 */
describe('KLAXON_ROLE=all: the worker in its own thread', () => {
  jest.setTimeout(180_000);
  let w: ProcessWorld;
  beforeAll(async () => {
    w = await createProcessWorld();
  });
  afterAll(async () => {
    await w.close();
  });

  it('serves the API, pages from the thread, reports both in /metrics, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const klaxon = w.worker({ KLAXON_ROLE: 'all', PORT: String(port) });
    await klaxon.start(); // "worker started" is logged by the thread
    const base = `http://127.0.0.1:${port}`;
    // The API listens once the thread is up.
    for (let i = 0; !(await fetch(`${base}/readyz`).then((r) => r.ok, () => false)); i++) {
      if (i > 300) throw new Error(`API never became ready:\n${klaxon.log.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(klaxon.log).toMatch(/"workerThread":true/);

    // The process's own API takes the alerts; its worker thread pages.
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${base}/v2/enqueue`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          routing_key: w.routingKey,
          event_action: 'trigger',
          dedup_key: `thread-${i}`,
          payload: { summary: `thread page ${i}`, source: 'test', severity: 'critical' },
        }),
      });
      expect(res.status).toBe(202);
    }
    await w.twilio.waitFor(() => w.pageCounts(/thread page (\d+)/).size === 5, 60_000);
    expect([...w.pageCounts(/thread page (\d+)/).values()]).toEqual([1, 1, 1, 1, 1]);

    // One scrape: the API's request counts and the worker thread's notification counts.
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/klaxon_notifications_total\{channel="sms",outcome="sent"\} 5/);
    expect(metrics).toMatch(/klaxon_events_accepted_total\{source="events-v2"\} 5/);
    expect(metrics.match(/^klaxon_process_resident_memory_bytes /gm)).toHaveLength(1);

    expect(await klaxon.stop()).toBe(0);
    expect(await w.claimsHeldBy(klaxon.pid)).toBe(0);
  });
});
