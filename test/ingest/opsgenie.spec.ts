import { createIntegration, createService, IntegrationFixture, loadSample, ServiceFixture } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';
import { counts, incidentDetail } from './ingest-helpers';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The Opsgenie-compatible Alert API on a real database: every identifier type, request status, and the errors' shape. */
describe('Opsgenie Alert API (real PostgreSQL)', () => {
  let t: TestApp;
  let service: ServiceFixture;
  let other: ServiceFixture;
  let og: IntegrationFixture;
  let ogOther: IntegrationFixture;
  let v2: IntegrationFixture;

  beforeAll(async () => {
    t = await createTestApp({ env: { KLAXON_INGEST_RATE_LIMIT_PER_MINUTE: '0' } });
    service = await createService(t);
    other = await createService(t);
    og = await createIntegration(t, service.id, 'opsgenie', { name: 'Prometheus' });
    ogOther = await createIntegration(t, other.id, 'opsgenie');
    v2 = await createIntegration(t, service.id, 'events-v2');
  });
  afterAll(async () => {
    await t.close();
  });

  const post = (url: string, body?: unknown, key: string = og.key, scheme = 'GenieKey') => {
    const req = t.http().post(url).set('Authorization', `${scheme} ${key}`);
    return body === undefined ? req : req.set('Content-Type', 'application/json').send(JSON.stringify(body));
  };
  const get = (url: string, key: string = og.key) => t.http().get(url).set('Authorization', `GenieKey ${key}`);

  async function create(body: Record<string, unknown>, key = og.key): Promise<string> {
    const res = await post('/v2/alerts', body, key).expect(202);
    expect(res.body).toEqual({ result: 'Request will be processed', took: expect.any(Number), requestId: expect.stringMatching(UUID) });
    return res.body.requestId;
  }

  async function status(requestId: string, key = og.key): Promise<Record<string, unknown>> {
    const res = await get(`/v2/alerts/requests/${requestId}`, key).expect(200);
    expect(res.body).toEqual({ data: expect.any(Object), took: expect.any(Number), requestId: expect.stringMatching(UUID) });
    return res.body.data;
  }

  async function openIncident(alias: string, extra: Record<string, unknown> = {}): Promise<{ id: string; number: number; dedupKey: string }> {
    const data = await status(await create({ message: `disk ${alias}`, alias, ...extra }));
    return incidentDetail(t, data.alertId as string);
  }

  it('the integrations API creates an opsgenie integration whose url is the base URL to give the client', async () => {
    expect(og).toMatchObject({ type: 'opsgenie', key: expect.stringMatching(/^[a-z0-9]{40}$/) });
    expect(og.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('creating the integration is audited without its key; the Opsgenie requests themselves are webhooks, not audited', async () => {
    const entries = (await t.api('readOnly').get(`/api/v1/audit-log?resourceType=service&resourceId=${service.id}`).expect(200)).body.items;
    expect(entries.filter((e: { action: string }) => e.action === 'integration.create').map((e: { requestBody: unknown }) => e.requestBody)).toContainEqual({
      type: 'opsgenie',
      name: 'Prometheus',
    });
    const [{ before }] = await t.dataSource.query('SELECT count(*)::int AS before FROM audit_log');
    await post('/v2/alerts', { message: 'not audited', alias: 'audit' }).expect(202);
    await post('/v2/alerts/audit/close?identifierType=alias', {}).expect(202);
    const [{ after, dump }] = await t.dataSource.query(`SELECT count(*)::int AS after, coalesce(string_agg(request_body::text, ' '), '') AS dump FROM audit_log`);
    expect(after).toBe(before);
    expect(dump).not.toContain(og.key);
  });

  it('the captured Alertmanager create opens a warning incident with the alias as dedup key and the labels as details; its close resolves it', async () => {
    const capture = loadSample('alertmanager-opsgenie-create.json');
    const requestId = await create(capture.body);
    const data = await status(requestId);
    expect(data).toEqual({
      success: true,
      action: 'Create',
      processedAt: t.clock.now().toISOString(),
      integrationId: og.id,
      isSuccess: true,
      status: 'Created alert',
      alertId: expect.stringMatching(UUID),
      alias: capture.body.alias,
    });
    const incident = await incidentDetail(t, data.alertId as string);
    expect(incident).toMatchObject({
      status: 'triggered',
      title: '[FIRING:1] DiskFull (db-2:9100 critical db)',
      severity: 'warning',
      dedupKey: capture.body.alias,
      serviceId: service.id,
    });
    expect(incident.alerts[0]).toMatchObject({
      source: 'opsgenie',
      details: expect.objectContaining({ custom_details: capture.body.details, priority: 'P3' }),
    });

    const close = loadSample('alertmanager-opsgenie-close.json');
    const res = await post(close.path, close.body).expect(202);
    const closed = await status(res.body.requestId);
    expect(closed).toMatchObject({ action: 'Close', isSuccess: true, status: 'Closed', alertId: incident.id, alias: capture.body.alias });
    const after = await incidentDetail(t, incident.id);
    expect(after).toMatchObject({ status: 'resolved', resolvedBy: { type: 'integration', id: og.id, name: 'Prometheus' } });
    expect(after.timeline.at(-1)).toMatchObject({ type: 'resolved', message: 'Resolved by Prometheus: source http://vm:18798/#/alerts?receiver=og' });
  });

  it('a create with an open alias adds to that incident; without an alias each create opens a new one', async () => {
    const first = await status(await create({ message: 'm', alias: 'same' }));
    const second = await status(await create({ message: 'm', alias: 'same' }));
    expect(second).toMatchObject({ status: 'Alert already exists: added to it', alertId: first.alertId, alias: 'same' });
    const a = await status(await create({ message: 'keyless' }));
    const b = await status(await create({ message: 'keyless' }));
    expect(a.alertId).not.toBe(b.alertId);
    expect(a.alias).toEqual(expect.any(String));
  });

  it.each([
    ['P1', 'critical'],
    ['P2', 'error'],
    ['P4', 'info'],
    ['P5', 'info'],
  ])('priority %s opens a %s incident', async (priority, severity) => {
    const incident = await openIncident(`prio-${priority}`, { priority });
    expect(incident).toMatchObject({ severity });
  });

  describe.each(['id', 'tiny', 'alias', 'default'] as const)('by identifierType %s', (identifierType) => {
    const ident = (i: { id: string; number: number; dedupKey: string }) =>
      identifierType === 'tiny' ? String(i.number) : identifierType === 'alias' ? encodeURIComponent(i.dedupKey) : i.id;
    const query = identifierType === 'default' ? '' : `?identifierType=${identifierType}`;

    it('acknowledges, adds a note and closes, each on the timeline with user, source and note', async () => {
      const incident = await openIncident(`act/${identifierType}`);
      const ack = await post(`/v2/alerts/${ident(incident)}/acknowledge${query}`, { user: 'alice', source: 'cli', note: 'on it' }).expect(202);
      expect(await status(ack.body.requestId)).toMatchObject({ action: 'Acknowledge', isSuccess: true, status: 'Acknowledged', alertId: incident.id });
      const note = await post(`/v2/alerts/${ident(incident)}/notes${query}`, { user: 'bob', note: 'disk cleaned\nby hand' }).expect(202);
      expect(await status(note.body.requestId)).toMatchObject({ action: 'AddNote', isSuccess: true, status: 'Added note', alertId: incident.id });
      const close = await post(`/v2/alerts/${ident(incident)}/close${query}`).expect(202);
      expect(await status(close.body.requestId)).toMatchObject({ action: 'Close', isSuccess: true, alertId: incident.id });

      const detail = await incidentDetail(t, incident.id);
      expect(detail.status).toBe('resolved');
      expect(detail.timeline.slice(-3)).toEqual([
        expect.objectContaining({ type: 'acknowledged', message: 'Acknowledged by Prometheus: on it (user alice, source cli)', channel: 'integration' }),
        expect.objectContaining({
          type: 'note',
          message: 'Note from Prometheus: disk cleaned\nby hand (user bob)',
          actor: { type: 'integration', id: og.id, name: 'Prometheus' },
          data: { text: 'disk cleaned\nby hand (user bob)' },
        }),
        expect.objectContaining({ type: 'resolved', message: 'Resolved by Prometheus' }),
      ]);
    });

    if (identifierType !== 'alias') {
      it("answers 404 for another service's incident and for an unknown one, changing nothing", async () => {
        const foreign = await status(await create({ message: 'theirs', alias: `foreign/${identifierType}` }, ogOther.key), ogOther.key);
        const theirs = await incidentDetail(t, foreign.alertId as string);
        const before = await counts(t, other.id);
        for (const action of ['acknowledge', 'close', 'notes']) {
          const res = await post(`/v2/alerts/${ident(theirs)}/${action}${query}`, { note: 'n' }).expect(404);
          expect(res.body).toEqual({ message: 'Alert does not exist', took: expect.any(Number), requestId: expect.stringMatching(UUID) });
          const unknown = identifierType === 'tiny' ? '999999' : '00000000-0000-4000-8000-000000000000';
          await post(`/v2/alerts/${unknown}/${action}${query}`, { note: 'n' }).expect(404);
          await post(`/v2/alerts/not-an-id/${action}${query}`, { note: 'n' }).expect(404);
        }
        expect(await counts(t, other.id)).toEqual(before);
        expect((await incidentDetail(t, theirs.id)).status).toBe('triggered');
      });
    }
  });

  it('by alias with no open incident: 202, and the request status says it failed', async () => {
    for (const action of ['close', 'acknowledge', 'notes']) {
      const res = await post(`/v2/alerts/nothing-open/${action}?identifierType=alias`, { note: 'n' }).expect(202);
      expect(await status(res.body.requestId)).toMatchObject({ isSuccess: false, success: true, status: 'Alert does not exist', alertId: null, alias: 'nothing-open' });
    }
  });

  it('acknowledging a closed alert is accepted and its status says why it failed', async () => {
    const incident = await openIncident('closed-then-ack');
    await post(`/v2/alerts/${incident.id}/close`, {}).expect(202);
    const res = await post(`/v2/alerts/${incident.id}/acknowledge`, {}).expect(202);
    expect(await status(res.body.requestId)).toMatchObject({ isSuccess: false, status: 'Incident is resolved; it cannot be acknowledged' });
    const again = await post(`/v2/alerts/${incident.id}/close`, {}).expect(202);
    expect(await status(again.body.requestId)).toMatchObject({ isSuccess: true, status: 'Closed' });
  });

  it('request status: unknown, malformed, or made with another key is a 404 in Opsgenie shape', async () => {
    const mine = await create({ message: 'mine' });
    for (const [id, key] of [['00000000-0000-4000-8000-000000000000', og.key], ['nope', og.key], [mine, ogOther.key]]) {
      const res = await get(`/v2/alerts/requests/${id}`, key).expect(404);
      expect(res.body).toEqual({ message: 'Request does not exist', took: expect.any(Number), requestId: expect.stringMatching(UUID) });
    }
  });

  it('GenieKey: any case of the scheme; missing, malformed, unknown or another type of key is a 401 in Opsgenie shape', async () => {
    for (const scheme of ['GenieKey', 'geniekey', 'GENIEKEY']) await post('/v2/alerts', { message: 'case' }, og.key, scheme).expect(202);
    const before = await counts(t, service.id);
    const refused = [
      t.http().post('/v2/alerts').set('Content-Type', 'application/json').send({ message: 'm' }),
      post('/v2/alerts', { message: 'm' }, og.key, 'Bearer'),
      post('/v2/alerts', { message: 'm' }, og.key, 'Basic'),
      post('/v2/alerts', { message: 'm' }, '', 'GenieKey'),
      post('/v2/alerts', { message: 'm' }, 'x'.repeat(40)),
      post('/v2/alerts', { message: 'm' }, v2.key),
      post('/v2/alerts/x/close?identifierType=alias', {}, v2.key),
      get('/v2/alerts/requests/00000000-0000-4000-8000-000000000000', v2.key),
    ];
    for (const req of refused) {
      const res = await req;
      expect({ status: res.status, body: res.body }).toEqual({
        status: 401,
        body: { message: 'Could not authenticate', took: expect.any(Number), requestId: expect.stringMatching(UUID) },
      });
    }
    expect(await counts(t, service.id)).toEqual(before);
  });

  it('422 names every problem (missing or too long message, bad priority, bad identifierType, a note without text)', async () => {
    const before = await counts(t, service.id);
    const cases: [string, unknown, string][] = [
      ['/v2/alerts', {}, 'Request body is not processable: Message can not be empty'],
      ['/v2/alerts', { message: 'x'.repeat(131), priority: 'P0' }, "Request body is not processable: Message can not be longer than 130 characters; 'priority' is invalid (must be one of the following: 'P1', 'P2', 'P3', 'P4' or 'P5')"],
      ['/v2/alerts/a/close?identifierType=name', { user: 1 }, "Request body is not processable: 'identifierType' is invalid (must be one of the following: 'id', 'tiny' or 'alias'); 'user' must be a string"],
      ['/v2/alerts/a/notes?identifierType=alias', {}, 'Request body is not processable: Note can not be empty'],
      ['/v2/alerts', [], 'Request body is not processable: Body must be a JSON object'],
    ];
    for (const [url, body, message] of cases) {
      const res = await post(url, body);
      expect({ url, status: res.status, body: res.body }).toEqual({ url, status: 422, body: { message, took: expect.any(Number), requestId: expect.stringMatching(UUID) } });
    }
    expect(await counts(t, service.id)).toEqual(before);
  });

  it('bad JSON is a 400, another media type a 415, no body on create a 400, over 512 KB a 413, all in Opsgenie shape', async () => {
    const auth = { Authorization: `GenieKey ${og.key}` };
    const malformed = await t.http().post('/v2/alerts').set(auth).set('Content-Type', 'application/json').send('{"message": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({ message: expect.stringMatching(/JSON/), took: expect.any(Number), requestId: expect.stringMatching(UUID) });
    const form = await t.http().post('/v2/alerts').set(auth).set('Content-Type', 'text/plain').send('message=x');
    expect(form.status).toBe(415);
    expect(Object.keys(form.body).sort()).toEqual(['message', 'requestId', 'took']);
    const none = await t.http().post('/v2/alerts').set(auth);
    expect(none.status).toBe(400);
    expect(Object.keys(none.body).sort()).toEqual(['message', 'requestId', 'took']);
    const closeForm = await t.http().post('/v2/alerts/x/close?identifierType=alias').set(auth).set('Content-Type', 'text/plain').send('x');
    expect(closeForm.status).toBe(415);
    const big = await post('/v2/alerts', { message: 'big', description: 'x'.repeat(600 * 1024) });
    expect({ status: big.status, keys: Object.keys(big.body).sort() }).toEqual({ status: 413, keys: ['message', 'requestId', 'took'] });
  });

  it('over the integration rate limit: 429 with Retry-After in Opsgenie shape', async () => {
    const limited = await createIntegration(t, service.id, 'opsgenie', { rateLimitPerMinute: 1 });
    await post('/v2/alerts', { message: 'one' }, limited.key).expect(202);
    const res = await post('/v2/alerts', { message: 'two' }, limited.key).expect(429);
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
    expect(res.body).toEqual({ message: expect.stringMatching(/too many requests/), took: expect.any(Number), requestId: expect.stringMatching(UUID) });
  });

  it('other Opsgenie endpoints are 404s', async () => {
    await get('/v2/alerts').expect(404);
    await get('/v2/alerts/abc').expect(404);
    await post('/v2/alerts/abc/escalate', {}).expect(404);
  });

  it('the request status is kept KLAXON_RETENTION_OPSGENIE_REQUEST_DAYS (7 by default) and registered for the cleanup', async () => {
    const { RetainedTables } = await import('../../src/common/retention');
    const table = t.get(RetainedTables).tables.find((r) => r.table === 'opsgenie_requests');
    expect(table?.keepDays).toBe(7);
    const requestId = await create({ message: 'old' });
    const deleted = await table!.deleteBefore(new Date(t.clock.now().getTime() + 1000), 1000);
    expect(deleted).toBeGreaterThan(0);
    await get(`/v2/alerts/requests/${requestId}`).expect(404);
  });
});
