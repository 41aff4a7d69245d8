import { SmtpCaptureServer } from '../fakes/smtp-capture.server';
import { createUser } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';
import { sessionCookieOf } from './console-session-helpers';

const PUBLIC_URL = 'https://klaxon.example.com';
const HTML = 'text/html,application/xhtml+xml,*/*;q=0.8';

/** Email sign-in links against a real SMTP server the test runs: the link's GET uses nothing, its POST signs in once, 15 minutes. */
describe('email sign-in link', () => {
  const smtp = new SmtpCaptureServer();
  let t: TestApp;
  let user: { id: string };
  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    t = await createTestApp({ env: { SMTP_URL: smtpUrl, SMTP_FROM: 'klaxon@example.test', PUBLIC_URL } });
    user = await createUser(t, { name: 'Eve Link', email: 'eve@example.test' });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  async function linkFor(address: string): Promise<{ url: string; token: string }> {
    const mail = await smtp.waitForMessage((m) => m.to.includes(address) && !usedMails.has(m));
    usedMails.add(mail);
    const url = /https:\/\/\S+/.exec(mail.text ?? '')![0];
    return { url, token: new URL(url).hash.replace(/^#token=/, '') };
  }
  const usedMails = new Set<unknown>();

  it('is offered when SMTP and PUBLIC_URL are set', async () => {
    expect((await t.http().get('/api/v1/session/providers').expect(200)).body).toEqual({ oidc: false, emailLink: true, apiKey: true });
  });

  it('sends a link to the user; opening it (GET) uses nothing; Confirm (POST) signs in once', async () => {
    await t.http().post('/api/v1/session/email-link').send({ email: 'EVE@example.test' }).expect(202);
    const { url, token } = await linkFor('eve@example.test');
    expect(url.startsWith(`${PUBLIC_URL}/sign-in/email#token=`)).toBe(true);

    // A mail scanner fetches the link (and its query-string spelling): it gets the console page, nothing is used.
    const path = new URL(url).pathname;
    await t.http().get(path).set('Accept', HTML).expect(200);
    await t.http().get(`${path}?token=${token}`).set('Accept', HTML).expect(200);
    const [{ used }] = await t.dataSource.query('SELECT count(*)::int AS used FROM sign_in_links WHERE used_at IS NOT NULL');
    expect(used).toBe(0);

    const res = await t.http().post('/api/v1/session/email-link/confirm').send({ token }).expect(201);
    expect(res.body).toEqual({
      user: { id: user.id, name: 'Eve Link', email: 'eve@example.test', timeZone: 'UTC' },
      role: 'responder',
      csrfToken: expect.any(String),
      expiresAt: expect.any(String),
    });
    const cookie = sessionCookieOf(res)!;
    expect((await t.http().get('/api/v1/session').set('Cookie', cookie).expect(200)).body.user.id).toBe(user.id);

    // A form (another site's page can submit one) is refused; once only.
    await t.http().post('/api/v1/session/email-link/confirm').type('form').send({ token }).expect(415);
    await t.http().post('/api/v1/session/email-link/confirm').send({ token }).expect(401);
    const stored = await t.dataSource.query('SELECT token_hash FROM sign_in_links');
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it('an expired link is refused', async () => {
    await t.http().post('/api/v1/session/email-link').send({ email: 'eve@example.test' }).expect(202);
    const { token } = await linkFor('eve@example.test');
    t.clock.advanceMinutes(15);
    await t.http().post('/api/v1/session/email-link/confirm').send({ token }).expect(401);
  });

  it('answers 202 for an address of no user and sends nothing; a bad address is a 400 naming the field', async () => {
    const before = smtp.messages.length;
    await t.http().post('/api/v1/session/email-link').send({ email: 'nobody@example.test' }).expect(202);
    await t.http().post('/api/v1/session/email-link').send({ email: 'eve@example.test' }).expect(202);
    await linkFor('eve@example.test');
    expect(smtp.messages.slice(before).every((m) => m.to.includes('eve@example.test'))).toBe(true);
    const bad = await t.http().post('/api/v1/session/email-link').send({ email: 'not an email' }).expect(400);
    expect(bad.body.errors[0].field).toBe('email');
    await t.http().post('/api/v1/session/email-link/confirm').send({ token: 'forged' }).expect(401);
  });

  it('is rate-limited: per address silently, per client with a 429', async () => {
    t.clock.advanceMinutes(30);
    const other = await createUser(t, { name: 'Rate Limit', email: 'rate@example.test' });
    expect(other.id).toBeTruthy();
    const before = smtp.messages.length;
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await t.http().post('/api/v1/session/email-link').send({ email: 'rate@example.test' })).status);
    expect(statuses.every((s) => s === 202 || s === 429)).toBe(true);
    expect(statuses).toContain(429);
    await smtp.waitForMessage((m) => m.to.includes('rate@example.test'));
    const [{ links }] = await t.dataSource.query('SELECT count(*)::int AS links FROM sign_in_links WHERE user_id = $1', [other.id]);
    expect(links).toBeLessThanOrEqual(3);
    expect(smtp.messages.length - before).toBeLessThanOrEqual(3);
    // The 429 says when this client's window ends; after it, the client may ask again.
    const refused = await t.http().post('/api/v1/session/email-link').send({ email: 'rate@example.test' }).expect(429);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(refused.body.message).toMatch(/^too many sign-in requests from this address; retry after \d+ s$/);
    t.clock.advance(retryAfter * 1000);
    await t.http().post('/api/v1/session/email-link').send({ email: 'rate@example.test' }).expect(202);
  });
});
