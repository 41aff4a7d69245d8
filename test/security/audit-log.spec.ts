import { createSchedule, createService, createUser, layerBody } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

/** The audit log on real PostgreSQL: what a change records, who can read it, and what it never records. */
describe('audit log (real PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { KLAXON_ADMIN_API_KEY: 'env-admin-key-audit-0123456789' } });
  });
  afterAll(async () => {
    await t.close();
  });

  const entriesFor = async (resourceType: string, resourceId: string) =>
    (await t.api('readOnly').get(`/api/v1/audit-log?resourceType=${resourceType}&resourceId=${resourceId}`).expect(200)).body.items;

  it('records who, when and what for a schedule and its overrides, newest first', async () => {
    const user = await createUser(t);
    t.clock.set(new Date('2026-03-01T10:00:00.000Z'));
    const schedule = await createSchedule(t, { layers: [layerBody([user.id])] });
    t.clock.set(new Date('2026-03-01T10:05:00.000Z'));
    await t.api().put(`/api/v1/schedules/${schedule.id}`, { name: 'Renamed', timeZone: 'UTC', layers: [] }).expect(200);
    t.clock.set(new Date('2026-03-01T10:10:00.000Z'));
    const override = await t
      .api('responder')
      .post(`/api/v1/schedules/${schedule.id}/overrides`, { userId: user.id, start: '2026-03-02T00:00:00Z', end: '2026-03-03T00:00:00Z' })
      .expect(201);

    const items = await entriesFor('schedule', schedule.id);
    expect(items.map((e: { action: string }) => e.action)).toEqual(['override.create', 'update', 'create']);
    expect(items[0]).toMatchObject({
      at: '2026-03-01T10:10:00.000Z',
      principal: { name: 'test responder', role: 'responder' },
      resourceType: 'schedule',
      resourceId: schedule.id,
      subresourceId: override.body.id,
      method: 'POST',
      path: `/api/v1/schedules/${schedule.id}/overrides`,
      status: 201,
      requestBody: { userId: user.id, start: '2026-03-02T00:00:00Z', end: '2026-03-03T00:00:00Z' },
    });
    expect(items[1]).toMatchObject({ at: '2026-03-01T10:05:00.000Z', principal: { name: 'test admin', role: 'admin' }, status: 200 });
    expect(items[1].requestBody).toEqual({ name: 'Renamed', timeZone: 'UTC', layers: [] });
    expect(items[2].at).toBe('2026-03-01T10:00:00.000Z');
  });

  it('records the env admin key as "env", users and their contact methods, deletes with 204', async () => {
    const env = 'env-admin-key-audit-0123456789';
    const res = await t.http().post('/api/v1/users').set('Authorization', `Bearer ${env}`).send({ name: 'Env', email: 'env-audit@example.com' }).expect(201);
    const cm = await t.api().post(`/api/v1/users/${res.body.id}/contact-methods`, { type: 'sms', address: '+14155550177' }).expect(201);
    await t.api().delete(`/api/v1/users/${res.body.id}/contact-methods/${cm.body.id}`).expect(204);
    const items = await entriesFor('user', res.body.id);
    expect(items.map((e: { action: string }) => e.action)).toEqual(['contact-method.delete', 'contact-method.create', 'create']);
    expect(items[2].principal).toEqual({ id: 'env', name: 'KLAXON_ADMIN_API_KEY', role: 'admin' });
    expect(items[0]).toMatchObject({ status: 204, subresourceId: cm.body.id, requestBody: null });
  });

  it('records services, integrations and API keys without their secrets', async () => {
    const service = await createService(t);
    await t
      .api()
      .post(`/api/v1/services/${service.id}/integrations`, { type: 'grafana', signingSecret: 'grafana-signing-secret-xyz' })
      .expect(201);
    const key = await t.api().post('/api/v1/api-keys', { name: 'ci', role: 'read-only' }).expect(201);
    await t.api().delete(`/api/v1/api-keys/${key.body.id}`).expect(204);

    const integration = (await entriesFor('service', service.id)).find((e: { action: string }) => e.action === 'integration.create');
    expect(integration.requestBody).toEqual({ type: 'grafana', signingSecret: '***' });
    expect((await entriesFor('api-key', key.body.id)).map((e: { action: string }) => e.action)).toEqual(['delete', 'create']);

    const [{ dump }] = await t.dataSource.query(`SELECT string_agg(request_body::text, ' ') AS dump FROM audit_log`);
    expect(dump).not.toContain('grafana-signing-secret-xyz');
    expect(dump).not.toContain(key.body.key);
  });

  it('does not record failed or refused writes, nor reads', async () => {
    const [{ before }] = await t.dataSource.query('SELECT count(*)::int AS before FROM audit_log');
    await t.api().post('/api/v1/users', { name: '', email: 'nope' }).expect(400);
    await t.api('readOnly').post('/api/v1/teams', { name: 'x' }).expect(403);
    await t.api(null).post('/api/v1/teams', { name: 'x' }).expect(401);
    await t.api().delete('/api/v1/teams/00000000-0000-4000-8000-000000000000').expect(404);
    await t.api().get('/api/v1/users').expect(200);
    const [{ after }] = await t.dataSource.query('SELECT count(*)::int AS after FROM audit_log');
    expect(after).toBe(before);
  });

  it('lists with filters and a cursor; every role may read, nobody may write it', async () => {
    for (let i = 0; i < 3; i++) await t.api().post('/api/v1/teams', { name: `Audited team ${i}` }).expect(201);
    const seen = new Set<string>();
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string; resourceType: string }[]; nextCursor: string | null } } = await t
        .api('responder')
        .get(`/api/v1/audit-log?resourceType=team&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        .expect(200);
      for (const e of page.body.items) {
        expect(e.resourceType).toBe('team');
        seen.add(e.id);
      }
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.size).toBe(3);
    await t.api(null).get('/api/v1/audit-log').expect(401);
    await t.api().get('/api/v1/audit-log?limit=0').expect(400);
    await t.api().get('/api/v1/audit-log?cursor=garbage').expect(400);
    await t.api().post('/api/v1/audit-log', {}).expect(404);
  });
});
