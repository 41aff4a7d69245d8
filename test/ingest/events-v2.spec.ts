import { createIntegration, createService, IntegrationFixture, loadSample, ServiceFixture } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';
import { counts, incidentDetail, incidentsOf, postJson } from './ingest-helpers';

describe('PagerDuty Events API v2 drop-in (real PostgreSQL)', () => {
  let t: TestApp;
  let service: ServiceFixture;
  let v2: IntegrationFixture;
  beforeAll(async () => {
    t = await createTestApp({ env: { PUBLIC_URL: 'https://klaxon.example.com/' } });
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    service = await createService(t);
    v2 = await createIntegration(t, service.id, 'events-v2');
  });

  const enqueue = (body: unknown) => postJson(t, '/v2/enqueue', body);
  const trigger = (extra: Record<string, unknown> = {}) => ({
    routing_key: v2.key,
    event_action: 'trigger',
    payload: { summary: 'Disk full on db-1', source: 'db-1', severity: 'critical' },
    ...extra,
  });

  it('creates events-v2 integrations with a 32-character key and the PUBLIC_URL enqueue URL', async () => {
    expect(v2.key).toMatch(/^[a-z0-9]{32}$/);
    expect(v2.url).toBe('https://klaxon.example.com/v2/enqueue');
  });

  it('trigger, acknowledge, resolve with one dedup key, answering exactly like PagerDuty', async () => {
    const res = await enqueue(trigger({ dedup_key: 'disk-db-1' })).expect(202);
    expect(res.body).toEqual({ status: 'success', message: 'Event processed', dedup_key: 'disk-db-1' });
    const [incident] = await incidentsOf(t, service.id);
    expect(incident).toMatchObject({ status: 'triggered', title: 'Disk full on db-1', severity: 'critical', dedupKey: 'disk-db-1' });

    // A second trigger with the key joins the open incident.
    t.clock.advanceMinutes(1);
    await enqueue(trigger({ dedup_key: 'disk-db-1' })).expect(202);
    t.clock.advanceMinutes(1);
    await enqueue({ routing_key: v2.key, event_action: 'acknowledge', dedup_key: 'disk-db-1' }).expect(202);
    expect((await incidentDetail(t, incident.id)).status).toBe('acknowledged');
    t.clock.advanceMinutes(1);
    await enqueue({ routing_key: v2.key, event_action: 'resolve', dedup_key: 'disk-db-1' }).expect(202);

    const detail = await incidentDetail(t, incident.id);
    expect(detail.status).toBe('resolved');
    expect(detail.alerts.map((a: { action: string; occurrences: number }) => [a.action, a.occurrences])).toEqual([
      ['trigger', 2],
      ['acknowledge', 1],
      ['resolve', 1],
    ]);
    // The routing key is the sender's credential: kept out of the stored payload (docs/api.md).
    expect(detail.alerts[0].payload).toMatchObject({ routing_key: '[redacted]', payload: { summary: 'Disk full on db-1' } });
    expect(detail.timeline.map((e: { type: string }) => e.type)).toEqual(['triggered', 'repeated', 'acknowledged', 'resolved']);
    expect(detail.timeline[2]).toMatchObject({ channel: 'integration', actor: { type: 'integration', id: v2.id } });
    expect(await counts(t, service.id)).toMatchObject({ incidents: 1, alerts: 3 });
  });

  it('generates and returns a dedup key for a trigger without one', async () => {
    const res = await enqueue(trigger()).expect(202);
    expect(res.body.dedup_key).toMatch(/^[0-9a-f]{32}$/);
    await enqueue({ routing_key: v2.key, event_action: 'resolve', dedup_key: res.body.dedup_key }).expect(202);
    const [incident] = await incidentsOf(t, service.id);
    expect(incident).toMatchObject({ dedupKey: res.body.dedup_key, status: 'resolved' });
  });

  it('acknowledge or resolve with an unknown dedup key is a 202 no-op that stores nothing', async () => {
    for (const action of ['acknowledge', 'resolve']) {
      const res = await enqueue({ routing_key: v2.key, event_action: action, dedup_key: 'never-seen' }).expect(202);
      expect(res.body).toEqual({ status: 'success', message: 'Event processed', dedup_key: 'never-seen' });
    }
    expect(await counts(t, service.id)).toEqual({ incidents: 0, alerts: 0, timeline: 0 });
  });

  it("works with Alertmanager's pagerduty_configs (real samples, routing_key substituted)", async () => {
    const triggerSample = { ...loadSample('alertmanager-pagerduty-trigger.json'), routing_key: v2.key };
    const res = await enqueue(triggerSample).expect(202);
    expect(res.body.dedup_key).toBe('889c8a0598331fbced44fa44a22e8715f47653dc239c8134fc3326a975f28ebf');
    const [incident] = await incidentsOf(t, service.id);
    expect(incident).toMatchObject({ status: 'triggered', title: '[FIRING:1] HighCPU (db-1:9100 billing page)', severity: 'critical' });

    t.clock.advanceMinutes(1);
    await enqueue({ ...loadSample('alertmanager-pagerduty-resolve.json'), routing_key: v2.key }).expect(202);
    const detail = await incidentDetail(t, incident.id);
    expect(detail.status).toBe('resolved');
    expect(detail.alerts[1].payload.payload.custom_details.num_resolved).toBe('1');
  });

  it('50 parallel triggers with one dedup key make exactly one incident, one alert counting 50 and one coalesced entry counting 49', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, n) => enqueue(trigger({ dedup_key: 'storm', payload: { summary: `storm ${n}`, source: 's', severity: 'error' } }))),
    );
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(202));
    const [{ incidents, alerts, occurrences }] = await t.dataSource.query(
      `SELECT count(DISTINCT i.id)::int AS incidents, count(a.id)::int AS alerts, sum(a.occurrences)::int AS occurrences
         FROM incidents i JOIN alerts a ON a.incident_id = i.id WHERE i.service_id = $1 AND i.dedup_key = 'storm'`,
      [service.id],
    );
    expect({ incidents, alerts, occurrences }).toEqual({ incidents: 1, alerts: 1, occurrences: 50 });
    const c = await counts(t, service.id);
    expect(c).toEqual({ incidents: 1, alerts: 1, timeline: 2 });
    // The entry of the burst, as the API shows it while the burst is open (its count is read from the alert).
    const [{ id }] = await t.dataSource.query(`SELECT id FROM incidents WHERE service_id = $1`, [service.id]);
    const detail = (await t.api().get(`/api/v1/incidents/${id}`).expect(200)).body;
    expect(detail.timeline.find((e: { type: string }) => e.type === 'repeated').data.count).toBe(49);
  });

  it('a malformed routing key is a 400 naming every problem; a well-formed unknown one is a 404', async () => {
    const bad = await enqueue({ routing_key: 'short', event_action: 'explode', payload: { source: 'x' } }).expect(400);
    expect(bad.body.status).toBe('invalid event');
    expect(bad.body.message).toBe('Event object is invalid');
    expect(bad.body.errors.join('\n')).toMatch(/routing_key/);
    expect(bad.body.errors.join('\n')).toMatch(/event_action/);
    expect(bad.body.errors.length).toBeGreaterThanOrEqual(2);

    const missing = await enqueue({ event_action: 'trigger' }).expect(400);
    expect(missing.body.errors.join('\n')).toMatch(/routing_key/);

    const unknown = await enqueue(trigger({ routing_key: 'a'.repeat(32) })).expect(404);
    expect(unknown.body).toMatchObject({ status: 'not found' });

    // A key of another integration type is unknown to /v2/enqueue.
    expect(await counts(t, service.id)).toEqual({ incidents: 0, alerts: 0, timeline: 0 });
  });

  it('counts accepted events in klaxon_events_accepted_total by source', async () => {
    await enqueue(trigger()).expect(202);
    const metrics = await t.http().get('/metrics').expect(200);
    expect(metrics.text).toMatch(/klaxon_events_accepted_total\{source="events-v2"\} [1-9]/);
  });
});
