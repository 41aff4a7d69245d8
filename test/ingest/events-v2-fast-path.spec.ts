import { EventsV2Handler } from '../../src/ingest/events-v2.handler';
import { createIntegration, createService, IntegrationFixture, ServiceFixture } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';
import { counts } from './ingest-helpers';

/**
 * POST /v2/enqueue has two doors (events-v2.handler.ts): the fast path ahead
 * of Express for the ordinary request (application/json with a
 * Content-Length), and the Express route for everything else. Both must give
 * the same answer to the same bytes, and store the same thing.
 */
describe('Events v2: the fast path and the Express route answer alike (real PostgreSQL)', () => {
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

  // application/*+json is JSON to the Express parser but not taken by the fast path.
  const FAST = 'application/json';
  const EXPRESS = 'application/vnd.klaxon-test+json';
  const post = (contentType: string, text: string) =>
    t.http().post('/v2/enqueue').set('Content-Type', contentType).send(text);

  const trigger = (dedupKey: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ routing_key: v2.key, event_action: 'trigger', dedup_key: dedupKey, payload: { summary: 'CPU hot', source: 'web-1', severity: 'warning' }, ...extra });

  const cases: [string, (door: string) => string][] = [
    ['a trigger', (door) => trigger(`ok-${door}`)],
    ['a trigger after a UTF-8 BOM and whitespace', (door) => `\ufeff \n${trigger(`bom-${door}`)}`],
    ['a lone surrogate in the summary', (door) => trigger(`sur-${door}`, { payload: { summary: 'bad \ud800 text', source: 'x', severity: 'info' } })],
    ['malformed JSON', () => '{"routing_key": '],
    ['a JSON string, not an object', () => '"trigger"'],
    ['a JSON number', () => '42'],
    ['nesting 100 levels deep', () => `{"routing_key":"${'x'.repeat(32)}","a":${'['.repeat(100)}${']'.repeat(100)}}`],
    ['an unknown routing key', () => JSON.stringify({ routing_key: 'z'.repeat(32), event_action: 'trigger', payload: { summary: 's', source: 's', severity: 'info' } })],
    ['a malformed routing key and no payload', () => JSON.stringify({ routing_key: 'short', event_action: 'trigger' })],
    ['a missing event_action', () => JSON.stringify({ routing_key: v2.key, payload: { summary: 's', source: 's', severity: 'info' } })],
  ];

  it.each(cases)('%s', async (_name, body) => {
    const fast = await post(FAST, body('fast'));
    const express = await post(EXPRESS, body('express'));
    expect(fast.status).toBe(express.status);
    expect(fast.headers['content-type']).toBe('application/json; charset=utf-8');
    const normalise = (b: { dedup_key?: string }) => ({ ...b, ...(b.dedup_key ? { dedup_key: b.dedup_key.replace(/fast|express/, '*') } : {}) });
    expect(normalise(fast.body)).toEqual(normalise(express.body));
  });

  it('stored the same alerts through both doors, with the surrogate replaced', async () => {
    const rows: { dedup_key: string; title: string }[] = await t.dataSource.query(
      `SELECT i.dedup_key, a.title FROM alerts a JOIN incidents i ON i.id = a.incident_id WHERE i.service_id = $1 ORDER BY 1`,
      [service.id],
    );
    expect(rows).toEqual([
      { dedup_key: 'bom-express', title: 'CPU hot' },
      { dedup_key: 'bom-fast', title: 'CPU hot' },
      { dedup_key: 'ok-express', title: 'CPU hot' },
      { dedup_key: 'ok-fast', title: 'CPU hot' },
      { dedup_key: 'sur-express', title: 'bad \ufffd text' },
      { dedup_key: 'sur-fast', title: 'bad \ufffd text' },
    ]);
    expect(await counts(t, service.id)).toMatchObject({ incidents: 6, alerts: 6 });
  });

  it('takes exactly the ordinary request', () => {
    const fastPath = t.get(EventsV2Handler).fastPath;
    const takes = (over: { method?: string; url?: string; headers?: Record<string, string> }) =>
      fastPath(
        { method: 'POST', url: '/v2/enqueue', on: () => undefined, ...over, headers: { 'content-type': FAST, 'content-length': '120', ...over.headers } } as never,
        {} as never,
      );
    expect(takes({})).toBe(true);
    expect(takes({ headers: { 'content-type': 'application/json; charset=UTF-8' } })).toBe(true);
    expect(takes({ method: 'GET' })).toBe(false);
    expect(takes({ url: '/v2/enqueue?x=1' })).toBe(false);
    expect(takes({ headers: { 'content-type': EXPRESS } })).toBe(false);
    expect(takes({ headers: { 'content-type': 'application/json; charset=latin1' } })).toBe(false);
    expect(takes({ headers: { 'content-encoding': 'gzip' } })).toBe(false);
    expect(takes({ headers: { 'content-length': String(512 * 1024 + 1) } })).toBe(false);
    expect(takes({ headers: { 'content-length': '0' } })).toBe(false);
    expect(takes({ headers: { 'transfer-encoding': 'chunked' } })).toBe(false);
  });

  it('leaves requests it does not take to Express: a query string, a charset other than UTF-8, a gzip body', async () => {
    await t.http().post('/v2/enqueue?x=1').set('Content-Type', FAST).send(trigger('query')).expect(202);
    const latin1 = await t.http().post('/v2/enqueue').set('Content-Type', 'application/json; charset=latin1').send(trigger('latin1'));
    expect(latin1.status).toBe(415);
    const gz = await t.http().post('/v2/enqueue').set('Content-Type', FAST).set('Content-Encoding', 'gzip').send(Buffer.from('not gzip'));
    expect(gz.status).toBe(400);
  });
});
