import { Controller, Get, Post } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { AppModule } from '../../src/app.module';
import { configureApp, createHttpAdapter } from '../../src/app.setup';
import type { ApiKeyRole } from '../../src/auth/api-key.entity';
import { ApiKeysService } from '../../src/auth/api-keys.service';
import { MissingAuthDecisionError } from '../../src/auth/auth-decisions.check';
import { MinRole } from '../../src/auth/auth.decorators';
import { listRouteHandlers, RouteHandler } from '../../src/auth/route-handlers';
import { UNROUTED_ENTRY_POINTS } from '../../src/auth/unrouted-entry-points';
import { parseEnv } from '../../src/config/app-config';
import { createTestDatabase } from '../support/database';
import { createTestApp, TestApp } from '../support/test-app';
import { hangUpAfterHeaders, RESPONDER_WRITES as RESPONDER_WRITES_NEST, STREAMING_ROUTES } from './security-world';

/**
 * Authentication from Nest's own metadata (not the HTTP adapter's router, so
 * these tests hold under any adapter): every handler, under every spelling of
 * its path, with no key, a revoked key and each role, answers exactly as its
 * @MinRole/@Public decision says. A spelling that does not route is a 404;
 * one that routes reaches the same decision.
 */

/** Handlers open without an API key, each verifying its own credential. Adding one is a security decision. */
const PUBLIC_HANDLERS = [
  'GET /healthz',
  'GET /readyz',
  'GET /metrics',
  'GET /api/v1/schedules/:id/ical',
  'POST /v2/enqueue',
  'POST /v2/alerts',
  'POST /v2/alerts/:identifier/:action',
  'GET /v2/alerts/requests/:requestId',
  'POST /integrations/:key/alertmanager',
  'POST /integrations/:key/grafana',
  'POST /integrations/:key/generic',
  'GET /integrations/:key/generic',
  'POST /heartbeats/:key',
  'POST /slack/events',
  'POST /twilio/sms',
  'POST /twilio/sms/status',
  'GET /twilio/voice',
  'POST /twilio/voice',
  'POST /twilio/voice/gather',
  'POST /twilio/voice/status',
  'GET /actions/:token',
  'POST /actions/:token',
  'GET /i/:token',
  'POST /i/:token/acknowledge',
  'POST /i/:token/resolve',
  'POST /api/v1/session/api-key',
  'GET /api/v1/session/providers',
  'POST /api/v1/session/email-link',
  'POST /api/v1/session/email-link/confirm',
  'GET /auth/oidc/login',
  'GET /auth/oidc/callback',
  'GET /',
  'GET /*',
].sort();

/** Writes any signed-in console session may make (its own sign-out), whatever its role. */
const READ_ONLY_WRITES = ['DELETE /api/v1/session'];
/** Reads only an admin may make: who is signed in to the console. */
const ADMIN_READS = ['GET /api/v1/sessions'];

const RESPONDER_WRITES = [...RESPONDER_WRITES_NEST].sort();

const RANK: Record<ApiKeyRole, number> = { 'read-only': 0, responder: 1, admin: 2 };

/** The spellings an attacker tries, for a canonical path such as /api/v1/users/<id>. */
function spellings(path: string): string[] {
  const rest = path.replace(/^\/api\/v1/, '');
  const [first, ...others] = path.split('/').filter(Boolean);
  return [
    path,
    `/API/v1${rest}`,
    `/Api/V1${rest}`,
    `//api/v1${rest}`,
    `/api//v1${rest}`,
    `/%61pi/v1${rest}`,
    `${path}/`,
    `${path};x=1`,
    `/${first}/./${others.join('/')}`,
    `/${first}/x/../${others.join('/')}`,
    path.toUpperCase(),
  ];
}

const key = (r: RouteHandler) => `${r.method} ${r.path}`;

describe('authentication decisions (from Nest metadata, real PostgreSQL)', () => {
  let t: TestApp;
  let routes: RouteHandler[];
  let revokedKey: string;

  beforeAll(async () => {
    t = await createTestApp();
    routes = listRouteHandlers(t.app.get(DiscoveryService), t.app.get(MetadataScanner));
    const keys = t.app.get(ApiKeysService);
    const revoked = await keys.create('revoked', 'admin');
    await keys.revoke(revoked.apiKey.id);
    revokedKey = revoked.key;
  });
  afterAll(() => t.close());

  it('every handler has exactly one decision; the public ones and the responder writes are the reviewed lists', () => {
    expect(routes.length).toBeGreaterThan(70);
    expect(routes.filter((r) => !r.decision).map(key)).toEqual([]);
    expect(routes.filter((r) => r.decision?.kind === 'public').map(key).sort()).toEqual(PUBLIC_HANDLERS);
    const apiKeyRoutes = routes.filter((r) => r.decision?.kind === 'api-key');
    expect(apiKeyRoutes.filter((r) => r.decision?.kind === 'api-key' && r.decision.minRole === 'responder').map(key).sort()).toEqual(
      RESPONDER_WRITES,
    );
    // Reads are open to read-only keys; every other write is admin only.
    for (const r of apiKeyRoutes) {
      if (r.decision?.kind !== 'api-key') continue;
      const want = ADMIN_READS.includes(key(r))
        ? 'admin'
        : r.method === 'GET' || READ_ONLY_WRITES.includes(key(r))
          ? 'read-only'
          : RESPONDER_WRITES.includes(key(r))
            ? 'responder'
            : 'admin';
      expect({ route: key(r), minRole: r.decision.minRole }).toEqual({ route: key(r), minRole: want });
    }
    // Every handler that takes an API key lives under /api/v1, and only the calendar feed there is public.
    expect(apiKeyRoutes.filter((r) => !r.path.startsWith('/api/v1/')).map(key)).toEqual([]);
  });

  it('the entry points outside Nest are the reviewed list', () => {
    expect(Object.values(UNROUTED_ENTRY_POINTS).map((e) => `${e.method} ${e.path}`).sort()).toEqual(['GET /docs']);
  });

  it('every API handler, under every spelling, answers 401/403/404 exactly as its decision says', async () => {
    const apiKeyRoutes = routes.filter((r) => r.decision?.kind === 'api-key');
    const credentials: { who: string; header?: string; role?: ApiKeyRole }[] = [
      { who: 'no key' },
      { who: 'a malformed header', header: t.keys.admin },
      { who: 'an unknown key', header: 'Bearer klx_not-a-real-key' },
      { who: 'a revoked key', header: `Bearer ${revokedKey}` },
      { who: 'read-only', header: `Bearer ${t.keys.readOnly}`, role: 'read-only' },
      { who: 'responder', header: `Bearer ${t.keys.responder}`, role: 'responder' },
      { who: 'admin', header: `Bearer ${t.keys.admin}`, role: 'admin' },
    ];
    const cases: { route: RouteHandler; url: string; canonical: boolean; cred: (typeof credentials)[number] }[] = [];
    for (const route of apiKeyRoutes) {
      // Ids that exist nowhere: an allowed request reaches the handler and finds nothing; nothing is changed.
      const canonical = route.path.replace(/:\w+/g, () => randomUUID());
      for (const url of spellings(canonical)) {
        for (const cred of credentials) cases.push({ route, url, canonical: url === canonical, cred });
      }
    }
    const failures: string[] = [];
    const check = async (c: (typeof cases)[number]) => {
      const minRole = c.route.decision?.kind === 'api-key' ? c.route.decision.minRole : 'admin';
      const method = c.route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
      let req = t.http()[method](c.url);
      if (c.cred.header) req = req.set('Authorization', c.cred.header);
      if (method !== 'get' && method !== 'delete') req = req.send({});
      if (STREAMING_ROUTES.has(key(c.route))) req = hangUpAfterHeaders(req);
      const status = (await req).status;
      const expected = !c.cred.role ? [401] : RANK[c.cred.role] < RANK[minRole] ? [403] : null;
      const ok = expected
        ? expected.includes(status) || (!c.canonical && status === 404)
        : status !== 401 && status !== 403 && status < 500;
      if (!ok) failures.push(`${key(c.route)} as ${c.url} with ${c.cred.who}: ${status}, expected ${expected ? expected.join('/') : 'allowed'}`);
    };
    // A few at a time: thousands of requests, without flooding the pool.
    for (let i = 0; i < cases.length; i += 16) await Promise.all(cases.slice(i, i + 16).map(check));
    expect(failures.slice(0, 20)).toEqual([]);
    expect(cases.length).toBeGreaterThan(3000);
  }, 180_000);

  it('routing is case-sensitive: an upper-case spelling of a public route is a 404 too', async () => {
    await t.http().get('/HEALTHZ').expect(404);
    await t.http().get('/healthz').expect(200);
    await t.http().post('/V2/enqueue').send({}).expect(404);
  });
});

@Controller('api/v1/forgotten')
class ForgottenController {
  @Get()
  @MinRole('read-only')
  fine(): string {
    return 'ok';
  }

  /** No @MinRole, no @Public. */
  @Post()
  open(): string {
    return 'anyone?';
  }
}

describe('a handler without a decision', () => {
  it('stops the application from starting, naming the handler', async () => {
    const db = await createTestDatabase();
    try {
      const config = { ...parseEnv({ LOG_LEVEL: 'silent', KLAXON_ROLE: 'api', KLAXON_SECRET: 'test-secret-0123456789abcdef' }), databaseUrl: db.url };
      const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)], controllers: [ForgottenController] }).compile();
      const app = moduleRef.createNestApplication(createHttpAdapter(), { bodyParser: false, logger: false });
      configureApp(app);
      const started = app.init();
      await expect(started).rejects.toBeInstanceOf(MissingAuthDecisionError);
      await expect(started).rejects.toThrow('ForgottenController.open (POST /api/v1/forgotten)');
      await app.close().catch(() => undefined);
    } finally {
      await db.drop();
    }
  });
});
