import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestApp, TestApp } from '../support/test-app';

const INDEX = '<!doctype html><title>Klaxon console</title><div id="root"></div>';
const HTML = 'text/html,application/xhtml+xml,*/*;q=0.8';

/** The built console at `/`: files, long cache for hashed assets, the single-page fallback and what it never answers. */
describe('console files', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'klaxon-console-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), INDEX);
    writeFileSync(path.join(dir, 'assets', 'index-3f2a1b0c.js'), 'console.log("hi")');
    writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    t = await createTestApp({ env: { KLAXON_CONSOLE_DIR: dir } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a browser navigating to a console page gets index.html, not cached', async () => {
    for (const url of ['/', '/schedules', '/incidents/42', '/sign-in/email?token=abc']) {
      const res = await t.http().get(url).set('Accept', HTML).expect(200);
      expect(res.text).toBe(INDEX);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-type']).toMatch(/^text\/html/);
    }
  });

  it('hashed assets are kept a year; other files are revalidated', async () => {
    const js = await t.http().get('/assets/index-3f2a1b0c.js').expect(200);
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.headers['content-type']).toMatch(/javascript/);
    const icon = await t.http().get('/favicon.svg').expect(200);
    expect(icon.headers['cache-control']).toBe('no-cache');
    await t.http().get('/assets/missing.js').expect(404);
    await t.http().get('/assets/../../etc/passwd').set('Accept', HTML).expect((r) => expect(r.text).not.toMatch(/root:/));
  });

  it('the fallback never answers an API spelling, a probe or a webhook path with 200', async () => {
    const urls = ['/API/v1/users', '/Api/V1/x', '/api/v1/nothing', '/v2/enqueue', '/V2/enqueue', '/HEALTHZ', '/Readyz', '/METRICS', '/Docs/x',
      '/integrations/abc/generic/x', '/Heartbeats/k', '/SLACK/events', '/twilio/SMS', '/Actions', '/%61pi/v1/users', '//api/v1/users', '/x/../API/v1/users', '/api/v1/users/'];
    for (const url of urls) {
      const res = await t.http().get(url).set('Accept', HTML);
      // 404, or 401 where Fastify's own decoding routes the spelling to the API handler itself (%61pi).
      expect({ url, status: [401, 404].includes(res.status) ? 'refused' : res.status }).toEqual({ url, status: 'refused' });
      expect(res.text).not.toContain('Klaxon console');
    }
  });

  it('only a GET that accepts text/html gets the fallback', async () => {
    await t.http().get('/schedules').set('Accept', 'application/json').expect(404);
    await t.http().get('/schedules').set('Accept', '*/*').expect(404);
    await t.http().post('/schedules').set('Accept', HTML).send({}).expect(404);
  });

  it('the API, the probes and the short SMS links still answer as before', async () => {
    await t.http().get('/healthz').set('Accept', HTML).expect(200);
    await t.api().get('/api/v1/users').set('Accept', HTML).expect(200);
    await t.http().get('/api/v1/users').set('Accept', HTML).expect(401);
    const link = await t.http().get('/i/not-a-valid-token').set('Accept', HTML);
    expect(link.text).not.toBe(INDEX);
  });
});

describe('console not built', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { KLAXON_CONSOLE_DIR: path.join(tmpdir(), 'klaxon-no-console-here') } });
  });
  afterAll(() => t.close());

  it('`/` says the console is not built and how to build it', async () => {
    const res = await t.http().get('/').set('Accept', HTML).expect(200);
    expect(res.text).toContain('The web console is not built');
    expect(res.text).toContain('npm install');
    await t.http().get('/API/v1/users').set('Accept', HTML).expect(404);
  });
});
