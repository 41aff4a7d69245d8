import { createIntegration, createService, IntegrationFixture, loadSample, ServiceFixture } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';
import { alertOccurrences, counts, incidentDetail, incidentsOf, postJson } from './ingest-helpers';

describe('ingest: bad input, limits and the generic webhook (real PostgreSQL)', () => {
  let t: TestApp;
  let service: ServiceFixture;
  let v2: IntegrationFixture;
  let am: IntegrationFixture;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    service = await createService(t);
    v2 = await createIntegration(t, service.id, 'events-v2');
    am = await createIntegration(t, service.id, 'alertmanager');
  });
  const nothingStored = async () => expect(await counts(t, service.id)).toEqual({ incidents: 0, alerts: 0, timeline: 0 });

  it('Events v2: a 400 in PagerDuty shape names every problem and stores nothing', async () => {
    const res = await postJson(t, '/v2/enqueue', {
      routing_key: v2.key,
      event_action: 'trigger',
      payload: { severity: 'apocalyptic', timestamp: 'yesterday' },
      links: 'nope',
    }).expect(400);
    expect(res.body.status).toBe('invalid event');
    const all = res.body.errors.join('\n');
    for (const field of ['payload.summary', 'payload.source', 'payload.severity', 'payload.timestamp', 'links']) {
      expect(all).toContain(field);
    }
    await nothingStored();
  });

  it('Alertmanager: a 400 names every problem and stores nothing', async () => {
    const body = { ...loadSample('alertmanager-webhook-firing.json'), version: '3', groupKey: undefined, status: 'burning' };
    const res = await postJson(t, `/integrations/${am.key}/alertmanager`, body).expect(400);
    expect(res.body.status).toBe('invalid event');
    const all = res.body.errors.join('\n');
    for (const field of ['version', 'groupKey', 'status']) expect(all).toContain(field);
    await nothingStored();
  });

  it('wrong content type is a 415; malformed JSON and a missing body are 400; nothing stored', async () => {
    const wrongType = await t.http().post('/v2/enqueue').set('Content-Type', 'text/plain').send('hello').expect(415);
    expect(wrongType.body).toMatchObject({ status: 'unsupported media type' });
    await t.http().post(`/integrations/${am.key}/alertmanager`).type('form').send({ a: 'b' }).expect(415);
    const malformed = await t.http().post('/v2/enqueue').set('Content-Type', 'application/json').send('{"routing_key": ').expect(400);
    expect(malformed.body).toMatchObject({ status: 'invalid event', errors: expect.any(Array) });
    await t.http().post(`/integrations/${am.key}/alertmanager`).expect(400);
    await nothingStored();
  });

  it('a body over 512 KB is a 413 and stores nothing', async () => {
    const huge = { routing_key: v2.key, event_action: 'trigger', payload: { summary: 'x', source: 'y', severity: 'info', custom_details: { blob: 'z'.repeat(600 * 1024) } } };
    const tooBig = await postJson(t, '/v2/enqueue', huge).expect(413);
    expect(tooBig.body).toMatchObject({ status: expect.any(String), message: expect.any(String), errors: expect.any(Array) });
    await postJson(t, `/integrations/${am.key}/alertmanager`, { ...loadSample('alertmanager-webhook-firing.json'), blob: 'z'.repeat(600 * 1024) }).expect(413);
    await nothingStored();
  });

  it('strips control characters and truncates the title to 1024 and the dedup key to 255 characters', async () => {
    const summary = `Disk\u0000 full\u0007 on\u001b[31m db-1 ${'x'.repeat(2000)}`;
    const res = await postJson(t, '/v2/enqueue', {
      routing_key: v2.key,
      event_action: 'trigger',
      dedup_key: `key\u0000-${'k'.repeat(400)}`,
      payload: { summary, source: 'db-1', severity: 'warning' },
    }).expect(202);
    expect(res.body.dedup_key).toHaveLength(255);
    const [incident] = await incidentsOf(t, service.id);
    expect(incident.title.length).toBeLessThanOrEqual(1024);
    expect(incident.title).toMatch(/^Disk full on/);
    expect(incident.title).not.toMatch(/[\u0000-\u001f\u007f]/);
    expect(incident.dedupKey).toBe(res.body.dedup_key);
    expect(incident.dedupKey).not.toMatch(/[\u0000-\u001f]/);
  });

  it('a per-integration rate limit answers 429 with Retry-After and stores nothing over the limit', async () => {
    const limited = await createIntegration(t, service.id, 'generic', { rateLimitPerMinute: 2 });
    const url = `/integrations/${limited.key}/generic`;
    await postJson(t, url, { summary: 'one', dedupKey: 'rl' }).expect(202);
    await postJson(t, url, { summary: 'two', dedupKey: 'rl' }).expect(202);
    const res = await postJson(t, url, { summary: 'three', dedupKey: 'rl' }).expect(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(res.body).toMatchObject({ status: 'throttle event' });
    expect(await counts(t, service.id)).toMatchObject({ incidents: 1, alerts: 1 });
    expect((await incidentsOf(t, service.id)).length).toBe(1);
    expect(await alertOccurrences(t, service.id)).toBe(2);

    // Other integrations are not affected; a minute later the window is fresh.
    await postJson(t, '/v2/enqueue', { routing_key: v2.key, event_action: 'trigger', payload: { summary: 's', source: 's', severity: 'info' } }).expect(202);
    t.clock.advanceMinutes(1);
    await postJson(t, url, { summary: 'four', dedupKey: 'rl' }).expect(202);
  });

  it('generic webhook: POST JSON and GET with query parameters, with trigger and resolve', async () => {
    const generic = await createIntegration(t, service.id, 'generic');
    expect(generic.url).toMatch(new RegExp(`/integrations/${generic.key}/generic$`));
    const got = await t.http().get(`/integrations/${generic.key}/generic`).query({ summary: 'Backup failed', severity: 'warning', host: 'nas-1' }).expect(202);
    expect(got.body.dedup_key).toMatch(/^[0-9a-f]{32}$/);
    const [incident] = await incidentsOf(t, service.id);
    expect(incident).toMatchObject({ title: 'Backup failed', severity: 'warning', status: 'triggered' });
    expect((await incidentDetail(t, incident.id)).alerts[0].details.host).toBe('nas-1');

    await postJson(t, `/integrations/${generic.key}/generic`, { action: 'resolve', dedupKey: got.body.dedup_key }).expect(202);
    expect((await incidentDetail(t, incident.id)).status).toBe('resolved');

    const bad = await postJson(t, `/integrations/${generic.key}/generic`, { action: 'explode', severity: 'huge' }).expect(400);
    expect(bad.body.errors.join('\n')).toMatch(/action[\s\S]*severity|severity[\s\S]*action/);
  });

  it('an unknown heartbeat key is a 404', async () => {
    const res = await t.http().post('/heartbeats/does-not-exist').expect(404);
    expect(res.body).toMatchObject({ status: 'not found' });
  });
});
