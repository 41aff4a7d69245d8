import { Clock } from '../../src/common/clock';
import type { IngestTarget } from '../../src/incidents/incident-recorder.service';
import { IncidentRecorder } from '../../src/incidents/incident-recorder.service';
import { IncidentsService } from '../../src/incidents/incidents.service';
import { NewIncidentWriter } from '../../src/incidents/new-incident-writer';
import type { NormalisedEvent } from '../../src/ingest/sources/normalised-event';
import { createIntegration, createService, IntegrationFixture, ServiceFixture } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';
import { counts, postJson } from './ingest-helpers';

/**
 * The first trigger of a new incident is written in a statement shared with
 * the other new incidents of the moment (new-incident-writer.ts), including
 * what the incident listeners do on 'triggered'. It must leave exactly the
 * rows the one-transaction path leaves.
 */
describe('new incidents opened in shared statements (real PostgreSQL)', () => {
  let t: TestApp;
  let service: ServiceFixture;
  let v2: IntegrationFixture;
  let writer: NewIncidentWriter;
  beforeAll(async () => {
    t = await createTestApp();
    writer = t.get(NewIncidentWriter);
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    service = await createService(t, { autoResolveMinutes: 30 });
    await t.api().patch(`/api/v1/services/${service.id}`, { slackChannelId: 'C024BE91L' }).expect(200);
    v2 = await createIntegration(t, service.id, 'events-v2');
  });

  const target = (): IngestTarget => ({
    serviceId: service.id,
    integrationId: v2.id,
    source: 'events-v2',
    actor: { type: 'integration', id: v2.id, name: 'Prometheus', channel: 'integration' },
  });
  const event = (dedupKey: string): NormalisedEvent =>
    ({ action: 'trigger', dedupKey, title: `disk ${dedupKey}`, severity: 'critical', details: { host: 'db-1' }, links: [], source: 'db-1', occurredAt: null }) as NormalisedEvent;

  /** Everything an opened incident left behind, with ids and the key replaced so two incidents compare. */
  async function footprint(incidentId: string): Promise<unknown> {
    const q = (sql: string) => t.dataSource.query(sql, [incidentId]);
    const [incident] = await q(`SELECT status, title, severity, level, loop, escalation_epoch, created_at, last_alert_at FROM incidents WHERE id = $1`);
    const alerts = await q(`SELECT integration_id, source, action, status, title, severity, details, payload - 'dedup_key' AS payload, received_at FROM alerts WHERE incident_id = $1`);
    const timeline = await q(`SELECT type, regexp_replace(message, 'disk \\S+', 'disk *') AS message, actor_type, actor_id, actor_name, channel, data FROM incident_timeline WHERE incident_id = $1 ORDER BY id`);
    const timers = await q(`SELECT kind, due_at, data FROM timers WHERE incident_id = $1 ORDER BY kind`);
    const pages = await q(`SELECT replace(idempotency_key, incident_id::text, '*') AS key, channel, address, epoch, state, due_at FROM notifications WHERE incident_id = $1`);
    return { incident: { ...incident, title: 'disk *' }, alerts: alerts.map((a: { title: string }) => ({ ...a, title: 'disk *' })), timeline, timers, pages };
  }

  it('leaves the same incident, alert, timeline, timers and Slack post as the one-transaction path', async () => {
    const batched = await writer.open(target(), event('batched'), { dedup_key: 'x', summary: 's' });
    expect(batched).toMatchObject({ dedupKey: 'batched', created: true });
    const recorder = t.get(IncidentRecorder);
    const single = await t.dataSource.transaction((em) => recorder.record(em, target(), event('single'), { dedup_key: 'y', summary: 's' }));
    expect(single.created).toBe(true);

    const a = await footprint(batched!.incidentId!);
    expect(a).toEqual(await footprint(single.incidentId!));
    // And that footprint is the complete one: start and auto-resolve timers, the channel post.
    expect(a).toMatchObject({
      timers: [{ kind: 'auto-resolve' }, { kind: 'escalation', data: { input: 'start' } }],
      pages: [{ key: 'slack-channel:*', channel: 'slack', address: 'C024BE91L', state: 'pending' }],
      timeline: [{ type: 'triggered', message: 'Triggered by Prometheus: disk *' }],
    });
  });

  it('opens each of 200 concurrent new keys once, sending repeats of a key in flight down the transactional path', async () => {
    const keys = Array.from({ length: 200 }, (_, i) => `new-${i}`);
    // Every key twice, interleaved: the second of each either joins in a batch or falls back.
    const sent = [...keys, ...keys.slice().reverse()];
    const answers = await Promise.all(sent.map((key) => postJson(t, '/v2/enqueue', {
      routing_key: v2.key, event_action: 'trigger', dedup_key: key, payload: { summary: `disk ${key}`, source: 'db-1', severity: 'critical' },
    })));
    expect(answers.every((r) => r.status === 202)).toBe(true);
    expect(await counts(t, service.id)).toMatchObject({ incidents: 200, alerts: 400 });
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM timers m JOIN incidents i ON i.id = m.incident_id WHERE i.service_id = $1 AND m.kind = 'escalation'`,
      [service.id],
    );
    expect(n).toBe(200);
  });

  it('never deadlocks: 1,000 opens over 300 keys in shuffled orders, every key opened exactly once', async () => {
    const warn = jest.spyOn((writer as unknown as { logger: { warn: () => void } }).logger, 'warn');
    try {
      const order = Array.from({ length: 1000 }, (_, i) => `k-${(i * 7919) % 300}`);
      const outcomes = await Promise.all(order.map((key) => writer.open(target(), event(key), {})));
      const opened = outcomes.filter((o) => o !== null);
      expect(new Set(opened.map((o) => o!.dedupKey)).size).toBe(300);
      expect(opened).toHaveLength(300);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
    expect(await counts(t, service.id)).toMatchObject({ incidents: 300, alerts: 300 });
  });

  it('declines when a listener has no SQL for a batched open, so nothing skips a listener', () => {
    const incidents = new IncidentsService(t.dataSource, t.get(Clock));
    incidents.registerListener({ onIncidentEvent: async () => undefined, openedSql: 'SELECT 1' });
    expect(incidents.openedSql()).toEqual(['SELECT 1']);
    incidents.registerListener({ onIncidentEvent: async () => undefined });
    expect(incidents.openedSql()).toBeNull();
  });
});
