import { AuditLogRepository } from '../../src/audit/audit-log.repository';
import { CLEANUP_PAUSE_MS, CleanupKind } from '../../src/escalation/engine/kinds/cleanup.kind';
import { TimerClaimerService } from '../../src/escalation/engine/timer-claimer.service';
import { MetricsService } from '../../src/health/metrics.service';
import { IncidentRetentionRepository } from '../../src/incidents/incident-retention.repository';
import { WorkerService } from '../../src/worker/worker.service';
import { createService } from '../support/factories';
import { insertOldIncidents } from '../support/old-incidents';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * The retention cleanup timer on real PostgreSQL with a FakeClock: what it
 * deletes (resolved incidents with every row that belongs to them, each other
 * table at its horizon), what it keeps (open incidents, recent rows, anything
 * whose retention is 0), batches of at most 1,000 rows, and one cleanup
 * across two workers on one database.
 */
const DAY_MS = 86_400_000;

describe('retention cleanup', () => {
  jest.setTimeout(120_000);
  let t: TestApp;
  const q = <T = any>(sql: string, params: unknown[] = []): Promise<T[]> => t.dataSource.query(sql, params);
  const daysAgo = (days: number) => new Date(t.clock.now().getTime() - days * DAY_MS);
  const count = async (table: string, where = 'true', params: unknown[] = []) =>
    (await q<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params))[0].n;
  /** Arms the cleanup and lets the worker run it to its end, moving the clock over each pause between firings. */
  const runCleanup = async (app: TestApp = t) => {
    await app.get(TimerClaimerService).armEngineTimers();
    for (;;) {
      await app.get(WorkerService).drain();
      const [timer] = await q<{ data: { runStartedAt?: string } }>(`SELECT data FROM timers WHERE kind = 'cleanup'`);
      if (!timer.data.runStartedAt) return;
      t.clock.advance(CLEANUP_PAUSE_MS);
    }
  };

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('deletes incidents resolved past retention with all their rows, keeps open and recent ones untouched', async () => {
    const service = await createService(t);
    const serviceId = service.id;
    await insertOldIncidents(q, { serviceId, count: 3, resolvedAt: daysAgo(366), prefix: 'expired', alerts: 2, timeline: 3, pages: 2 });
    await insertOldIncidents(q, { serviceId, count: 2, resolvedAt: daysAgo(364), prefix: 'recent' });
    await insertOldIncidents(q, { serviceId, count: 2, resolvedAt: daysAgo(500), prefix: 'open', status: 'triggered' });
    const expired = (await q<{ id: string }>(`SELECT id FROM incidents WHERE dedup_key LIKE 'expired-%'`)).map((r) => r.id);
    await q(`INSERT INTO slack_message_updates (incident_id, due_at) VALUES ($1, $2)`, [expired[0], daysAgo(366)]);
    const kept = await q(
      `SELECT i.id, i.updated_at, (SELECT count(*)::int FROM alerts a WHERE a.incident_id = i.id) AS alerts,
              (SELECT count(*)::int FROM incident_timeline l WHERE l.incident_id = i.id) AS timeline,
              (SELECT count(*)::int FROM notifications n WHERE n.incident_id = i.id) AS pages
         FROM incidents i WHERE i.dedup_key NOT LIKE 'expired-%' ORDER BY i.id`,
    );

    await runCleanup();

    const of = 'incident_id = ANY($1::uuid[])';
    expect(await count('incidents', 'id = ANY($1::uuid[])', [expired])).toBe(0);
    for (const table of ['alerts', 'incident_timeline', 'notifications', 'slack_message_updates', 'timers']) {
      expect([table, await count(table, of, [expired])]).toEqual([table, 0]);
    }
    const after = await q(
      `SELECT i.id, i.updated_at, (SELECT count(*)::int FROM alerts a WHERE a.incident_id = i.id) AS alerts,
              (SELECT count(*)::int FROM incident_timeline l WHERE l.incident_id = i.id) AS timeline,
              (SELECT count(*)::int FROM notifications n WHERE n.incident_id = i.id) AS pages
         FROM incidents i WHERE i.dedup_key NOT LIKE 'expired-%' ORDER BY i.id`,
    );
    expect(after).toEqual(kept);
    expect(kept).toHaveLength(4);
    const metrics = await t.get(MetricsService).registry.getSingleMetricAsString('klaxon_cleanup_deleted_rows_total');
    expect(metrics).toContain('klaxon_cleanup_deleted_rows_total{table="incidents"} 3');
    expect(metrics).toContain('klaxon_cleanup_deleted_rows_total{table="alerts"} 6');
    expect(metrics).toContain('klaxon_cleanup_deleted_rows_total{table="incident_timeline"} 9');
    expect(metrics).toContain('klaxon_cleanup_deleted_rows_total{table="notifications"} 6');
    const scraped = (await t.http().get('/metrics').expect(200)).text;
    for (const table of ['incidents', 'alerts', 'incident_timeline', 'notifications', 'audit_log', 'used_action_tokens', 'sms_help_replies', 'inbound_receipts']) {
      expect(scraped).toMatch(new RegExp(`^klaxon_table_size_bytes\\{table="${table}"\\} [1-9]\\d*$`, 'm'));
    }
  });

  it('cleans every other retained table at its own horizon', async () => {
    await q(`DELETE FROM audit_log`);
    const audit = (id: string, at: Date) =>
      q(
        `INSERT INTO audit_log (created_at, principal_id, principal_name, principal_role, action, resource_type, method, path, status)
         VALUES ($1, $2, 'test', 'admin', 'create', 'user', 'POST', '/api/v1/users', 201)`,
        [at, id],
      );
    await audit('audit-old', daysAgo(401));
    await audit('audit-new', daysAgo(399));
    const token = (id: string, expiresAt: Date) =>
      q(`INSERT INTO used_action_tokens (token_id, incident_id, action, used_at, expires_at) VALUES ($1, gen_random_uuid(), 'ack', $2, $2)`, [id, expiresAt]);
    await token('00000000-0000-4000-8000-000000000001', daysAgo(8));
    await token('00000000-0000-4000-8000-000000000002', daysAgo(6));
    const help = (address: string, at: Date) => q(`INSERT INTO sms_help_replies (address, count, updated_at) VALUES ($1, 5, $2)`, [address, at]);
    await help('+15550000031', daysAgo(31));
    await help('+15550000029', daysAgo(29));
    const receipt = (source: string, id: string, at: Date) =>
      q(`INSERT INTO inbound_receipts (source, receipt_id, received_at) VALUES ($1, $2, $3)`, [source, id, at]);
    await receipt('slack-action', 'slack-old', daysAgo(1.5));
    await receipt('slack-action', 'slack-new', daysAgo(0.5));
    await receipt('twilio-sms', 'sms-old', daysAgo(401));
    await receipt('twilio-sms', 'sms-new', daysAgo(399));
    await receipt('twilio-voice-gather', 'voice-old', daysAgo(401));

    t.clock.advanceMinutes(10);
    await runCleanup();

    expect((await q(`SELECT principal_id FROM audit_log ORDER BY 1`)).map((r) => r.principal_id)).toEqual(['audit-new']);
    expect(await q(`SELECT token_id FROM used_action_tokens`)).toEqual([{ token_id: '00000000-0000-4000-8000-000000000002' }]);
    expect(await q(`SELECT address FROM sms_help_replies`)).toEqual([{ address: '+15550000029' }]);
    expect((await q(`SELECT receipt_id FROM inbound_receipts ORDER BY 1`)).map((r) => r.receipt_id)).toEqual(['slack-new', 'sms-new']);
  });

  it('re-arms itself after a run: one cleanup timer, due after the interval', async () => {
    const timers = await q(`SELECT kind, incident_id, due_at, data FROM timers WHERE kind = 'cleanup'`);
    expect(timers).toEqual([{ kind: 'cleanup', incident_id: null, due_at: new Date(t.clock.now().getTime() + 10 * 60_000), data: {} }]);
  });

  it('deletes in batches of at most 1,000 rows, in as many transactions as it takes', async () => {
    const service = await createService(t);
    await insertOldIncidents(q, { serviceId: service.id, count: 600, resolvedAt: daysAgo(400), prefix: 'batch', alerts: 4, timeline: 1, pages: 0 });
    await q(
      `INSERT INTO audit_log (created_at, principal_id, principal_name, principal_role, action, resource_type, method, path, status)
       SELECT $1, 'bulk-' || g, 'test', 'admin', 'create', 'user', 'POST', '/api/v1/users', 201 FROM generate_series(1, 2500) AS g`,
      [daysAgo(500)],
    );
    const sizes: number[] = [];
    const record = (p: Promise<number>) => p.then((n) => (sizes.push(n), n));
    const alerts = t.get(IncidentRetentionRepository);
    const audit = t.get(AuditLogRepository);
    const deleteAlerts = alerts.deleteAlerts.bind(alerts);
    const deleteAudit = audit.deleteBefore.bind(audit);
    const spies = [
      jest.spyOn(alerts, 'deleteAlerts').mockImplementation((ids, limit) => record(deleteAlerts(ids, limit))),
      jest.spyOn(audit, 'deleteBefore').mockImplementation((before, limit) => record(deleteAudit(before, limit))),
    ];
    t.clock.advanceMinutes(10);
    await runCleanup();
    spies.forEach((s) => s.mockRestore());

    expect(await count('incidents', `dedup_key LIKE 'batch-%'`)).toBe(0);
    expect(await count('audit_log', `principal_id LIKE 'bulk-%'`)).toBe(0);
    expect(Math.max(...sizes)).toBe(1000);
    // 2,400 alerts of 600 incidents (500, then 100 at a time) and 2,500 audit rows.
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(4900);
    expect(sizes.filter((n) => n > 0).length).toBeGreaterThanOrEqual(6);
  });

  it('keeps rows forever when a retention is 0', async () => {
    const forever = await createTestApp({
      databaseUrl: t.db.url,
      clock: t.clock,
      env: { KLAXON_RETENTION_INCIDENT_DAYS: '0', KLAXON_RETENTION_AUDIT_DAYS: '0' },
    });
    try {
      const service = await createService(t);
      await insertOldIncidents(q, { serviceId: service.id, count: 2, resolvedAt: daysAgo(3000), prefix: 'forever' });
      await q(
        `INSERT INTO audit_log (created_at, principal_id, principal_name, principal_role, action, resource_type, method, path, status)
         VALUES ($1, 'ancient', 'test', 'admin', 'create', 'user', 'POST', '/api/v1/users', 201)`,
        [daysAgo(3000)],
      );
      t.clock.advanceMinutes(10);
      await runCleanup(forever);
      expect(await count('incidents', `dedup_key LIKE 'forever-%'`)).toBe(2);
      expect(await count('alerts a JOIN incidents i ON i.id = a.incident_id', `i.dedup_key LIKE 'forever-%'`)).toBe(4);
      expect(await count('audit_log', `principal_id = 'ancient'`)).toBe(1);
    } finally {
      await forever.close();
    }
  });

  it('is armed once and fired by exactly one of two workers on one database', async () => {
    const other = await createTestApp({ databaseUrl: t.db.url, clock: t.clock });
    try {
      const fires = [t, other].map((app) => jest.spyOn(app.get(CleanupKind), 'fire'));
      await Promise.all([t, other].map((app) => app.get(TimerClaimerService).armEngineTimers()));
      expect(await count('timers', `kind = 'cleanup'`)).toBe(1);
      t.clock.advanceMinutes(10);
      await Promise.all([t, other].map((app) => app.get(TimerClaimerService).fireDueTimers()));
      expect(fires.map((f) => f.mock.calls.length).sort()).toEqual([0, 1]);
      expect(await count('timers', `kind = 'cleanup'`)).toBe(1);
      fires.forEach((f) => f.mockRestore());
    } finally {
      await other.close();
    }
  });
});
