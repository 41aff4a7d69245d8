import { Page } from 'playwright-core';
import { freePort } from '../../src/database/embedded-postgres';
import { signedTwilioRequest } from '../fakes/signing';
import { createPolicy, createServiceWithEventsV2, createUser, incidentByDedupKey, phoneNumber } from '../support/factories';
import { KlaxonProcess } from '../support/worker-process';
import { OidcProviderProcess } from '../console-api/oidc-flow';
import { ConsoleHarness, TWILIO_FROM } from './console-harness';

/**
 * The incident list and page in a real Chromium against a real Klaxon: sign in
 * through a local OpenID Connect provider (the real `oidc-provider` package),
 * open an incident an Events v2 alert created, acknowledge it; changes made
 * elsewhere (the API, another Klaxon process answering an SMS) are pushed to the
 * open list over the SSE connection and show within a second, without a reload.
 */
describe('web console: incidents, live', () => {
  const h = new ConsoleHarness();
  let routingKey: string;
  let phone: string;
  let page: Page;
  let seq = 0;
  // A second Klaxon, a real KLAXON_ROLE=api process on the same database with OpenID Connect configured:
  // started in beforeAll, awaited by the tests that use it.
  let apiPort: number;
  let apiProcess: KlaxonProcess;
  let apiStarted: Promise<Error | null>;

  const trigger = async (summary: string): Promise<{ id: string; number: number }> => {
    const dedupKey = `console-live-${++seq}`;
    await h.t
      .http()
      .post('/v2/enqueue')
      .send({ routing_key: routingKey, event_action: 'trigger', dedup_key: dedupKey, payload: { summary, source: 'db-1', severity: 'critical' }, links: [{ href: 'https://grafana.example.test/d/db', text: 'Dashboard' }] })
      .expect(202);
    return incidentByDedupKey(h.t, dedupKey);
  };
  const row = (number: number) => page.locator(`li[data-number="${number}"]`);

  let provider: OidcProviderProcess;

  beforeAll(async () => {
    apiPort = await freePort();
    provider = new OidcProviderProcess({
      port: await freePort(),
      clients: [{ client_id: 'klaxon-console', client_secret: 'console-oidc-secret', redirect_uris: [`http://127.0.0.1:${apiPort}/auth/oidc/callback`], grant_types: ['authorization_code'], response_types: ['code'] }],
      accounts: { alice: { email: 'alice@example.test', name: 'Alice C.' } },
    });
    await Promise.all([provider.start(), h.start()]);
    phone = phoneNumber();
    const user = await createUser(h.t, { name: 'Alice Chen', email: 'alice@example.test' }, [{ type: 'sms', address: phone }]);
    const policy = await createPolicy(h.t, [{ delayMinutes: 10, targets: [{ type: 'user', id: user.id }] }]);
    ({ routingKey } = await createServiceWithEventsV2(h.t, policy.id));
    apiProcess = new KlaxonProcess({
      DATABASE_URL: h.t.db.url,
      KLAXON_ROLE: 'api',
      PORT: String(apiPort),
      PUBLIC_URL: `http://127.0.0.1:${apiPort}`,
      TWILIO_ACCOUNT_SID: h.twilio.accountSid,
      TWILIO_AUTH_TOKEN: h.twilio.authToken,
      TWILIO_FROM,
      TWILIO_API_URL: h.twilioUrl,
      KLAXON_SECRET: 'test-secret-0123456789abcdef',
      OIDC_ISSUER_URL: provider.issuer,
      OIDC_CLIENT_ID: 'klaxon-console',
      OIDC_CLIENT_SECRET: 'console-oidc-secret',
    });
    apiStarted = apiProcess.start().then(
      () => null,
      (e: Error) => e,
    );
    page = await h.page();
  });
  afterAll(async () => {
    await apiProcess?.kill();
    await h.stop();
    await provider?.stop();
  });

  it('signs in through OpenID Connect, opens an incident from an Events v2 alert and acknowledges it; the list shows it acknowledged', async () => {
    const failed = await apiStarted;
    if (failed) throw failed;
    const incident = await trigger('Database CPU at 98%');
    // The api process serves the console too; OIDC sign-in needs a process of its own (openid-client is an ES module).
    const oidcBase = `http://127.0.0.1:${apiPort}`;
    const sso = await h.page();
    await sso.goto(`${oidcBase}/incidents`);
    await sso.getByRole('link', { name: 'Sign in with single sign-on' }).click();
    // The provider's own login and consent pages (oidc-provider's development interactions).
    await sso.locator('input[name="login"]').fill('alice');
    await sso.locator('input[name="password"]').fill('any password');
    await sso.locator('button[type="submit"]').click();
    // Then the consent page, until the provider sends the browser back to Klaxon's callback.
    await sso.waitForURL((u) => u.origin === oidcBase || u.pathname.includes('/interaction/'), { waitUntil: 'load' });
    if (new URL(sso.url()).origin !== oidcBase) await sso.locator('button[type="submit"]').click();
    await sso.waitForURL((u) => u.origin === oidcBase);
    await sso.getByRole('heading', { name: 'Incidents' }).waitFor();
    await sso.getByText('Alice Chen', { exact: true }).waitFor();
    await sso.locator(`li[data-number="${incident.number}"]`).getByRole('link').click();
    await sso.getByRole('heading', { name: `#${incident.number} Database CPU at 98%` }).waitFor();
    await sso.getByRole('link', { name: 'Dashboard' }).waitFor();
    await sso.getByRole('button', { name: `Acknowledge #${incident.number}` }).click();
    await sso.locator('.meta .badge', { hasText: 'acknowledged' }).waitFor();
    const acknowledged = (await h.t.api().get(`/api/v1/incidents/${incident.id}`).expect(200)).body;
    expect(acknowledged).toEqual(expect.objectContaining({ status: 'acknowledged', acknowledgedBy: expect.objectContaining({ name: 'Alice Chen' }) }));

    await sso.getByRole('link', { name: 'All incidents' }).click();
    await sso.locator(`li[data-number="${incident.number}"] .badge`, { hasText: 'acknowledged' }).waitFor();
  }, 240_000);

  it('shows a new Events v2 alert within 1 s over the pushed connection, and a change made through the API', async () => {
    await h.signInWithKey(page);
    const stream = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/events');
    await page.goto('/incidents');
    await page.getByRole('heading', { name: 'Incidents' }).waitFor();
    const response = await stream;
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^text\/event-stream/);
    const reloads: string[] = [];
    page.on('framenavigated', (f) => f === page.mainFrame() && reloads.push(f.url()));

    const incident = await trigger('Disk full on db-2');
    await row(incident.number).waitFor({ timeout: 1000 });

    await h.t.api().post(`/api/v1/incidents/${incident.id}/resolve`).expect(200);
    await row(incident.number).waitFor({ state: 'detached', timeout: 1000 });
    expect(reloads).toEqual([]);
  });

  it('shows within 1 s an acknowledgement by SMS that a separate KLAXON_ROLE=api process handled', async () => {
    const failed = await apiStarted;
    if (failed) throw failed;
    const incident = await trigger('Replica lag on db-3');
    await page.goto('/incidents');
    await row(incident.number).locator('.badge', { hasText: 'triggered' }).waitFor();

    const url = `http://127.0.0.1:${apiPort}/twilio/sms`;
    const signed = signedTwilioRequest(h.twilio.authToken, url, { From: phone, To: TWILIO_FROM, Body: `ack ${incident.number}`, MessageSid: `SM${'c'.repeat(32)}` });
    const res = await fetch(url, { method: 'POST', headers: signed.headers, body: signed.body });
    expect(res.status).toBe(200);
    await row(incident.number).locator('.badge', { hasText: 'acknowledged' }).waitFor({ timeout: 1000 });
  }, 120_000);
});
