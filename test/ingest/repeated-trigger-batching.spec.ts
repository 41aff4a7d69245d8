import { randomUUID } from 'node:crypto';
import type { IngestTarget } from '../../src/incidents/incident-commands';
import { IncidentsRepository } from '../../src/incidents/incidents.repository';
import type { NormalisedEvent } from '../../src/ingest/sources/normalised-event';
import { createIntegration, createService, IntegrationFixture, ServiceFixture } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';
import { alertOccurrences, batchSamples, counts, ingestEvent, ingestTarget, postJson } from './ingest-helpers';

/**
 * Repeated triggers from concurrent requests share one batch, one transaction
 * and one commit (incidents.repository.ts). What must hold: every caller's event is
 * stored before its answer, each event lands on its own incident, batches
 * never deadlock each other, and one bad event fails alone.
 */
describe('repeated triggers written in shared batches (real PostgreSQL)', () => {
  let t: TestApp;
  let service: ServiceFixture;
  let v2: IntegrationFixture;
  let writer: IncidentsRepository;
  const join = async (target: IngestTarget, event: NormalisedEvent, raw: unknown) => (await writer.record(target, [event], raw))[0];
  beforeAll(async () => {
    t = await createTestApp();
    writer = t.get(IncidentsRepository);
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    service = await createService(t);
    v2 = await createIntegration(t, service.id, 'events-v2');
  });

  const enqueue = (dedupKey: string, summary = `alert ${dedupKey}`) =>
    postJson(t, '/v2/enqueue', { routing_key: v2.key, event_action: 'trigger', dedup_key: dedupKey, payload: { summary, source: 'db-1', severity: 'critical' } });

  const target = (integrationId: string | null = v2.id) => ingestTarget(service.id, integrationId);
  const event = (dedupKey: string) => ingestEvent(dedupKey, { title: `alert ${dedupKey}` });

  it('counts every one of 300 concurrent repeated triggers on its own incident: one alert and one timeline entry each', async () => {
    const keys = Array.from({ length: 20 }, (_, i) => `disk-${i}`);
    for (const key of keys) await enqueue(key).expect(202);
    const sent = Array.from({ length: 300 }, (_, i) => keys[(i * 7) % keys.length]);
    const answers = await Promise.all(sent.map((key, i) => enqueue(key, `repeat ${i} of ${key}`)));
    expect(answers.map((r) => r.status)).toEqual(sent.map(() => 202));
    expect(answers.map((r) => r.body.dedup_key)).toEqual(sent);

    expect(await counts(t, service.id)).toEqual({ incidents: 20, alerts: 20, timeline: 40 });
    // Each alert sits on the incident of its own dedup key, with the payload of one of its own repeats.
    const misplaced = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM alerts a JOIN incidents i ON i.id = a.incident_id
        WHERE i.service_id = $1 AND a.title NOT LIKE '%' || i.dedup_key`,
      [service.id],
    );
    expect(misplaced[0].n).toBe(0);
    // Each incident as the API shows it: its burst's entry counting the repeats (read from its alert while the burst is open).
    const ids: { id: string }[] = await t.dataSource.query(`SELECT id FROM incidents WHERE service_id = $1`, [service.id]);
    const perIncident = await Promise.all(
      ids.map(async ({ id }) => {
        const detail = (await t.api().get(`/api/v1/incidents/${id}`).expect(200)).body;
        const entry = detail.timeline.find((e: { type: string }) => e.type === 'repeated');
        return [detail.dedupKey, [entry.data.count, detail.alerts[0].occurrences]];
      }),
    );
    const sentPerKey = (k: string) => sent.filter((s) => s === k).length;
    expect(Object.fromEntries(perIncident)).toEqual(Object.fromEntries(keys.map((k) => [k, [sentPerKey(k), sentPerKey(k) + 1]])));
  });

  it('shares batches, and never deadlocks: 2,000 joins over 50 incidents in shuffled orders all succeed, none falls back', async () => {
    const keys = Array.from({ length: 50 }, (_, i) => `svc-${i}`);
    for (const key of keys) await enqueue(key).expect(202);
    const before = await batchSamples(t);
    const warn = jest.spyOn((writer as unknown as { logger: { warn: () => void } }).logger, 'warn');
    try {
      const order = Array.from({ length: 2000 }, (_, i) => keys[(i * 31 + Math.floor(i / 50)) % keys.length]);
      const outcomes = await Promise.all(order.map((key) => join(target(), event(key), { key })));
      expect(outcomes.every((o) => o && o.incidentId && !o.created)).toBe(true);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
    expect(await counts(t, service.id)).toMatchObject({ incidents: 50, alerts: 50, timeline: 100 });
    expect(await alertOccurrences(t, service.id)).toBe(2050);
    const after = await batchSamples(t);
    expect(after.sum - before.sum).toBe(2000);
    // Submitted in one turn of the event loop: at most 256 events a batch, so 8 batches or a few more.
    expect(after.count - before.count).toBeLessThanOrEqual(20);
  });

  it('an acknowledge or resolve for a key with no open incident stores nothing (a 202 no-op)', async () => {
    const outcomes = await Promise.all([
      join(target(), { ...event('never-seen'), action: 'acknowledge' }, {}),
      join(target(), { ...event('never-seen'), action: 'resolve' }, {}),
    ]);
    expect(outcomes).toEqual([
      { dedupKey: 'never-seen', incidentId: null, created: false },
      { dedupKey: 'never-seen', incidentId: null, created: false },
    ]);
    expect(await counts(t, service.id)).toEqual({ incidents: 0, alerts: 0, timeline: 0 });
  });

  it('a bad event in a shared batch fails alone; its neighbours are stored', async () => {
    await enqueue('good').expect(202);
    const ghost = randomUUID(); // an integration that does not exist: the alert's foreign key refuses it
    const results = await Promise.allSettled([
      join(target(), event('good'), { n: 1 }),
      join(target(ghost), event('bad'), { n: 2 }),
      join(target(), event('good'), { n: 3 }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const alerts: { dedup_key: string; occurrences: number; payload: { n?: number }; first: { n?: number } | null }[] = await t.dataSource.query(
      `SELECT i.dedup_key, a.occurrences, a.payload, a.first_payload AS first FROM alerts a JOIN incidents i ON i.id = a.incident_id
        WHERE i.service_id = $1`,
      [service.id],
    );
    // Both good repeats counted on the key's one alert (each retried alone, in either order); nothing of the bad one.
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ dedup_key: 'good', occurrences: 3 });
    expect([1, 3]).toContain(alerts[0].payload.n);
    expect(alerts[0].first?.n).not.toBe(2);
    expect(await counts(t, service.id)).toMatchObject({ incidents: 1, alerts: 1, timeline: 2 });
  });

  it('an acknowledge that waited for another process\'s repeats ends the burst counting them too', async () => {
    await enqueue('raced').expect(202);
    await enqueue('raced').expect(202); // starts the burst: one repeat
    const [{ id }] = await t.dataSource.query(`SELECT id FROM incidents WHERE service_id = $1 AND dedup_key = 'raced'`, [service.id]);
    // Another api process writes five repeats as its remembered-incident write does: the incident's lock, then the alert.
    const other = t.dataSource.createQueryRunner();
    await other.connect();
    try {
      await other.startTransaction();
      await other.query(`SELECT 1 FROM incidents WHERE id = $1 FOR NO KEY UPDATE`, [id]);
      await other.query(`UPDATE alerts SET occurrences = occurrences + 5 WHERE incident_id = $1 AND alert_key = ''`, [id]);
      const ack = postJson(t, '/v2/enqueue', { routing_key: v2.key, event_action: 'acknowledge', dedup_key: 'raced' }).then((r) => r);
      // The acknowledge's load waits for that lock; its statement began before the other transaction commits.
      for (let waited = 0; ; waited += 10) {
        const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`);
        if (n > 0) break;
        if (waited > 5000) throw new Error('the acknowledge never waited for the lock');
        await new Promise((r) => setTimeout(r, 10));
      }
      await other.commitTransaction();
      expect((await ack).status).toBe(202);
    } finally {
      await other.release();
    }
    const detail = (await t.api().get(`/api/v1/incidents/${id}`).expect(200)).body;
    expect(detail.status).toBe('acknowledged');
    expect(detail.timeline.find((e: { type: string }) => e.type === 'repeated').data.count).toBe(6);
    const [stored] = await t.dataSource.query(`SELECT (data->>'count')::int AS count FROM incident_timeline WHERE incident_id = $1 AND type = 'repeated'`, [id]);
    expect(stored.count).toBe(6);
  });

  it('counts repeats in one entry per burst: a change of status starts a new one, and the incident stays acknowledged', async () => {
    await enqueue('acked').expect(202);
    await enqueue('acked').expect(202);
    t.clock.advanceMinutes(5);
    await enqueue('acked').expect(202);
    await postJson(t, '/v2/enqueue', { routing_key: v2.key, event_action: 'acknowledge', dedup_key: 'acked' }).expect(202);
    await enqueue('acked').expect(202);
    const rows: { status: string; type: string; message: string; count: number | null }[] = await t.dataSource.query(
      `SELECT i.status, e.type, e.message, (e.data->>'count')::int AS count FROM incidents i JOIN incident_timeline e ON e.incident_id = i.id
        WHERE i.service_id = $1 ORDER BY e.at, e.seq`,
      [service.id],
    );
    expect(rows.map((r) => [r.status, r.type, r.count])).toEqual([
      ['acknowledged', 'triggered', null],
      ['acknowledged', 'repeated', 2],
      ['acknowledged', 'acknowledged', null],
      ['acknowledged', 'repeated', 1],
    ]);
    expect(rows[1].message).toMatch(/^Triggered again by \S+ 2 times between \d{4}-\d\d-\d\d (\d\d:\d\d:\d\d) and (?!\1)\d\d:\d\d:\d\d UTC$/);
    expect(rows[3].message).toMatch(/^Triggered again by \S+ at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
  });
});
