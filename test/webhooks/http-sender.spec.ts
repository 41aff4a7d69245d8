import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { postJson, SendError } from '../../src/common/outbound-http/http-sender';

/** The sender alone against real sockets: what chat destinations and webhooks share (docs/webhooks.md). */
describe('postJson', () => {
  let server: http.Server;
  let base: string;
  let handler: (req: http.IncomingMessage, res: http.ServerResponse) => void;

  beforeAll(async () => {
    server = http.createServer((req, res) => handler(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('posts JSON and keeps the status, headers and the first 1 KB of the answer', async () => {
    let got = '';
    handler = (req, res) => {
      req.on('data', (c: Buffer) => (got += c.toString()));
      req.on('end', () => res.writeHead(201, { 'X-Seen': req.headers['content-type'] ?? '' }).end('x'.repeat(5000)));
    };
    const res = await postJson(`${base}/in`, { a: 1 }, { timeoutMs: 5000, allowPrivate: true, headers: { 'User-Agent': 'Klaxon/test' } });
    expect(got).toBe('{"a":1}');
    expect(res.status).toBe(201);
    expect(res.headers['x-seen']).toBe('application/json');
    expect(res.bodyPrefix).toHaveLength(1024);
    expect(res.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('gives up after the timeout when the receiver does not answer', async () => {
    handler = () => undefined;
    const err = await postJson(`${base}/slow`, {}, { timeoutMs: 200, allowPrivate: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SendError);
    expect((err as SendError).kind).toBe('timeout');
  });

  it('returns a redirect as it is, without following it', async () => {
    let followed = false;
    handler = (req, res) => {
      if (req.url === '/elsewhere') followed = true;
      res.writeHead(307, { Location: `${base}/elsewhere` }).end();
    };
    expect((await postJson(`${base}/moved`, {}, { timeoutMs: 2000, allowPrivate: true })).status).toBe(307);
    expect(followed).toBe(false);
  });

  it('refuses private addresses before connecting unless allowed, and connects to the address it checked', async () => {
    let hits = 0;
    handler = (_req, res) => {
      hits++;
      res.end();
    };
    const refused = await postJson(`${base}/x`, {}, { timeoutMs: 2000, allowPrivate: false }).catch((e: unknown) => e);
    expect((refused as SendError).kind).toBe('refused');
    const port = new URL(base).port;
    const asked: string[] = [];
    const resolve = async (name: string) => {
      asked.push(name);
      return [{ address: asked.length === 1 ? '127.0.0.1' : '203.0.113.9', family: 4 }];
    };
    const ok = await postJson(`http://receiver.test:${port}/x`, {}, { timeoutMs: 2000, allowPrivate: true, resolve });
    expect(ok.status).toBe(200);
    expect(asked).toEqual(['receiver.test']);
    const viaName = await postJson(`http://receiver.test:${port}/x`, {}, { timeoutMs: 2000, allowPrivate: false, resolve: async () => [{ address: '10.1.1.1', family: 4 }] }).catch((e: unknown) => e);
    expect((viaName as SendError).message).toContain('private address (10.1.1.1)');
    expect(hits).toBe(1);
  });
});
