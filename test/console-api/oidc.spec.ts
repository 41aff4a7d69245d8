import { freePort } from '../../src/database/embedded-postgres';
import { createUser } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';
import { KlaxonProcess } from '../support/worker-process';
import { OidcProviderProcess, signInDance } from './oidc-flow';

const CLIENT_ID = 'klaxon-console';
const CLIENT_SECRET = 'klaxon-console-secret-0123456789';

/**
 * OpenID Connect sign-in through a real provider (`oidc-provider`) and real
 * Klaxon processes (openid-client is an ES module, loaded by Node itself):
 * the browser's whole redirect dance, driven with fetch.
 */
describe('OpenID Connect sign-in', () => {
  jest.setTimeout(240_000);
  let t: TestApp;
  let provider: OidcProviderProcess;
  const klaxons: KlaxonProcess[] = [];
  let strict: string;
  let autoCreate: string;

  beforeAll(async () => {
    t = await createTestApp();
    await createUser(t, { name: 'Ada Known', email: 'ada@example.com' });
    const [providerPort, strictPort, autoPort] = [await freePort(), await freePort(), await freePort()];
    strict = `http://127.0.0.1:${strictPort}`;
    autoCreate = `http://127.0.0.1:${autoPort}`;
    provider = new OidcProviderProcess({
      port: providerPort,
      clients: [{ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uris: [`${strict}/auth/oidc/callback`, `${autoCreate}/auth/oidc/callback`], grant_types: ['authorization_code'], response_types: ['code'] }],
      accounts: {
        ada: { email: 'Ada@Example.com', name: 'Ada Lovelace' },
        mallory: { email: 'mallory@example.com', name: 'Mallory' },
        grace: { email: 'grace@example.com', name: 'Grace Hopper' },
        unverified: { email: 'ada@example.com', name: 'Not Ada', email_verified: false },
      },
    });
    await provider.start();
    const env = (port: number, extra: Record<string, string> = {}) => ({
      DATABASE_URL: t.db.url,
      KLAXON_ROLE: 'api',
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      OIDC_ISSUER_URL: provider.issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
      KLAXON_ADMIN_API_KEY: 'oidc-test-admin-key-0123456789',
      ...extra,
    });
    klaxons.push(new KlaxonProcess(env(strictPort)), new KlaxonProcess(env(autoPort, { OIDC_AUTO_CREATE_USERS: 'true' })));
    await Promise.all(klaxons.map((k) => k.start()));
  });
  afterAll(async () => {
    await Promise.all(klaxons.map((k) => k.stop()));
    await provider?.stop();
    await t.close();
  });

  const session = async (base: string, cookie: string) => (await fetch(`${base}/api/v1/session`, { headers: { cookie } })).json();

  it('is offered by the providers route', async () => {
    expect(await (await fetch(`${strict}/api/v1/session/providers`)).json()).toEqual({ oidc: true, emailLink: false, apiKey: true });
  });

  it('a known email signs in (authorization code + PKCE) and lands on returnTo', async () => {
    const { final, finalUrl, visited, jar } = await signInDance(`${strict}/auth/oidc/login?returnTo=/incidents/42`, 'ada', strict);
    expect(finalUrl.pathname).toBe('/auth/oidc/callback');
    expect(final.status).toBe(302);
    expect(final.headers.get('location')).toBe('/incidents/42');
    // The authorization request carried PKCE (S256), state and nonce.
    const authorize = new URL(visited.find((v) => v.startsWith(`GET ${provider.issuer}/auth?`))!.slice(4));
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toBeTruthy();
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    const setCookies = final.headers.getSetCookie();
    expect(setCookies.find((c) => c.startsWith('klaxon_session='))).toMatch(/HttpOnly; SameSite=Lax$/);
    expect(setCookies.find((c) => c.startsWith('klaxon_oidc='))).toMatch(/^klaxon_oidc=; Path=\/auth\/oidc; Max-Age=0/);
    const cookie = `klaxon_session=${jar.get(new URL(strict).host, 'klaxon_session')}`;
    const me = await session(strict, cookie);
    expect(me).toEqual(expect.objectContaining({ role: 'responder', user: expect.objectContaining({ name: 'Ada Known', email: 'ada@example.com' }) }));
  });

  it('an email that is no Klaxon user is refused with a page saying so', async () => {
    const { final, jar } = await signInDance(`${strict}/auth/oidc/login`, 'mallory', strict);
    expect(final.status).toBe(403);
    expect(await final.text()).toContain('No Klaxon user has the email address mallory@example.com');
    expect(jar.get(new URL(strict).host, 'klaxon_session')).toBeUndefined();
    expect((await t.api().get('/api/v1/users?limit=100').expect(200)).body.items.map((u: { email: string }) => u.email)).not.toContain('mallory@example.com');
  });

  it('an unverified email is refused', async () => {
    const { final } = await signInDance(`${strict}/auth/oidc/login`, 'unverified', strict);
    expect(final.status).toBe(403);
    expect(await final.text()).toContain('no verified email');
  });

  it('with OIDC_AUTO_CREATE_USERS=true an unknown email becomes a responder user and is signed in', async () => {
    const { final, jar } = await signInDance(`${autoCreate}/auth/oidc/login?returnTo=//evil.example/x`, 'grace', autoCreate);
    expect(final.status).toBe(302);
    expect(final.headers.get('location')).toBe('/');
    const me = await session(autoCreate, `klaxon_session=${jar.get(new URL(autoCreate).host, 'klaxon_session')}`);
    expect(me).toEqual(expect.objectContaining({ role: 'responder', user: expect.objectContaining({ name: 'Grace Hopper', email: 'grace@example.com' }) }));
  });

  it('a callback without the sign-in cookie, or with a forged one, signs nobody in', async () => {
    const bare = await fetch(`${strict}/auth/oidc/callback?code=x&state=y`, { redirect: 'manual' });
    expect(bare.status).toBe(400);
    const forged = await fetch(`${strict}/auth/oidc/callback?code=x&state=y`, { redirect: 'manual', headers: { cookie: 'klaxon_oidc=eyJzdGF0ZSI6InkifQ.forged' } });
    expect(forged.status).toBe(400);
    expect(forged.headers.getSetCookie().some((c) => c.startsWith('klaxon_session='))).toBe(false);
  });
});
