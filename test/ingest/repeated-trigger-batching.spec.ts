import { randomUUID } from 'node:crypto';
import type { IngestTarget } from '../../src/incidents/incident-commands';
import { IncidentsRepository } from '../../src/incidents/incidents.repository';
import type { NormalisedEvent } from '../../src/ingest/sources/normalised-event';
import { createIntegration, createService, IntegrationFixture, ServiceFixture } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';
import { batchSamples, counts, ingestEvent, ingestTarget, postJson } from './ingest-helpers';

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

  it('stores every one of 300 concurrent repeated triggers on its own incident', async () => {
    const keys = Array.from({ length: 20 }, (_, i) => `disk-${i}`);
    for (const key of keys) await enqueue(key).expect(202);
    const sent = Array.from({ length: 300 }, (_, i) => keys[(i * 7) % keys.length]);
    const answers = await Promise.all(sent.map((key, i) => enqueue(key, `repeat ${i} of ${key}`)));
    expect(answers.map((r) => r.status)).toEqual(sent.map(() => 202));
    expect(answers.map((r) => r.body.dedup_key)).toEqual(sent);

    expect(await counts(t, service.id)).toEqual({ incidents: 20, alerts: 320, timeline: 320 });
    // Each alert sits on the incident of its own dedup key, with its own payload.
    const misplaced = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM alerts a JOIN incidents i ON i.id = a.incident_id
        WHERE i.service_id = $1 AND a.title NOT LIKE '%' || i.dedup_key`,
      [service.id],
    );
    expect(misplaced[0].n).toBe(0);
    const perIncident: { dedup_key: string; n: number }[] = await t.dataSource.query(
      `SELECT i.dedup_key, count(*)::int AS n FROM incident_timeline e JOIN incidents i ON i.id = e.incident_id
        WHERE i.service_id = $1 AND e.type = 'alert-added' GROUP BY 1`,
      [service.id],
    );
    expect(Object.fromEntries(perIncident.map((r) => [r.dedup_key, r.n]))).toEqual(
      Object.fromEntries(keys.map((k) => [k, sent.filter((s) => s === k).length])),
    );
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
    expect(await counts(t, service.id)).toMatchObject({ incidents: 50, alerts: 2050 });
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
      join(target(ghost), event('good'), { n: 2 }),
      join(target(), event('good'), { n: 3 }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const payloads: { payload: { n?: number } }[] = await t.dataSource.query(
      `SELECT a.payload FROM alerts a JOIN incidents i ON i.id = a.incident_id WHERE i.service_id = $1 ORDER BY a.payload->>'n'`,
      [service.id],
    );
    expect(payloads.map((p) => p.payload.n ?? null)).toEqual([1, 3, null]);
    expect(await counts(t, service.id)).toMatchObject({ alerts: 3, timeline: 3 });
  });

  it('writes "incident already acknowledged" on the timeline of an acknowledged incident, and leaves it acknowledged', async () => {
    await enqueue('acked').expect(202);
    await postJson(t, '/v2/enqueue', { routing_key: v2.key, event_action: 'acknowledge', dedup_key: 'acked' }).expect(202);
    await enqueue('acked').expect(202);
    const [row] = await t.dataSource.query(
      `SELECT i.status, e.message FROM incidents i JOIN incident_timeline e ON e.incident_id = i.id AND e.type = 'alert-added'
        WHERE i.service_id = $1`,
      [service.id],
    );
    expect(row).toEqual({ status: 'acknowledged', message: expect.stringMatching(/^New alert by .+; incident already acknowledged, nobody new paged$/) });
  });
});
