import { createUser } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

describe('foundation: auth, users, teams, errors, health (real PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { KLAXON_ADMIN_API_KEY: 'env-admin-key-0123456789abcdef' } });
  });
  afterAll(async () => {
    await t.close();
  });

  describe('auth', () => {
    it('refuses /api/v1 without a key (401) and with an unknown key (401)', async () => {
      await t.api(null).get('/api/v1/users').expect(401);
      const res = await t.http().get('/api/v1/users').set('Authorization', 'Bearer klx_nope').expect(401);
      expect(res.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    });

    it('accepts KLAXON_ADMIN_API_KEY as an admin key', async () => {
      await t.http().get('/api/v1/users').set('Authorization', 'Bearer env-admin-key-0123456789abcdef').expect(200);
      await t
        .http()
        .post('/api/v1/users')
        .set('Authorization', 'Bearer env-admin-key-0123456789abcdef')
        .send({ name: 'Env', email: 'env@example.com' })
        .expect(201);
    });

    it('lets a read-only key read but not write (403)', async () => {
      await t.api('readOnly').get('/api/v1/users').expect(200);
      const res = await t.api('readOnly').post('/api/v1/users', { name: 'x', email: 'ro@example.com' }).expect(403);
      expect(res.body.message).toMatch(/admin/);
    });

    it('creates, lists and revokes API keys; keys are stored hashed', async () => {
      const created = await t.api().post('/api/v1/api-keys', { name: 'ci', role: 'read-only' }).expect(201);
      expect(created.body.key).toMatch(/^klx_/);
      await t.http().get('/api/v1/users').set('Authorization', `Bearer ${created.body.key}`).expect(200);
      const rows = await t.dataSource.query('SELECT hash FROM api_keys WHERE id = $1', [created.body.id]);
      expect(rows[0].hash).not.toContain(created.body.key);
      expect(rows[0].hash).toHaveLength(64);
      await t.api().delete(`/api/v1/api-keys/${created.body.id}`).expect(204);
    });

    it('leaves health, readiness and docs open', async () => {
      await t.http().get('/healthz').expect(200, { status: 'ok' });
      const ready = await t.http().get('/readyz').expect(200);
      expect(ready.body.status).toBe('ok');
      const metrics = await t.http().get('/metrics').expect(200);
      expect(metrics.text).toContain('klaxon_http_request_duration_seconds');
      expect(metrics.text).toContain('klaxon_process_cpu_seconds_total');
    });
  });

  describe('users', () => {
    it('creates a user and reads it back with contact methods and rules', async () => {
      const u = await createUser(t, { name: 'Ada', email: 'ADA@Example.com', timeZone: 'Europe/London' }, [
        { type: 'sms', address: '+14155550123' },
        { type: 'email', address: 'ada@example.com' },
      ]);
      const res = await t.api().get(`/api/v1/users/${u.id}`).expect(200);
      expect(res.body).toMatchObject({ name: 'Ada', email: 'ada@example.com', timeZone: 'Europe/London' });
      expect(res.body.contactMethods).toHaveLength(2);
      // Each new contact method gets an immediate rule, so the user is pageable at once.
      expect(res.body.notificationRules).toHaveLength(2);
      expect(res.body.notificationRules.every((r: { delayMinutes: number }) => r.delayMinutes === 0)).toBe(true);
      expect(res.body.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    });

    it('names each bad field and writes nothing', async () => {
      const res = await t.api().post('/api/v1/users', { name: '', email: 'nope', timeZone: 'Mars/Olympus' }).expect(400);
      const fields = res.body.errors.map((e: { field: string }) => e.field).sort();
      expect(fields).toEqual(expect.arrayContaining(['email', 'name', 'timeZone']));
      const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM users WHERE email = 'nope'`);
      expect(count).toBe(0);
    });

    it('rejects unknown fields and wrong types', async () => {
      const res = await t.api().post('/api/v1/users', { name: 'x', email: 'x1@example.com', admin: true }).expect(400);
      expect(res.body.errors[0].field).toBe('admin');
      const res2 = await t.api().post('/api/v1/users', { name: 42, email: 'x2@example.com' }).expect(400);
      expect(res2.body.errors.map((e: { field: string }) => e.field)).toContain('name');
    });

    it('answers 400 to malformed JSON and 413 to a body over 1 MB', async () => {
      const bad = await t
        .http()
        .post('/api/v1/users')
        .set('Authorization', `Bearer ${t.keys.admin}`)
        .set('Content-Type', 'application/json')
        .send('{"name": ')
        .expect(400);
      expect(bad.body.message).toMatch(/malformed JSON/);
      await t
        .api()
        .post('/api/v1/users', { name: 'x'.repeat(1_100_000), email: 'big@example.com' })
        .expect(413);
    });

    it('answers 409 to a duplicate email, case-insensitively', async () => {
      await createUser(t, { email: 'dup@example.com' });
      const res = await t.api().post('/api/v1/users', { name: 'Dup', email: 'DUP@example.com' }).expect(409);
      expect(res.body.error).toBe('Conflict');
    });

    it('validates ids and contact addresses per type', async () => {
      const notUuid = await t.api().get('/api/v1/users/123').expect(400);
      expect(notUuid.body.errors[0].field).toBe('id');
      await t.api().get('/api/v1/users/00000000-0000-4000-8000-000000000000').expect(404);
      const u = await createUser(t);
      const sms = await t.api().post(`/api/v1/users/${u.id}/contact-methods`, { type: 'sms', address: '555-1234' }).expect(400);
      expect(sms.body.errors[0].field).toBe('address');
      await t.api().post(`/api/v1/users/${u.id}/contact-methods`, { type: 'email', address: 'nope' }).expect(400);
      await t.api().post(`/api/v1/users/${u.id}/contact-methods`, { type: 'slack', address: 'U024BE7LH' }).expect(201);
      await t.api().post(`/api/v1/users/${u.id}/contact-methods`, { type: 'fax', address: '+14155550100' }).expect(400);
    });

    it('adds notification rules only for the user’s own contact methods', async () => {
      const a = await createUser(t, {}, [{ type: 'voice', address: '+14155550111' }]);
      const b = await createUser(t, {}, [{ type: 'voice', address: '+14155550112' }]);
      await t
        .api()
        .post(`/api/v1/users/${a.id}/notification-rules`, { contactMethodId: a.contactMethods[0].id, delayMinutes: 5 })
        .expect(201);
      const res = await t
        .api()
        .post(`/api/v1/users/${a.id}/notification-rules`, { contactMethodId: b.contactMethods[0].id, delayMinutes: 5 })
        .expect(400);
      expect(res.body.errors[0].field).toBe('contactMethodId');
      const neg = await t
        .api()
        .post(`/api/v1/users/${a.id}/notification-rules`, { contactMethodId: a.contactMethods[0].id, delayMinutes: -1 })
        .expect(400);
      expect(neg.body.errors[0].field).toBe('delayMinutes');
    });

    it('paginates with a cursor', async () => {
      for (let i = 0; i < 5; i++) await createUser(t);
      const seen = new Set<string>();
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await t
          .api()
          .get(`/api/v1/users?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
          .expect(200);
        for (const u of res.body.items) seen.add(u.id);
        cursor = res.body.nextCursor;
        pages++;
      } while (cursor && pages < 50);
      const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM users');
      expect(seen.size).toBe(count);
      await t.api().get('/api/v1/users?limit=501').expect(400);
      await t.api().get('/api/v1/users?cursor=garbage').expect(400);
    });

    it('paginates rows that share a millisecond but not a microsecond without skipping any', async () => {
      // A cursor holds milliseconds; PostgreSQL keeps microseconds (rows of one transaction share them only sometimes).
      const stamps = ['2031-01-01 00:00:00.123900+00', '2031-01-01 00:00:00.123500+00', '2031-01-01 00:00:00.123100+00', '2031-01-01 00:00:00.122000+00'];
      const ids: string[] = [];
      for (const [i, at] of stamps.entries()) {
        const [row] = await t.dataSource.query(
          `INSERT INTO users (name, email, created_at, updated_at) VALUES ($1, $2, $3, $3) RETURNING id`,
          [`Micro ${i}`, `micro-${i}-${Date.now()}@example.com`, at],
        );
        ids.push(row.id);
      }
      const listed: string[] = [];
      let cursor: string | null = null;
      do {
        const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await t
          .api()
          .get(`/api/v1/users?limit=1${cursor ? `&cursor=${cursor}` : ''}`)
          .expect(200);
        listed.push(...res.body.items.map((u) => u.id));
        cursor = res.body.nextCursor;
      } while (cursor && listed.length < 5);
      // Newest first: the four rows in the future come first, in their microsecond order, none skipped.
      expect(listed.slice(0, 4)).toEqual(ids);
    });
  });

  describe('teams', () => {
    it('creates a team with members, edits and deletes it', async () => {
      const a = await createUser(t);
      const b = await createUser(t);
      const team = await t.api().post('/api/v1/teams', { name: 'Payments', memberIds: [a.id] }).expect(201);
      expect(team.body.memberIds).toEqual([a.id]);
      const added = await t.api().post(`/api/v1/teams/${team.body.id}/members`, { userId: b.id }).expect(201);
      expect(added.body.memberIds).toHaveLength(2);
      await t.api().post('/api/v1/teams', { name: 'Payments' }).expect(409);
      const bad = await t
        .api()
        .post('/api/v1/teams', { name: 'Ghosts', memberIds: ['00000000-0000-4000-8000-000000000000'] })
        .expect(400);
      expect(bad.body.errors[0].field).toBe('memberIds');
      await t.api().delete(`/api/v1/teams/${team.body.id}`).expect(204);
      await t.api().get(`/api/v1/teams/${team.body.id}`).expect(404);
    });
  });

  describe('OpenAPI', () => {
    it('documents every route of the management API', async () => {
      const res = await t.http().get('/docs/openapi.json').expect(200);
      const paths = Object.keys(res.body.paths);
      expect(paths).toEqual(
        expect.arrayContaining([
          '/api/v1/users',
          '/api/v1/users/{id}',
          '/api/v1/teams',
          '/api/v1/api-keys',
          '/healthz',
          '/readyz',
          '/v2/enqueue',
          '/integrations/{key}/alertmanager',
          '/integrations/{key}/grafana',
          '/integrations/{key}/generic',
          '/heartbeats/{key}',
          '/slack/events',
          '/twilio/sms',
        ]),
      );
      expect(res.body.components.securitySchemes.bearer).toBeDefined();
    });
  });
});
