import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { listRouteHandlers } from '../../src/auth/route-handlers';
import { SessionsService } from '../../src/sessions/sessions.service';
import { createTestApp, TestApp } from '../support/test-app';
import { buildWorld, concretePath, hangUpAfterHeaders, openApiRoutes, RESPONDER_WRITES as RESPONDER_WRITES_NEST, STREAMING_ROUTES, World } from './security-world';

/**
 * Every route in the OpenAPI document, with ids of real objects: /api/v1 refuses
 * a missing or unknown key (401) and a read-only key for writes (403); admin-only
 * writes refuse responders too. Webhooks (not in the document: they have their
 * own credentials) refuse unknown keys with a 404.
 */

/** The responder writes (security-world.ts), spelled as the OpenAPI document names routes. */
const RESPONDER_WRITES = new Set(RESPONDER_WRITES_NEST.map((route) => route.replace(/:(\w+)/g, '{$1}')));

/** /api/v1 routes that authenticate by their own secret (@Public): a calendar feed's token; the console's sign-ins (checked below). */
const OWN_AUTH_ROUTES = new Set(['GET /api/v1/schedules/{id}/ical']);
const SIGN_IN_ROUTES = new Set([
  'POST /api/v1/session/api-key',
  'GET /api/v1/session/providers',
  'POST /api/v1/session/email-link',
  'POST /api/v1/session/email-link/confirm',
]);

/** Writes any signed-in console session may make, whatever its role: its own sign-out (an API key gets a 404 there). */
const SIGNED_IN_WRITES = new Set(['DELETE /api/v1/session']);

/** Reads only an admin may make: who is signed in to the console. */
const ADMIN_READS = new Set(['GET /api/v1/sessions']);

/** Routes outside /api/v1 that are open by design. */
const PUBLIC_ROUTES = new Set(['GET /healthz', 'GET /readyz']);

const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

describe('auth matrix: every route from the OpenAPI document (real PostgreSQL)', () => {
  let t: TestApp;
  let world: World;
  let checked = 0;

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildWorld(t);
  });
  afterAll(async () => {
    console.log(`auth-matrix: ${checked} routes checked`);
    await t.close();
  });

  const call = (method: string, url: string, key?: string) => {
    let req = t.http()[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](url);
    if (key) req = req.set('Authorization', `Bearer ${key}`);
    if (STREAMING_ROUTES.has(`${method} ${url}`)) req = hangUpAfterHeaders(req);
    return WRITE.has(method) && method !== 'DELETE' ? req.send({}) : req;
  };

  it('the OpenAPI document lists every /api/v1 route the server serves', async () => {
    const documented = new Set((await openApiRoutes(t)).map((r) => `${r.method} ${r.template}`));
    // From Nest's own route metadata, so this holds under any HTTP adapter.
    const served = listRouteHandlers(t.app.get(DiscoveryService), t.app.get(MetadataScanner))
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`)
      .filter((r) => r.split(' ')[1].startsWith('/api/v1'));
    expect(served.length).toBeGreaterThan(40);
    expect(served.filter((r) => !documented.has(r))).toEqual([]);
  });

  it('every /api/v1 route refuses a missing and an unknown key (401), and a read-only key for writes (403)', async () => {
    const routes = (await openApiRoutes(t)).filter((r) => r.template.startsWith('/api/v1'));
    expect(routes.length).toBeGreaterThan(40);
    const failures: string[] = [];
    const expectStatus = (route: string, who: string, got: number, ok: (s: number) => boolean, want: string) => {
      if (!ok(got)) failures.push(`${route} as ${who}: ${got}, expected ${want}`);
    };
    for (const r of routes) {
      const route = `${r.method} ${r.template}`;
      const url = concretePath(world, r.template);
      if (SIGN_IN_ROUTES.has(route)) continue;
      if (OWN_AUTH_ROUTES.has(route)) {
        // No key needed, but no token is no access: 404 says nothing about which schedules exist.
        expectStatus(route, 'nobody', (await call(r.method, url)).status, (s) => s === 404, '404');
        expectStatus(route, 'wrong token', (await call(r.method, `${url}?token=nope`)).status, (s) => s === 404, '404');
        checked++;
        continue;
      }
      expectStatus(route, 'nobody', (await call(r.method, url)).status, (s) => s === 401, '401');
      expectStatus(route, 'an unknown key', (await call(r.method, url, 'klx_not-a-real-key')).status, (s) => s === 401, '401');
      expectStatus(route, 'a malformed header', (await call(r.method, url).set('Authorization', t.keys.admin)).status, (s) => s === 401, '401');
      if (SIGNED_IN_WRITES.has(route)) {
        expectStatus(route, 'read-only', (await call(r.method, url, t.keys.readOnly)).status, (s) => s === 404, '404 (a key has no session)');
      } else if (ADMIN_READS.has(route)) {
        expectStatus(route, 'read-only', (await call(r.method, url, t.keys.readOnly)).status, (s) => s === 403, '403');
        expectStatus(route, 'responder', (await call(r.method, url, t.keys.responder)).status, (s) => s === 403, '403');
      } else if (WRITE.has(r.method)) {
        expectStatus(route, 'read-only', (await call(r.method, url, t.keys.readOnly)).status, (s) => s === 403, '403');
        if (RESPONDER_WRITES.has(route)) {
          expectStatus(route, 'responder', (await call(r.method, url, t.keys.responder)).status, (s) => s !== 401 && s !== 403, 'not 401/403');
        } else {
          expectStatus(route, 'responder', (await call(r.method, url, t.keys.responder)).status, (s) => s === 403, '403');
        }
      } else {
        expectStatus(route, 'read-only', (await call(r.method, url, t.keys.readOnly)).status, (s) => s < 400 || s === 404, 'allowed');
      }
      checked++;
    }
    expect(failures).toEqual([]);
    // Every documented responder write exists: a renamed route must not silently drop out of the list.
    const documented = new Set(routes.map((r) => `${r.method} ${r.template}`));
    expect([...RESPONDER_WRITES].filter((r) => !documented.has(r))).toEqual([]);
  });

  it('routes outside /api/v1 in the document are the open health checks and the webhooks (checked below)', async () => {
    const outside = (await openApiRoutes(t)).filter((r) => !r.template.startsWith('/api/v1')).map((r) => `${r.method} ${r.template}`);
    const webhooks = outside.filter((r) => !PUBLIC_ROUTES.has(r));
    expect(webhooks.length).toBeGreaterThan(0);
    for (const r of webhooks) expect(r).toMatch(/ \/(v2|integrations|heartbeats|slack|twilio|actions|i)\//);
    expect(outside.filter((r) => PUBLIC_ROUTES.has(r)).sort()).toEqual([...PUBLIC_ROUTES].sort());
    for (const r of [...PUBLIC_ROUTES]) {
      await t.http().get(r.split(' ')[1]).expect(200);
      checked++;
    }
  });

  it('every webhook refuses an unknown key (404), including keys of another integration type', async () => {
    const unknown = 'u'.repeat(32);
    const i = world.integrations;
    const cases: [string, string, object][] = [
      ['POST', '/v2/enqueue', { routing_key: unknown, event_action: 'trigger', payload: { summary: 's', source: 's', severity: 'info' } }],
      // (A routing key that is not 32 [a-z0-9] is malformed: a 400 naming it, as PagerDuty answers.)
      ['POST', '/v2/enqueue', { routing_key: '0123456789abcdef0123456789abcdef', event_action: 'resolve', dedup_key: 'x' }],
      ['POST', `/integrations/${unknown}/alertmanager`, {}],
      ['POST', `/integrations/${i['events-v2'].key}/alertmanager`, {}],
      ['POST', `/integrations/${unknown}/grafana`, {}],
      ['POST', `/integrations/${i.alertmanager.key}/grafana`, {}],
      ['POST', `/integrations/${unknown}/generic`, { summary: 's' }],
      ['GET', `/integrations/${unknown}/generic?summary=s`, {}],
      ['POST', `/integrations/${i.grafana.key}/generic`, { summary: 's' }],
      ['POST', `/heartbeats/${unknown}`, {}],
      ['POST', `/heartbeats/${i.generic.key}`, {}],
    ];
    const [{ before }] = await t.dataSource.query('SELECT count(*)::int AS before FROM alerts');
    for (const [method, url, body] of cases) {
      const req = method === 'GET' ? t.http().get(url) : t.http().post(url).set('Content-Type', 'application/json').send(JSON.stringify(body));
      const res = await req;
      expect({ url: url.replace(/[a-z0-9]{20,}/gi, '{key}'), status: res.status }).toEqual({ url: url.replace(/[a-z0-9]{20,}/gi, '{key}'), status: 404 });
      checked++;
    }
    const [{ after }] = await t.dataSource.query('SELECT count(*)::int AS after FROM alerts');
    expect(after).toBe(before);
  });

  it('signed inbound webhooks (Twilio, Slack, email actions) and SMS short links refuse unsigned, forged or unknown requests', async () => {
    await t.http().post('/twilio/sms').type('form').send({ From: '+14155550100', Body: 'ack 1' }).expect(403);
    await t.http().post('/twilio/sms').set('X-Twilio-Signature', 'forged').type('form').send({ From: '+14155550100', Body: 'ack 1' }).expect(403);
    const slack = await t.http().post('/slack/events').set('X-Slack-Signature', 'v0=forged').set('X-Slack-Request-Timestamp', '1').type('form').send({ payload: '{}' });
    expect([401, 403, 404]).toContain(slack.status);
    const action = await t.http().get('/actions/not-a-token');
    expect(action.status).toBeGreaterThanOrEqual(400);
    expect(action.status).toBeLessThan(500);
    await t.http().get('/i/AAAAAAAAAAAAAAAAAAAAAA').expect(404);
    await t.http().post('/i/AAAAAAAAAAAAAAAAAAAAAA/acknowledge').expect(404);
    checked += 6;
  });

  it('the console sign-in routes: the key sign-in takes only an admin key; the providers are open', async () => {
    await t.http().post('/api/v1/session/api-key').send({}).expect(400);
    await t.http().post('/api/v1/session/api-key').send({ key: 'klx_not-a-real-key' }).expect(401);
    await t.http().post('/api/v1/session/api-key').send({ key: t.keys.readOnly }).expect(403);
    await t.http().post('/api/v1/session/api-key').send({ key: t.keys.responder }).expect(403);
    await t.http().post('/api/v1/session/api-key').send({ key: t.keys.admin }).expect(201);
    await t.http().get('/api/v1/session/providers').expect(200);
    // Not configured here (no SMTP, no OpenID Connect): 404; a forged link token signs nobody in.
    await t.http().post('/api/v1/session/email-link').send({ email: 'someone@example.com' }).expect(404);
    await t.http().post('/api/v1/session/email-link/confirm').send({ token: 'forged' }).expect(401);
    await t.http().get('/auth/oidc/login').expect(404);
    await t.http().get('/auth/oidc/callback?code=x&state=y').expect(404);
    checked += 6;
  });

  it('every /api/v1 route under a console session of each role: the same decision as a key of that role, and no write without X-CSRF-Token', async () => {
    const routes = (await openApiRoutes(t)).filter(
      (r) => r.template.startsWith('/api/v1') && !OWN_AUTH_ROUTES.has(`${r.method} ${r.template}`) && !SIGN_IN_ROUTES.has(`${r.method} ${r.template}`),
    );
    const sessions = t.get(SessionsService);
    const roles = ['read-only', 'responder', 'admin'] as const;
    const browsers = new Map<(typeof roles)[number], { cookie: string; csrf: string }>();
    for (const role of roles) {
      const user = await t.api().post('/api/v1/users', { name: `Matrix ${role}`, email: `matrix-${role}@example.com`, role }).expect(201);
      const opened = await sessions.openForUser({ id: user.body.id, name: user.body.name, role }, 'oidc');
      browsers.set(role, { cookie: opened.cookie.split(';')[0], csrf: opened.session.csrfToken });
    }
    const rank = { 'read-only': 0, responder: 1, admin: 2 };
    const failures: string[] = [];
    for (const r of routes) {
      const route = `${r.method} ${r.template}`;
      const url = concretePath(world, r.template);
      const minRole = ADMIN_READS.has(route) ? 'admin' : !WRITE.has(r.method) || SIGNED_IN_WRITES.has(route) ? 'read-only' : RESPONDER_WRITES.has(route) ? 'responder' : 'admin';
      for (const role of roles) {
        const b = browsers.get(role)!;
        const send = (csrf: string | null) => {
          let req = call(r.method, url).set('Cookie', b.cookie);
          if (csrf !== null) req = req.set('X-CSRF-Token', csrf);
          return req;
        };
        if (WRITE.has(r.method)) {
          for (const [what, csrf] of [['no X-CSRF-Token', null], ['a wrong X-CSRF-Token', 'x'.repeat(b.csrf.length)]] as const) {
            const got = (await send(csrf)).status;
            if (got !== 403) failures.push(`${route} as a ${role} session with ${what}: ${got}, expected 403`);
          }
          // With the token: refused below the route's role; above it only where a call changes nothing lasting
          // (the admin's writes and the sign-out are left out: they would change the world the other rows use).
          if (rank[role] < rank[minRole]) {
            const got = (await send(b.csrf)).status;
            if (got !== 403) failures.push(`${route} as a ${role} session: ${got}, expected 403`);
          }
        } else {
          const got = (await send(null)).status;
          const ok = rank[role] < rank[minRole] ? got === 403 : got < 400 || got === 404;
          if (!ok) failures.push(`${route} as a ${role} session: ${got}, expected ${rank[role] < rank[minRole] ? '403' : 'allowed'}`);
        }
      }
      checked++;
    }
    expect(failures).toEqual([]);
    // A session that is signed out, forged, or sent with a bearer key of lower rank does not count.
    await t.http().get('/api/v1/users').set('Cookie', 'klaxon_session=forged').expect(401);
    const admin = browsers.get('admin')!;
    await t.http().post('/api/v1/users').set('Cookie', admin.cookie).set('X-CSRF-Token', admin.csrf).set('Authorization', `Bearer ${t.keys.readOnly}`).send({}).expect(403);
  });

  it("a user's own settings: a responder session of that user may change them; another user's session, a read-only one and any key below admin may not", async () => {
    const sessions = t.get(SessionsService);
    const signIn = async (role: 'read-only' | 'responder', contact: boolean) => {
      const email = `self-${role}-${Math.random().toString(36).slice(2)}@example.com`;
      const user = (await t.api().post('/api/v1/users', { name: `Self ${role}`, email, role }).expect(201)).body;
      const cm = contact ? (await t.api().post(`/api/v1/users/${user.id}/contact-methods`, { type: 'email', address: email }).expect(201)).body : null;
      const opened = await sessions.openForUser({ id: user.id, name: user.name, role }, 'oidc');
      const cookie = opened.cookie.split(';')[0];
      const csrf = opened.session.csrfToken;
      const as = (method: 'post' | 'patch' | 'delete', url: string, body?: object) => {
        const req = t.http()[method](url).set('Cookie', cookie).set('X-CSRF-Token', csrf);
        return body ? req.send(body) : req;
      };
      return { id: user.id as string, cm: cm as { id: string } | null, as };
    };
    const me = await signIn('responder', false);
    const other = await signIn('responder', true);
    const reader = await signIn('read-only', true);

    // My own: contact methods, notification rules, handoff rules, time zone and name.
    const cm = (await me.as('post', `/api/v1/users/${me.id}/contact-methods`, { type: 'email', address: 'me-self@example.com' }).expect(201)).body;
    await me.as('patch', `/api/v1/users/${me.id}/contact-methods/${cm.id}`, { enabled: false }).expect(200);
    await me.as('patch', `/api/v1/users/${me.id}/contact-methods/${cm.id}`, { enabled: true }).expect(200);
    const rule = (await me.as('post', `/api/v1/users/${me.id}/notification-rules`, { contactMethodId: cm.id, delayMinutes: 5 }).expect(201)).body;
    await me.as('delete', `/api/v1/users/${me.id}/notification-rules/${rule.id}`).expect(204);
    const handoff = (await me.as('post', `/api/v1/users/${me.id}/handoff-rules`, { contactMethodId: cm.id, handoffType: 'oncall', advanceMinutes: 15 }).expect(201)).body;
    await me.as('patch', `/api/v1/users/${me.id}/handoff-rules/${handoff.id}`, { advanceMinutes: 45 }).expect(200);
    await me.as('patch', `/api/v1/users/${me.id}`, { timeZone: 'Europe/Paris', name: 'Self renamed' }).expect(200);
    const mine = (await t.api().get(`/api/v1/users/${me.id}`).expect(200)).body;
    expect(mine).toMatchObject({ timeZone: 'Europe/Paris', name: 'Self renamed', role: 'responder' });
    expect((await t.api().get(`/api/v1/users/${me.id}/handoff-rules`).expect(200)).body.items).toEqual([expect.objectContaining({ id: handoff.id, advanceMinutes: 45 })]);

    // Never my own role or email, nor creating or deleting users.
    for (const body of [{ role: 'admin' }, { email: 'taken-over@example.com' }, { role: null }, { timeZone: 'UTC', role: 'responder' }]) {
      const res = await me.as('patch', `/api/v1/users/${me.id}`, body).expect(403);
      expect(res.body.message ?? JSON.stringify(res.body)).toMatch(/only an admin may change (role|email)/);
    }
    await me.as('delete', `/api/v1/users/${me.id}`).expect(403);
    await me.as('post', '/api/v1/users', { name: 'New', email: 'self-new@example.com' }).expect(403);
    expect((await t.api().get(`/api/v1/users/${me.id}`).expect(200)).body).toMatchObject({ role: 'responder', email: mine.email });

    // Another user's things: 403 for every self-service route, and nothing changes.
    const o = other.id;
    const ocm = other.cm!.id;
    const othersBefore = (await t.api().get(`/api/v1/users/${o}`).expect(200)).body;
    const otherHandoff = (await t.api().post(`/api/v1/users/${o}/handoff-rules`, { contactMethodId: ocm, handoffType: 'both', advanceMinutes: 0 }).expect(201)).body;
    const othersWrites: Array<['post' | 'patch' | 'delete', string, object?]> = [
      ['patch', `/api/v1/users/${o}`, { timeZone: 'Asia/Tokyo' }],
      ['post', `/api/v1/users/${o}/contact-methods`, { type: 'email', address: 'intruder@example.com' }],
      ['patch', `/api/v1/users/${o}/contact-methods/${ocm}`, { enabled: false }],
      ['delete', `/api/v1/users/${o}/contact-methods/${ocm}`],
      ['post', `/api/v1/users/${o}/notification-rules`, { contactMethodId: ocm, delayMinutes: 3 }],
      ['delete', `/api/v1/users/${o}/notification-rules/${othersBefore.notificationRules[0].id}`],
      ['post', `/api/v1/users/${o}/handoff-rules`, { contactMethodId: ocm, handoffType: 'both', advanceMinutes: 5 }],
      ['patch', `/api/v1/users/${o}/handoff-rules/${otherHandoff.id}`, { advanceMinutes: 5 }],
      ['delete', `/api/v1/users/${o}/handoff-rules/${otherHandoff.id}`],
    ];
    for (const [method, url, body] of othersWrites) {
      expect({ url, status: (await me.as(method, url, body)).status }).toEqual({ url, status: 403 });
      // A responder key belongs to no user: it may not write any user either.
      const keyed = t.http()[method](url).set('Authorization', `Bearer ${t.keys.responder}`);
      expect({ url, key: (await (body ? keyed.send(body) : keyed)).status }).toEqual({ url, key: 403 });
    }
    expect((await t.api().get(`/api/v1/users/${o}`).expect(200)).body).toEqual(othersBefore);
    expect((await t.api().get(`/api/v1/users/${o}/handoff-rules`).expect(200)).body.items).toEqual([otherHandoff]);

    // A read-only session may not change even its own settings.
    const rcm = reader.cm!.id;
    for (const [method, url, body] of [
      ['patch', `/api/v1/users/${reader.id}`, { timeZone: 'Asia/Tokyo' }],
      ['post', `/api/v1/users/${reader.id}/contact-methods`, { type: 'email', address: 'reader-2@example.com' }],
      ['delete', `/api/v1/users/${reader.id}/contact-methods/${rcm}`],
      ['post', `/api/v1/users/${reader.id}/handoff-rules`, { contactMethodId: rcm, handoffType: 'both', advanceMinutes: 5 }],
    ] as Array<['post' | 'patch' | 'delete', string, object?]>) {
      expect({ url, status: (await reader.as(method, url, body)).status }).toEqual({ url, status: 403 });
    }

    // A forged session cookie is nobody; my own session removes what it added.
    await t.http().delete(`/api/v1/users/${me.id}/handoff-rules/${handoff.id}`).set('Cookie', 'klaxon_session=forged').expect(401);
    await me.as('delete', `/api/v1/users/${me.id}/handoff-rules/${handoff.id}`).expect(204);
    await me.as('delete', `/api/v1/users/${me.id}/contact-methods/${cm.id}`).expect(204);
    checked += othersWrites.length + 14;
  });
});
