import { systemResolver } from '../../src/common/outbound-http/http-sender';
import { OutboundSender } from '../../src/common/outbound-http/outbound-sender';
import { parseEnv } from '../../src/config/app-config';
import { ChatWebhookRefused, chatWebhookPoster } from '../../src/notifications/channels/chat-webhook/chat-webhook-poster';
import { LoopbackHttpServer, readBody } from '../fakes/http-fake';

/** The poster on a sender with the system's DNS and KLAXON_WEBHOOK_ALLOW_PRIVATE as given. */
const posterAllowingPrivate = (allow: boolean) =>
  chatWebhookPoster(new OutboundSender({ ...parseEnv({ KLAXON_WEBHOOK_ALLOW_PRIVATE: String(allow) }), databaseUrl: '' }, systemResolver));
/** The receivers here are on 127.0.0.1: private addresses allowed, as KLAXON_WEBHOOK_ALLOW_PRIVATE=true does. */
const post = posterAllowingPrivate(true);

/** The chat webhook poster against a real local server: what it sends, and that it follows no redirect. */
describe('chatWebhookPoster', () => {
  const seen: { path: string; headers: Record<string, unknown>; body: string }[] = [];
  const server = new LoopbackHttpServer(async (req, res) => {
    seen.push({ path: req.url ?? '', headers: req.headers, body: await readBody(req) });
    if (req.url === '/redirect') {
      res.writeHead(307, { Location: '/elsewhere' });
      return void res.end();
    }
    const text = req.url === '/big' ? 'x'.repeat(5000) : 'ok';
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end(text);
  });
  let base = '';

  beforeAll(async () => {
    base = await server.start();
  });
  afterAll(() => server.stop());
  beforeEach(() => {
    seen.length = 0;
  });

  it('posts JSON and returns the status and the answer', async () => {
    await expect(post(`${base}/hooks/abc`, { text: 'hi' })).resolves.toEqual({ status: 200, body: 'ok' });
    expect(seen).toEqual([{ path: '/hooks/abc', headers: expect.objectContaining({ 'content-type': 'application/json', 'user-agent': 'Klaxon' }), body: '{"text":"hi"}' }]);
  });

  it('answers a redirect with its status rather than following it', async () => {
    await expect(post(`${base}/redirect`, {})).resolves.toMatchObject({ status: 307 });
    expect(seen.map((s) => s.path)).toEqual(['/redirect']);
  });

  it('keeps only the first 1 KB of the answer', async () => {
    expect((await post(`${base}/big`, {})).body).toHaveLength(1024);
  });

  it('throws when nothing answers', async () => {
    const closed = new LoopbackHttpServer(async () => undefined);
    const url = await closed.start();
    await closed.stop();
    await expect(post(`${url}/hooks/x`, {})).rejects.toThrow();
  });

  it('refuses a private address unless allowed, before sending anything', async () => {
    for (const url of [`${base}/hooks/abc`, 'http://0x7f000001/hooks/abc', 'http://[::1]/x', 'http://169.254.169.254/latest']) {
      await expect(posterAllowingPrivate(false)(url, {})).rejects.toBeInstanceOf(ChatWebhookRefused);
    }
    expect(seen).toEqual([]);
  });
});
