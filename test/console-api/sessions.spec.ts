import { SessionsService } from '../../src/sessions/sessions.service';
import { createTestApp, TestApp } from '../support/test-app';
import { browserFor, ConsoleBrowser, sessionCookieOf, signInWithKey } from './console-session-helpers';

/** Console sessions on real PostgreSQL: sign-in with a key, the cookie, expiry on the fake clock, sign-out, revocation, CSRF, roles. */
describe('console sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { KLAXON_SESSION_HOURS: '2', PUBLIC_URL: 'https://klaxon.example.com' } });
  });
  afterAll(() => t.close());

  async function userSession(role: 'admin' | 'responder' | 'read-only'): Promise<{ browser: ConsoleBrowser; userId: string }> {
    const user = await t.api().post('/api/v1/users', { name: `A ${role}`, email: `${role}-${Date.now()}-${Math.random()}@example.com`, role }).expect(201);
    const opened = await t.get(SessionsService).openForUser({ id: user.body.id, name: user.body.name, role }, 'email-link');
    return { browser: browserFor(t, opened.cookie.split(';')[0], opened.session.csrfToken), userId: user.body.id };
  }

  it('an admin API key opens a session that belongs to no user; the cookie is HttpOnly, SameSite=Lax, Secure under https', async () => {
    const res = await t.http().post('/api/v1/session/api-key').send({ key: t.keys.admin }).expect(201);
    const setCookie = (res.headers['set-cookie'] as unknown as string[])[0];
    expect(setCookie).toMatch(/^klaxon_session=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=7200; HttpOnly; SameSite=Lax; Secure$/);
    expect(res.body).toEqual({ user: null, role: 'admin', csrfToken: expect.any(String), expiresAt: expect.any(String) });
    const me = await t.http().get('/api/v1/session').set('Cookie', sessionCookieOf(res)!).expect(200);
    expect(me.body).toEqual({ user: null, role: 'admin', csrfToken: res.body.csrfToken, expiresAt: new Date(t.clock.now().getTime() + 2 * 3_600_000).toISOString() });
  });

  it('a responder or read-only key, an unknown key, or no key is refused', async () => {
    await t.http().post('/api/v1/session/api-key').send({ key: t.keys.responder }).expect(403);
    await t.http().post('/api/v1/session/api-key').send({ key: t.keys.readOnly }).expect(403);
    await t.http().post('/api/v1/session/api-key').send({ key: 'klx_nope' }).expect(401);
    const bad = await t.http().post('/api/v1/session/api-key').send({}).expect(400);
    expect(bad.body.errors[0].field).toBe('key');
    await t.http().get('/api/v1/session').expect(401);
    await t.http().get('/api/v1/session').set('Cookie', 'klaxon_session=forged').expect(401);
    // A form (which another site's page can submit) is refused: sign-in takes JSON only.
    await t.http().post('/api/v1/session/api-key').type('form').send({ key: t.keys.admin }).expect(415);
  });

  it('an API key is not a session: GET /api/v1/session answers 404 to it', async () => {
    await t.api('readOnly').get('/api/v1/session').expect(404);
  });

  it('a session expires after KLAXON_SESSION_HOURS without use, and each use renews it', async () => {
    const b = await signInWithKey(t);
    t.clock.advanceMinutes(100);
    const renewed = await b.get('/api/v1/users').expect(200);
    expect(sessionCookieOf(renewed)).toBe(b.cookie);
    t.clock.advanceMinutes(100);
    await b.get('/api/v1/users').expect(200);
    t.clock.advanceMinutes(121);
    await b.get('/api/v1/users').expect(401);
  });

  it('signing out ends the session and clears the cookie; it needs the CSRF token', async () => {
    const b = await signInWithKey(t);
    await b.write('delete', '/api/v1/session', undefined, false).expect(403);
    const out = await b.write('delete', '/api/v1/session').expect(204);
    expect((out.headers['set-cookie'] as unknown as string[])[0]).toMatch(/^klaxon_session=; Path=\/; Max-Age=0; HttpOnly/);
    await b.get('/api/v1/session').expect(401);
  });

  it('an admin lists a user\'s live sessions and revokes one; its next request is a 401', async () => {
    const { browser, userId } = await userSession('responder');
    await browser.get('/api/v1/session').expect(200);
    const list = await t.api().get(`/api/v1/sessions?userId=${userId}`).expect(200);
    expect(list.body).toEqual([expect.objectContaining({ userId, signInMethod: 'email-link', apiKeyId: null })]);
    await t.api('responder').get(`/api/v1/sessions?userId=${userId}`).expect(403);
    await browser.get('/api/v1/sessions').expect(403);
    await t.api().delete(`/api/v1/sessions/${list.body[0].id}`).expect(204);
    await browser.get('/api/v1/session').expect(401);
    expect((await t.api().get(`/api/v1/sessions?userId=${userId}`).expect(200)).body).toEqual([]);
  });

  it('a key session ends when its key is revoked', async () => {
    const created = await t.api().post('/api/v1/api-keys', { name: 'short-lived admin', role: 'admin' }).expect(201);
    const b = await signInWithKey(t, created.body.key);
    await b.get('/api/v1/session').expect(200);
    await t.api().delete(`/api/v1/api-keys/${created.body.id}`).expect(204);
    await b.get('/api/v1/session').expect(401);
  });

  it('every cookie write needs X-CSRF-Token equal to the session\'s; an API key needs none', async () => {
    const b = await signInWithKey(t);
    const body = { name: 'Csrf Test', email: 'csrf@example.com' };
    await b.write('post', '/api/v1/users', body, false).expect(403);
    await b.write('post', '/api/v1/users', body, false).set('X-CSRF-Token', 'wrong').expect(403);
    await b.write('post', '/api/v1/users', body).expect(201);
    await t.api().post('/api/v1/users', { name: 'Key Test', email: 'key-csrf@example.com' }).expect(201);
  });

  it('a user session has the user\'s role, held to the same @MinRole as keys, and a role change applies at once', async () => {
    const reader = await userSession('read-only');
    const me = await reader.browser.get('/api/v1/session').expect(200);
    expect(me.body).toEqual(expect.objectContaining({ role: 'read-only', user: expect.objectContaining({ id: reader.userId, timeZone: 'UTC' }) }));
    await reader.browser.get('/api/v1/users').expect(200);
    await reader.browser.write('post', '/api/v1/users', { name: 'No', email: 'no@example.com' }).expect(403);
    await reader.browser.write('post', `/api/v1/incidents/${'0'.repeat(8)}-0000-4000-8000-000000000000/acknowledge`, {}).expect(403);

    const responder = await userSession('responder');
    await responder.browser.write('post', `/api/v1/incidents/${'0'.repeat(8)}-0000-4000-8000-000000000000/acknowledge`, {}).expect(404);
    await responder.browser.write('post', '/api/v1/users', { name: 'No', email: 'no2@example.com' }).expect(403);

    await t.api().patch(`/api/v1/users/${responder.userId}`, { role: 'admin' }).expect(200);
    await responder.browser.write('post', '/api/v1/users', { name: 'Yes', email: 'yes@example.com' }).expect(201);
  });

  it('users have a role: responder by default, set by an admin, validated', async () => {
    const u = await t.api().post('/api/v1/users', { name: 'Default Role', email: 'default-role@example.com' }).expect(201);
    expect(u.body.role).toBe('responder');
    const bad = await t.api().patch(`/api/v1/users/${u.body.id}`, { role: 'owner' }).expect(400);
    expect(bad.body.errors[0].field).toBe('role');
  });

  it('the providers say what is configured', async () => {
    expect((await t.http().get('/api/v1/session/providers').expect(200)).body).toEqual({ oidc: false, emailLink: false, apiKey: true });
  });
});
