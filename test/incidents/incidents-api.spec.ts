import { createIntegration, createService, IntegrationFixture, loadSample, ServiceFixture } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';
import { postJson } from '../ingest/ingest-helpers';

describe('incident API: list, get, acknowledge, resolve, escalate (real PostgreSQL)', () => {
  let t: TestApp;
  let service: ServiceFixture;
  let other: ServiceFixture;
  let v2: IntegrationFixture;
  let v2Other: IntegrationFixture;

  const trigger = async (integration: IntegrationFixture, dedupKey: string, summary = `Problem ${dedupKey}`) => {
    await postJson(t, '/v2/enqueue', {
      routing_key: integration.key,
      event_action: 'trigger',
      dedup_key: dedupKey,
      payload: { summary, source: 'test', severity: 'error' },
    }).expect(202);
    t.clock.advanceMinutes(1);
    const [row] = await t.dataSource.query(
      `SELECT id FROM incidents WHERE dedup_key = $1 AND status <> 'resolved' ORDER BY created_at DESC LIMIT 1`,
      [dedupKey],
    );
    return row.id as string;
  };

  beforeAll(async () => {
    t = await createTestApp();
    service = await createService(t);
    other = await createService(t);
    v2 = await createIntegration(t, service.id, 'events-v2');
    v2Other = await createIntegration(t, other.id, 'events-v2');
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists newest first with status and service filters and keyset pagination', async () => {
    const a = await trigger(v2, 'list-a');
    const b = await trigger(v2, 'list-b');
    const c = await trigger(v2Other, 'list-c');
    await t.api().post(`/api/v1/incidents/${a}/resolve`, {}).expect(200);

    const mine = await t.api().get(`/api/v1/incidents?serviceId=${service.id}`).expect(200);
    expect(mine.body.items.map((i: { id: string }) => i.id)).toEqual([b, a]);
    expect(mine.body.items[0].service).toEqual({ id: service.id, name: service.name });

    const resolved = await t.api().get(`/api/v1/incidents?status=resolved&serviceId=${service.id}`).expect(200);
    expect(resolved.body.items.map((i: { id: string }) => i.id)).toEqual([a]);
    const open = await t.api().get('/api/v1/incidents?status=open').expect(200);
    expect(open.body.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([b, c]));
    expect(open.body.items.map((i: { id: string }) => i.id)).not.toContain(a);

    const page1 = await t.api().get('/api/v1/incidents?limit=2').expect(200);
    expect(page1.body.items).toHaveLength(2);
    expect(page1.body.nextCursor).toEqual(expect.any(String));
    const page2 = await t.api().get(`/api/v1/incidents?limit=2&cursor=${page1.body.nextCursor}`).expect(200);
    const seen = [...page1.body.items, ...page2.body.items].map((i: { id: string }) => i.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining([a, b, c]));

    const bad = await t.api().get('/api/v1/incidents?status=burning&serviceId=nope').expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['serviceId', 'status']);
  });

  it('gets one incident with its number, alerts and timeline; 404 for an unknown id', async () => {
    const id = await trigger(v2, 'get-1', 'Database down');
    const res = await t.api().get(`/api/v1/incidents/${id}`).expect(200);
    expect(res.body).toMatchObject({
      id,
      serviceId: service.id,
      status: 'triggered',
      title: 'Database down',
      level: 0,
      loop: 0,
      escalationExhausted: false,
      acknowledgedBy: null,
    });
    expect(res.body.number).toEqual(expect.any(Number));
    expect(res.body.createdAt).toMatch(/\.\d{3}Z$/);
    expect(res.body.alerts).toHaveLength(1);
    expect(res.body.alerts[0]).toMatchObject({ source: 'events-v2', action: 'trigger', title: 'Database down' });
    expect(res.body.timeline[0]).toMatchObject({ type: 'triggered', channel: 'integration' });
    await t.api().get('/api/v1/incidents/00000000-0000-4000-8000-000000000000').expect(404);
  });

  it('acknowledge and resolve are idempotent; acknowledging a resolved incident is a 409', async () => {
    const id = await trigger(v2, 'ack-1');
    const ack = await t.api('responder').post(`/api/v1/incidents/${id}/acknowledge`, { note: 'looking' }).expect(200);
    expect(ack.body).toMatchObject({ status: 'acknowledged', acknowledgedBy: { type: 'api-key', name: 'test responder', channel: 'api' } });
    const again = await t.api('responder').post(`/api/v1/incidents/${id}/acknowledge`, {}).expect(200);
    expect(again.body.status).toBe('acknowledged');
    expect(again.body.acknowledgedAt).toBe(ack.body.acknowledgedAt);

    const resolved = await t.api().post(`/api/v1/incidents/${id}/resolve`, {}).expect(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', resolvedBy: { type: 'api-key', name: 'test admin' } });
    await t.api().post(`/api/v1/incidents/${id}/resolve`, {}).expect(200);
    const conflict = await t.api().post(`/api/v1/incidents/${id}/acknowledge`, {}).expect(409);
    expect(conflict.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
    await t.api().post(`/api/v1/incidents/${id}/escalate`, {}).expect(409);

    const detail = await t.api().get(`/api/v1/incidents/${id}`).expect(200);
    expect(detail.body.timeline.map((e: { type: string }) => e.type)).toEqual([
      'triggered',
      'acknowledged',
      'already-acknowledged',
      'resolved',
      'already-resolved',
    ]);
    expect(detail.body.timeline[1]).toMatchObject({ channel: 'api', actor: { type: 'api-key', name: 'test responder' }, data: { note: 'looking' } });
    expect(detail.body.timeline[1].message).toContain('looking');
  });

  it('escalate is recorded in the timeline and returns an acknowledged incident to triggered', async () => {
    const id = await trigger(v2, 'esc-1');
    await t.api('responder').post(`/api/v1/incidents/${id}/acknowledge`, {}).expect(200);
    const res = await t.api('responder').post(`/api/v1/incidents/${id}/escalate`, { note: 'need the DBA' }).expect(200);
    expect(res.body.status).toBe('triggered');
    const detail = await t.api().get(`/api/v1/incidents/${id}`).expect(200);
    const last = detail.body.timeline[detail.body.timeline.length - 1];
    expect(last).toMatchObject({ type: 'escalated', channel: 'api', data: { note: 'need the DBA' } });
  });

  it('a responder key can act; a read-only key cannot (403); bad ids and notes are 400', async () => {
    const id = await trigger(v2, 'roles-1');
    await t.api('readOnly').post(`/api/v1/incidents/${id}/acknowledge`, {}).expect(403);
    await t.api('readOnly').post(`/api/v1/incidents/${id}/resolve`, {}).expect(403);
    await t.api('readOnly').get(`/api/v1/incidents/${id}`).expect(200);
    await t.api(null).post(`/api/v1/incidents/${id}/acknowledge`, {}).expect(401);
    await t.api('responder').post('/api/v1/incidents/not-a-uuid/acknowledge', {}).expect(400);
    await t.api('responder').post(`/api/v1/incidents/${id}/acknowledge`, { note: 5 }).expect(400);
    await t.api('responder').post(`/api/v1/incidents/${id}/resolve`, {}).expect(200);
  });

  it('a storm of one dedup key is one alert with a count, first and last seen, and one coalesced timeline entry', async () => {
    const id = await trigger(v2, 'storm-detail', 'first');
    const firstSeen = new Date(t.clock.now().getTime() - 60_000).toISOString();
    for (let i = 1; i <= 204; i++) {
      await postJson(t, '/v2/enqueue', {
        routing_key: v2.key,
        event_action: 'trigger',
        dedup_key: 'storm-detail',
        payload: { summary: `again ${i}`, source: 'test', severity: 'error' },
      }).expect(202);
      t.clock.advanceMinutes(1);
    }
    const lastSeen = new Date(t.clock.now().getTime() - 60_000).toISOString();
    const res = await t.api().get(`/api/v1/incidents/${id}`).expect(200);
    expect(res.body.alertCount).toBe(1);
    expect(res.body.alerts[0]).toMatchObject({ occurrences: 205, title: 'again 204', firstSeenAt: firstSeen, lastSeenAt: lastSeen });
    expect(res.body.alerts[0].firstPayload.payload.summary).toBe('first');
    expect(res.body.alerts[0].payload.payload.summary).toBe('again 204');
    expect(res.body.timeline.map((e: { type: string }) => e.type)).toEqual(['triggered', 'repeated']);
    expect(res.body.timeline[1].data).toMatchObject({ count: 204 });
    expect(res.body.timeline[1].message).toMatch(/^Triggered again by .+ 204 times between \S+ \S+ and \S+ UTC$/);
    // Repeats write the alert alone: the incident's last alert and the entry's count are read from it, the same in every read.
    expect(res.body).toMatchObject({ lastAlertAt: lastSeen, updatedAt: lastSeen });
    const listed = await t.api().get(`/api/v1/incidents?serviceId=${service.id}&limit=200`).expect(200);
    expect(listed.body.items.find((i: { id: string }) => i.id === id)).toMatchObject({ lastAlertAt: lastSeen, updatedAt: lastSeen });
    const since = res.body.createdAt;
    const until = new Date(new Date(since).getTime() + 1).toISOString();
    const exported = await t.api().get(`/api/v1/incidents/export?since=${since}&until=${until}`).buffer(true).expect(200);
    const line = String(exported.text).trimEnd().split('\n').map((l) => JSON.parse(l)).find((i: { id: string }) => i.id === id);
    expect(line).toMatchObject({ lastAlertAt: lastSeen, timeline: [{ type: 'triggered' }, { type: 'repeated', data: { count: 204 } }] });
  });

  it('returns the most recent 200 alerts of a group of 205 and how many there are in all', async () => {
    const am = await createIntegration(t, service.id, 'alertmanager');
    const sample = loadSample('alertmanager-webhook-firing.json');
    const alerts = Array.from({ length: 205 }, (_, i) => ({
      ...sample.alerts[0],
      labels: { ...sample.alerts[0].labels, instance: `host-${i}` },
      fingerprint: `fp${String(i).padStart(4, '0')}`,
    }));
    await postJson(t, `/integrations/${am.key}/alertmanager`, { ...sample, groupKey: 'group-205', alerts }).expect(202);
    const [row] = await t.dataSource.query(`SELECT id FROM incidents WHERE dedup_key = 'group-205'`);
    const res = await t.api().get(`/api/v1/incidents/${row.id}`).expect(200);
    expect(res.body.alertCount).toBe(205);
    expect(res.body.alerts).toHaveLength(200);
    expect(res.body.alerts.every((a: { occurrences: number }) => a.occurrences === 1)).toBe(true);
  });
});
