import { freePort } from '../../src/database/embedded-postgres';
import { waitFor } from '../fakes/wait-for';
import { createProcessWorld, ProcessWorld } from '../support/process-world';
import type { KlaxonProcess } from '../support/worker-process';

/**
 * The process roles as real processes under ts-node on one database, paging
 * through the real Twilio SDK against the fake Twilio: production's
 * `KLAXON_ROLE=api` and `KLAXON_ROLE=worker` side by side (what the compose
 * file runs), then `KLAXON_ROLE=all` (both in one process, one registry). Every
 * process listens on its PORT and serves its own /metrics, gauges included.
 */
describe('process roles', () => {
  // Real processes start under ts-node: give them room on a loaded 2-core machine.
  jest.setTimeout(240_000);
  let w: ProcessWorld;
  beforeAll(async () => {
    w = await createProcessWorld();
  });
  afterAll(async () => {
    await w.close();
  });

  /** A process of the world on a known port, started; its base URL. */
  async function started(env: Record<string, string>): Promise<{ klaxon: KlaxonProcess; base: string }> {
    const port = await freePort();
    const klaxon = w.worker({ ...env, PORT: String(port) });
    await klaxon.start();
    return { klaxon, base: `http://127.0.0.1:${port}` };
  }

  async function post(base: string, prefix: string, count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      const res = await fetch(`${base}/v2/enqueue`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          routing_key: w.routingKey,
          event_action: 'trigger',
          dedup_key: `${prefix}-${i}`,
          payload: { summary: `${prefix} page ${i}`, source: 'test', severity: 'critical' },
        }),
      });
      expect(res.status).toBe(202);
    }
  }

  /** /metrics once every line of `expected` is there (a page reaches Twilio just before its outcome is counted). */
  async function metricsWith(base: string, expected: RegExp[], timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const res = await fetch(`${base}/metrics`);
      expect(res.status).toBe(200);
      const text = await res.text();
      if (expected.every((re) => re.test(text)) || Date.now() > deadline) return text;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  const gauges = (triggered: number) => [
    /^klaxon_domain_metrics_up 1$/m,
    new RegExp(`^klaxon_incidents\\{status="triggered"\\} ${triggered}$`, 'm'),
    /^klaxon_outbox_depth\{state="pending"\} 0$/m,
    /^klaxon_oldest_due_timer_age_seconds 0$/m,
  ];
  const sent = (n: number) => new RegExp(`^klaxon_notifications_total\\{channel="sms",outcome="sent"\\} ${n}$`, 'm');
  const accepted = (n: number) => new RegExp(`^klaxon_events_accepted_total\\{source="events-v2"\\} ${n}$`, 'm');
  const processMetrics = /^klaxon_process_resident_memory_bytes \d+/gm;

  it('api and worker as two processes: the api takes the alerts, the worker pages, each serves its own metrics', async () => {
    const [api, worker] = await Promise.all([started({ KLAXON_ROLE: 'api' }), started({ KLAXON_ROLE: 'worker' })]);

    await post(api.base, 'split', 5);
    await w.twilio.waitFor(() => w.pageCounts(/split page (\d+)/).size === 5, 60_000);
    expect([...w.pageCounts(/split page (\d+)/).values()]).toEqual([1, 1, 1, 1, 1]);
    // The logs say the same: the api opened the incidents, the worker sent the pages.
    const msgs = (k: KlaxonProcess, msg: string) => k.logLines.filter((l) => l.msg === msg);
    await waitFor(() => msgs(worker.klaxon, 'page sent').length === 5, 5000, 'the worker process logging 5 "page sent"');
    expect(msgs(api.klaxon, 'page sent')).toEqual([]);
    expect(msgs(api.klaxon, 'incident opened')).toHaveLength(5);
    expect(msgs(worker.klaxon, 'incident opened')).toEqual([]);
    expect([...msgs(api.klaxon, 'Klaxon is up'), ...msgs(worker.klaxon, 'Klaxon is up')].map((l) => l.role)).toEqual(['api', 'worker']);

    // The api counted the events and sent nothing; the worker sent the pages and took no event.
    const apiMetrics = await metricsWith(api.base, [accepted(5), ...gauges(5)]);
    for (const re of [accepted(5), ...gauges(5)]) expect(apiMetrics).toMatch(re);
    expect(apiMetrics).not.toMatch(/^klaxon_notifications_total\{/m);
    expect(apiMetrics.match(processMetrics)).toHaveLength(1);

    const workerMetrics = await metricsWith(worker.base, [sent(5), ...gauges(5)]);
    for (const re of [sent(5), ...gauges(5)]) expect(workerMetrics).toMatch(re);
    expect(workerMetrics).not.toMatch(/^klaxon_events_accepted_total\{/m);
    expect(workerMetrics.match(processMetrics)).toHaveLength(1);

    const pids = [api.klaxon.pid, worker.klaxon.pid];
    expect(await Promise.all([api.klaxon.stop(), worker.klaxon.stop()])).toEqual([0, 0]);
    expect(await Promise.all(pids.map((pid) => w.claimsHeldBy(pid)))).toEqual([0, 0]);
  });

  it('all runs the API and the worker in one process, counting both into one /metrics', async () => {
    const all = await started({ KLAXON_ROLE: 'all' });

    await post(all.base, 'single', 5);
    await w.twilio.waitFor(() => w.pageCounts(/single page (\d+)/).size === 5, 60_000);
    expect([...w.pageCounts(/single page (\d+)/).values()]).toEqual([1, 1, 1, 1, 1]);
    await waitFor(() => all.klaxon.logLines.filter((l) => l.msg === 'page sent').length === 5, 5000, 'the all process logging 5 "page sent"');

    // This process's counters only (the previous test's processes are gone); the gauges read the shared rows.
    const expected = [accepted(5), sent(5), ...gauges(10)];
    const metrics = await metricsWith(all.base, expected);
    for (const re of expected) expect(metrics).toMatch(re);
    expect(metrics.match(processMetrics)).toHaveLength(1);

    const pid = all.klaxon.pid;
    expect(await all.klaxon.stop()).toBe(0);
    expect(await w.claimsHeldBy(pid)).toBe(0);
  });
});
