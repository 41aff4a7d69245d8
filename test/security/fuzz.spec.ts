import fc from 'fast-check';
import { MetricsService } from '../../src/health/metrics.service';
import { createTestApp, TestApp } from '../support/test-app';
import { buildWorld, concretePath, openApiRoutes, rowCounts, validBodies, webhooks, World } from './security-world';

/**
 * Hostile input against every webhook and every /api/v1 body (routes taken from
 * the OpenAPI document): random JSON, wrong types, huge strings, deep nesting,
 * invalid UTF-8, prototype-pollution keys. Whatever arrives: no 5xx, nothing
 * written by a rejected request, Object.prototype untouched, and the service
 * still answers.
 */
const RUNS_PER_ROUTE = Number(process.env.KLAXON_FUZZ_RUNS ?? 25);
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH']);

interface Payload {
  kind: string;
  body: string | Buffer;
  contentType: string;
  query?: string;
}

const json = (kind: string, value: unknown): Payload => ({ kind, body: JSON.stringify(value) ?? 'null', contentType: 'application/json' });

/** Strings that break naive code: NUL, lone surrogates, control characters, RTL marks, huge ones. */
const nastyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('\u0000', 'a\u0000b', '\ud800', '\udfff', '\u202e', '\u001b[31m', ' ', '', '%00', '../../etc/passwd', "'; DROP TABLE users; --", '9'.repeat(400), '-1', 'NaN', 'Infinity'),
  fc.integer({ min: 1000, max: 200_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 100, max: 100_000 }).map((n) => '\u{1F4DF}'.repeat(n)),
);

const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  nastyString,
  fc.constantFrom(null, true, false, 0, -1, 1e308, -0, 2 ** 53 + 1, [], {}, [null], { id: 'x' }),
);

/** Tried in every field of every body, besides the random ones: each of these once found a 500 somewhere. */
// Objects whose toString/valueOf are not functions: String(x) and Number(x) throw on them (a 500 once
// came from a numeric field converted with class-transformer's @Type(() => Number)).
const KNOWN_BAD_VALUES: unknown[] = ['\u0000', 'a\u0000b', '\ud800', '\u202e', 'x'.repeat(100_000), -1, 1e308, 0.5, [], {}, null, true, '', ' ',
  { toString: { a: 1 } }, { toString: null, valueOf: null }, { valueOf: 1 }, ['5']];

function knownBadPayloads(valid: Record<string, unknown>): Payload[] {
  const out: Payload[] = [];
  for (const key of Object.keys(valid)) for (const v of KNOWN_BAD_VALUES) out.push(json('known-bad-value', { ...valid, [key]: v }));
  out.push(json('known-bad-value', { ...valid, ['k\u0000']: 1 }));
  return out;
}

function deepNesting(depth: number, shape: 'array' | 'object'): string {
  return shape === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

/** JSON text with keys that a careless merge turns into prototype pollution (JSON.parse keeps them as own keys). */
function withPollutionKeys(valid: Record<string, unknown>, where: 'top' | 'nested' | 'only'): string {
  const poison = '"__proto__":{"polluted":"yes","isAdmin":true},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"polluted":"yes"}';
  if (where === 'only') return `{${poison}}`;
  const text = JSON.stringify(valid);
  if (where === 'top') return text.length > 2 ? `{${poison},${text.slice(1)}` : `{${poison}}`;
  // Inside every nested object of the valid body.
  return text.replace(/\{(?=")/g, `{${poison},`);
}

function payloads(valid: Record<string, unknown>): fc.Arbitrary<Payload> {
  const keys = Object.keys(valid);
  const field = keys.length ? fc.constantFrom(...keys) : fc.constant('name');
  return fc.oneof(
    fc.jsonValue({ maxDepth: 4 }).map((v) => json('random-json', v)),
    fc.tuple(field, anyValue).map(([k, v]) => json('wrong-type', { ...valid, [k]: v })),
    fc.tuple(field, fc.constantFrom(undefined)).map(([k]) => json('missing-field', { ...valid, [k]: undefined })),
    fc.tuple(fc.string({ maxLength: 12 }), anyValue).map(([k, v]) => json('unknown-field', { ...valid, [k || 'extra']: v })),
    fc.tuple(field, fc.integer({ min: 10_000, max: 200_000 })).map(([k, n]) => json('huge-string', { ...valid, [k]: 'z'.repeat(n) })),
    fc.tuple(fc.integer({ min: 8, max: 20_000 }), fc.constantFrom<'array' | 'object'>('array', 'object'), field).map(([d, shape, k]) => ({
      kind: 'deep-nesting',
      body: `{"${k}":${deepNesting(d, shape)}}`,
      contentType: 'application/json',
    })),
    fc.tuple(fc.integer({ min: 8, max: 20_000 }), fc.constantFrom<'array' | 'object'>('array', 'object')).map(([d, shape]) => ({
      kind: 'deep-nesting',
      body: `${JSON.stringify(valid).slice(0, -1)}${keys.length ? ',' : ''}"details":${deepNesting(d, shape)}}`,
      contentType: 'application/json',
    })),
    fc.tuple(fc.integer({ min: 8, max: 20_000 }), fc.constantFrom<'array' | 'object'>('array', 'object')).map(([d, shape]) => ({
      kind: 'deep-nesting',
      body: deepNesting(d, shape),
      contentType: 'application/json',
    })),
    fc.constantFrom<'top' | 'nested' | 'only'>('top', 'nested', 'only').map((where) => ({
      kind: 'prototype-pollution',
      body: withPollutionKeys(valid, where),
      contentType: 'application/json',
      query: '__proto__[polluted]=yes&constructor[prototype][polluted]=yes',
    })),
    fc.uint8Array({ minLength: 1, maxLength: 200 }).map((bytes) => ({ kind: 'invalid-utf8', body: Buffer.from(bytes), contentType: 'application/json' })),
    fc.tuple(field, fc.uint8Array({ minLength: 1, maxLength: 8 })).map(([k, bytes]) => ({
      kind: 'invalid-utf8',
      body: Buffer.concat([Buffer.from(`{"${k}":"`), Buffer.from([0xff, 0xfe, 0xc3, ...bytes]), Buffer.from('"}')]),
      contentType: 'application/json',
    })),
    fc.constantFrom('application/json; charset=utf-16', 'application/json; charset=latin1', 'text/plain', 'application/x-www-form-urlencoded', 'application/xml').map((contentType) => ({
      kind: 'content-type',
      body: contentType.includes('urlencoded') ? 'a=1&__proto__[polluted]=yes' : JSON.stringify(valid),
      contentType,
    })),
    fc.constantFrom('', '{', '{"a":}', 'null', '[]', '"string"', '1e999999', '{"a":1,"a":2}', '\u0000').map((body) => ({ kind: 'malformed', body, contentType: 'application/json' })),
  );
}

/** fc.assert with a short report: a counterexample can be half a megabyte of brackets. */
async function checkProperty(name: string, arb: fc.Arbitrary<Payload>, numRuns: number, run: (p: Payload) => Promise<unknown>): Promise<void> {
  const result = await fc.check(
    fc.asyncProperty(arb, async (p) => {
      await run(p);
    }),
    { numRuns, endOnFailure: true },
  );
  if (result.failed) {
    const [p] = result.counterexample ?? [];
    const body = p ? String(p.body) : '';
    throw new Error(
      `${name}: failed after ${result.numRuns} inputs (seed ${result.seed}, path ${result.counterexamplePath}) on ${p?.kind} input ` +
        `of ${body.length} chars: ${body.length > 300 ? `${body.slice(0, 150)}…${body.slice(-50)}` : body}\n` +
        `${result.errorInstance instanceof Error ? result.errorInstance.message.slice(0, 1500) : String(result.errorInstance)}`,
    );
  }
}

describe('bad input: property-based fuzzing of every webhook and /api/v1 body (real PostgreSQL)', () => {
  let t: TestApp;
  let world: World;
  const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();
  const tally = { inputs: 0, fiveXx: 0, byKind: new Map<string, number>() };

  beforeAll(async () => {
    t = await createTestApp({ env: { LOG_LEVEL: process.env.KLAXON_FUZZ_LOG_LEVEL ?? 'silent' } });
    world = await buildWorld(t);
  });
  afterAll(async () => {
    console.log(
      `fuzz: ${tally.inputs} inputs, ${tally.fiveXx} 5xx (${[...tally.byKind].map(([k, n]) => `${k} ${n}`).join(', ')})`,
    );
    await t.close();
  });

  /** Sends one payload; asserts no 5xx, and that a rejection wrote nothing. Returns the status. */
  async function attempt(
    method: string,
    url: string,
    p: Payload,
    auth: boolean,
    before: { counts: Record<string, number> },
    headers: Record<string, string> = {},
  ): Promise<number> {
    tally.inputs++;
    tally.byKind.set(p.kind, (tally.byKind.get(p.kind) ?? 0) + 1);
    const target = p.query ? `${url}${url.includes('?') ? '&' : '?'}${p.query}` : url;
    let req = t.http()[method.toLowerCase() as 'post' | 'put' | 'patch'](target).set('Content-Type', p.contentType);
    if (auth) req = req.set('Authorization', `Bearer ${t.keys.admin}`);
    for (const [name, value] of Object.entries(headers)) req = req.set(name, value);
    const res = await req.send(p.body);
    if (res.status >= 500) {
      tally.fiveXx++;
      const text = String(p.body);
      throw new Error(`${method} ${url.replace(/[a-z0-9]{20,}/gi, '{key}')} answered ${res.status} to ${p.kind} input (${text.length} chars) ${text.slice(0, 200)}: ${JSON.stringify(res.body).slice(0, 300)}`);
    }
    const after = await rowCounts(t);
    if (res.status >= 400) expect({ url, kind: p.kind, counts: after }).toEqual({ url, kind: p.kind, counts: before.counts });
    before.counts = after;
    return res.status;
  }

  async function stillHealthy(): Promise<void> {
    await t.http().get('/healthz').expect(200, { status: 'ok' });
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  }

  it('every /api/v1 write route answers hostile bodies with a 4xx (or a 2xx), never a 5xx, and writes nothing when it refuses', async () => {
    const bodies = validBodies(world);
    const routes = (await openApiRoutes(t)).filter((r) => WRITE_METHODS.has(r.method) && r.template.startsWith('/api/v1/'));
    // Every write route has a valid body to mutate: a new route without one fails here, not silently.
    expect(routes.map((r) => `${r.method} ${r.template}`).sort()).toEqual(Object.keys(bodies).sort());
    for (const route of routes) {
      const url = concretePath(world, route.template);
      const valid = bodies[`${route.method} ${route.template}`];
      const before = { counts: await rowCounts(t) };
      for (const p of knownBadPayloads(valid)) await attempt(route.method, url, p, true, before);
      await checkProperty(`${route.method} ${route.template}`, payloads(valid), RUNS_PER_ROUTE, (p) => attempt(route.method, url, p, true, before));
      await stillHealthy();
    }
    // Every change that succeeded was audited: no audit write failed on a strange body.
    expect((await t.get(MetricsService).auditWriteFailures.get()).values[0]?.value ?? 0).toBe(0);
    console.log(`fuzz: ${routes.length} /api/v1 write routes`);
    // Each write route adds its runs: on a busy host the whole walk takes longer than jest's default minute.
  }, 180_000);

  it('every webhook answers hostile bodies with a 4xx (or a 202), never a 5xx, and writes nothing when it refuses', async () => {
    const hooks = webhooks(world);
    for (const hook of hooks) {
      const before = { counts: await rowCounts(t) };
      for (const p of knownBadPayloads(hook.valid)) await attempt('POST', hook.url, p, false, before, hook.headers);
      await checkProperty(hook.url.replace(/[a-z0-9]{20,}/gi, '{key}'), payloads(hook.valid), RUNS_PER_ROUTE * 2, (p) =>
        attempt('POST', hook.url, p, false, before, hook.headers),
      );
      await stillHealthy();
    }
    console.log(`fuzz: ${hooks.length} webhooks`);
  });
});
