import { gzipSync } from 'node:zlib';
import { eventsV2RequestSchema, openApiSchemaOf } from '../../src/ingest/sources/events-v2.schema';
import { createIntegration, createService, IntegrationFixture, ServiceFixture } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';
import { counts } from './ingest-helpers';

/**
 * POST /v2/enqueue is an ordinary route. These are the requests the hand-written
 * fast path and the Express route used to be compared on (events-v2 parity
 * tests), now with the answers both gave written out: every status and body,
 * whichever JSON media type the request declares, and what was stored.
 */
describe('Events v2: the route answers every kind of request as before (real PostgreSQL)', () => {
  let t: TestApp;
  let service: ServiceFixture;
  let v2: IntegrationFixture;
  beforeAll(async () => {
    t = await createTestApp();
    service = await createService(t);
    v2 = await createIntegration(t, service.id, 'events-v2');
  });
  afterAll(async () => {
    await t.close();
  });

  const JSON_TYPES = ['application/json', 'application/vnd.klaxon-test+json'] as const;
  // Bytes as given: the client would serialise a Buffer sent as JSON.
  const post = (contentType: string, body: string | Buffer) =>
    t.http().post('/v2/enqueue').set('Content-Type', contentType).serialize((b: unknown) => b as string).send(body);

  const trigger = (dedupKey: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ routing_key: v2.key, event_action: 'trigger', dedup_key: dedupKey, payload: { summary: 'CPU hot', source: 'web-1', severity: 'warning' }, ...extra });

  const invalid = (errors: string[]) => ({ status: 'invalid event', message: 'Event object is invalid', errors });
  const accepted = (dedupKey: string) => ({ status: 'success', message: 'Event processed', dedup_key: dedupKey });
  const malformed = invalid(['body: malformed JSON']);

  const cases: [string, (tag: string) => string, number, (tag: string) => object][] = [
    ['a trigger', (tag) => trigger(`ok-${tag}`), 202, (tag) => accepted(`ok-${tag}`)],
    ['a trigger after a UTF-8 BOM and whitespace', (tag) => `\ufeff \n${trigger(`bom-${tag}`)}`, 202, (tag) => accepted(`bom-${tag}`)],
    ['a lone surrogate in the summary', (tag) => trigger(`sur-${tag}`, { payload: { summary: 'bad \ud800 text', source: 'x', severity: 'info' } }), 202, (tag) => accepted(`sur-${tag}`)],
    ['malformed JSON', () => '{"routing_key": ', 400, () => malformed],
    ['a JSON string, not an object', () => '"trigger"', 400, () => malformed],
    ['a JSON number', () => '42', 400, () => malformed],
    ['nesting 100 levels deep', () => `{"routing_key":"${'x'.repeat(32)}","a":${'['.repeat(100)}${']'.repeat(100)}}`, 400, () => invalid(['body: nested deeper than 64 levels'])],
    ['an unknown routing key', () => JSON.stringify({ routing_key: 'z'.repeat(32), event_action: 'trigger', payload: { summary: 's', source: 's', severity: 'info' } }), 404, () => ({ status: 'not found', message: 'Unknown routing_key', errors: ['Unknown routing_key'] })],
    ['a malformed routing key and no payload', () => JSON.stringify({ routing_key: 'short', event_action: 'trigger' }), 400, () => invalid(["Length of 'routing_key' is incorrect (should be 32 characters)", "'payload' is missing or blank"])],
    ['a missing event_action', () => JSON.stringify({ routing_key: v2.key, payload: { summary: 's', source: 's', severity: 'info' } }), 400, () => invalid(["'event_action' is missing or blank"])],
  ];

  it.each(cases)('%s', async (_name, body, status, answer) => {
    for (const [i, type] of JSON_TYPES.entries()) {
      const tag = ['plain', 'suffix'][i];
      const res = await post(type, body(tag));
      expect({ type, status: res.status, body: res.body }).toEqual({ type, status, body: answer(tag) });
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    }
  });

  it('stored the triggers of both media types, with the surrogate replaced', async () => {
    const rows: { dedup_key: string; title: string }[] = await t.dataSource.query(
      `SELECT i.dedup_key, a.title FROM alerts a JOIN incidents i ON i.id = a.incident_id WHERE i.service_id = $1 ORDER BY 1`,
      [service.id],
    );
    expect(rows).toEqual([
      { dedup_key: 'bom-plain', title: 'CPU hot' },
      { dedup_key: 'bom-suffix', title: 'CPU hot' },
      { dedup_key: 'ok-plain', title: 'CPU hot' },
      { dedup_key: 'ok-suffix', title: 'CPU hot' },
      { dedup_key: 'sur-plain', title: 'bad \ufffd text' },
      { dedup_key: 'sur-suffix', title: 'bad \ufffd text' },
    ]);
    expect(await counts(t, service.id)).toMatchObject({ incidents: 6, alerts: 6 });
  });

  it('takes a query string, a gzip body, any utf-* charset; refuses other charsets, a broken gzip body, a body over 512 KB', async () => {
    await post('application/json', trigger('query')).query({ x: '1' }).expect(202, accepted('query'));
    await post('application/json; charset=UTF-8', trigger('upper')).expect(202, accepted('upper'));
    await post('application/json', gzipSync(trigger('gzip'))).set('Content-Encoding', 'gzip').expect(202, accepted('gzip'));
    const latin1 = await post('application/json; charset=latin1', trigger('latin1')).expect(415);
    expect(latin1.body).toEqual({ status: 'unsupported media type', message: 'body: unsupported encoding', errors: ['body: unsupported encoding'] });
    const gz = await post('application/json', Buffer.from('not gzip')).set('Content-Encoding', 'gzip').expect(400);
    expect(gz.body).toMatchObject({ status: 'invalid event', message: 'Event object is invalid' });
    const big = await post('application/json', trigger('big', { pad: 'z'.repeat(512 * 1024) })).expect(413);
    expect(big.body).toEqual({
      status: 'payload too large',
      message: `body: larger than the limit of ${512 * 1024} bytes`,
      errors: [`body: larger than the limit of ${512 * 1024} bytes`],
    });
  });

  it('answers other media types 415 and an empty body 400, in the same shape', async () => {
    await post('text/plain', trigger('text')).expect(415, {
      status: 'unsupported media type',
      message: 'Content-Type must be application/json, not text/plain',
      errors: ['Content-Type must be application/json'],
    });
    const none = ['Body must be a JSON object sent with Content-Type: application/json'];
    await t.http().post('/v2/enqueue').expect(400, invalid(none));
    await post('application/json', '').expect(400, invalid(none));
  });

  it('is described in the OpenAPI document by the schema, and /docs serves it', async () => {
    const doc = (await t.http().get('/docs/openapi.json').expect(200)).body;
    const entry = doc.paths['/v2/enqueue'].post;
    expect(entry.requestBody.content['application/json'].schema).toEqual(openApiSchemaOf(eventsV2RequestSchema));
    expect(Object.keys(entry.responses).sort()).toEqual(['202', '400', '404', '413', '415', '429']);
    expect(entry.security ?? []).toEqual([]);
    const ui = await t.http().get('/docs').redirects(1).expect(200);
    expect(ui.text).toContain('swagger');
  });
});
