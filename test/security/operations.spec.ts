import { Client } from 'pg';
import { createEscalationPolicyRow, createIntegration, createService, trigger } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

/** Prometheus text -> the value of one sample, e.g. sample(text, 'klaxon_incidents{status="triggered"}'). */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('operations: domain metrics and readiness (real PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const scrape = async () => (await t.http().get('/metrics').expect(200)).text;

  it('exposes incidents by status, outbox depth, oldest due timer age and dispatcher lag, computed at scrape time', async () => {
    t.clock.set(new Date('2026-03-01T12:00:00.000Z'));
    const before = await scrape();
    expect(sample(before, 'klaxon_domain_metrics_up')).toBe(1);
    expect(sample(before, 'klaxon_incidents{status="triggered"}')).toBe(0);
    expect(sample(before, 'klaxon_outbox_depth{state="pending"}')).toBe(0);
    expect(sample(before, 'klaxon_oldest_due_timer_age_seconds')).toBe(0);
    expect(sample(before, 'klaxon_dispatcher_lag_seconds')).toBe(0);

    const service = await createService(t, { escalationPolicyId: await createEscalationPolicyRow(t) });
    const v2 = await createIntegration(t, service.id, 'events-v2');
    const a = await trigger(t, v2.key, 'metrics-a');
    await trigger(t, v2.key, 'metrics-b');
    await t.api('responder').post(`/api/v1/incidents/${a.id}/acknowledge`, {}).expect(200);

    // Pages: two pending (one due 90 s ago, one in the future), one claimed, one sent.
    const now = t.clock.now().getTime();
    const page = (key: string, state: string, dueOffsetMs: number) =>
      t.dataSource.query(
        `INSERT INTO notifications (incident_id, idempotency_key, level, loop, channel, address, state, due_at)
         VALUES ($1, $2, 0, 0, 'sms', '+14155550100', $3, $4)`,
        [a.id, key, state, new Date(now + dueOffsetMs)],
      );
    await page('k1', 'pending', -90_000);
    await page('k2', 'pending', 60_000);
    await page('k3', 'sending', -10_000);
    await page('k4', 'sent', -10_000);
    // The oldest timer that is due and not fired: 45 s overdue (a future one does not count).
    await t.dataSource.query(`DELETE FROM timers`);
    await t.dataSource.query(`INSERT INTO timers (kind, incident_id, due_at) VALUES ('escalation', $1, $2), ('escalation', $1, $3)`, [
      a.id,
      new Date(now - 45_000),
      new Date(now + 600_000),
    ]);

    // The gauges share one query per scrape; a scrape more than a second later sees new rows.
    await new Promise((r) => setTimeout(r, 1100));
    const text = await scrape();
    expect(sample(text, 'klaxon_incidents{status="triggered"}')).toBe(1);
    expect(sample(text, 'klaxon_incidents{status="acknowledged"}')).toBe(1);
    expect(sample(text, 'klaxon_incidents{status="resolved"}')).toBe(0);
    expect(sample(text, 'klaxon_outbox_depth{state="pending"}')).toBe(2);
    expect(sample(text, 'klaxon_outbox_depth{state="sending"}')).toBe(1);
    expect(sample(text, 'klaxon_oldest_due_timer_age_seconds')).toBe(45);
    expect(sample(text, 'klaxon_dispatcher_lag_seconds')).toBe(90);
    // The counters that were already there.
    expect(sample(text, 'klaxon_events_accepted_total{source="events-v2"}')).toBe(2);
    expect(text).toContain('# TYPE klaxon_notifications_total counter');
    expect(text).toContain('# TYPE klaxon_audit_write_failures_total counter');

    // Time passes (the injected clock): the ages grow without new rows.
    t.clock.set(new Date(now + 30_000));
    await new Promise((r) => setTimeout(r, 1100));
    const later = await scrape();
    expect(sample(later, 'klaxon_oldest_due_timer_age_seconds')).toBe(75);
    expect(sample(later, 'klaxon_dispatcher_lag_seconds')).toBe(120);
  });

  it('/readyz answers 503 while the database is unreachable and 200 again once it is back; /healthz and /metrics keep answering', async () => {
    await t.http().get('/readyz').expect(200);
    const admin = new Client({ connectionString: process.env.KLAXON_TEST_ADMIN_URL });
    await admin.connect();
    try {
      // The database refuses new connections and every open one is cut: what a crashed or unreachable server looks like to the pool.
      await admin.query(`ALTER DATABASE "${t.db.name}" ALLOW_CONNECTIONS false`);
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [t.db.name]);

      const down = await t.http().get('/readyz').expect(503);
      expect(down.body.status).toBe('error');
      expect(down.body.error.database.status).toBe('down');
      await t.http().get('/healthz').expect(200, { status: 'ok' });
      await new Promise((r) => setTimeout(r, 1100));
      const metrics = await scrape();
      expect(sample(metrics, 'klaxon_domain_metrics_up')).toBe(0);
      expect(sample(metrics, 'klaxon_incidents{status="triggered"}')).toBeUndefined();
      // An API call fails cleanly rather than hanging or crashing the process.
      const res = await t.api().get('/api/v1/users');
      expect(res.status).toBeGreaterThanOrEqual(500);

      await admin.query(`ALTER DATABASE "${t.db.name}" ALLOW_CONNECTIONS true`);
      const started = Date.now();
      let status = 0;
      while (Date.now() - started < 5000) {
        status = (await t.http().get('/readyz')).status;
        if (status === 200) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(status).toBe(200);
      await t.api().get('/api/v1/users').expect(200);
    } finally {
      await admin.query(`ALTER DATABASE "${t.db.name}" ALLOW_CONNECTIONS true`).catch(() => undefined);
      await admin.end();
    }
  });
});
