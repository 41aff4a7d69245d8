import { trigger } from '../support/factories';
import { pagedService, PRIVATE_URLS, webhookWorld, WebhookWorld } from './webhook-world';


/**
 * The address policy with its default (KLAXON_WEBHOOK_ALLOW_PRIVATE unset):
 * refused at save and, after DNS resolution, at each send. The resolver is
 * the test's, so a public-looking name can point wherever the test wants.
 */
describe('outgoing webhooks: private addresses refused by default', () => {
  let w: WebhookWorld;

  beforeAll(async () => {
    w = await webhookWorld({});
  });
  afterAll(async () => {
    await w.close();
  });

  it.each(PRIVATE_URLS)('refuses %s at save with a 400 naming url', async (url) => {
    const res = await w.t.api().post('/api/v1/webhooks', { url, events: ['incident.triggered'] }).expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'url' })]);
  });

  it('refuses a public-looking name that resolves to a loopback address, at save and on PATCH', async () => {
    w.resolver.names.set('hooks.example.com', '127.0.0.1');
    const res = await w.t.api().post('/api/v1/webhooks', { url: 'https://hooks.example.com/x', events: ['incident.triggered'] }).expect(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'url' });
    expect(res.body.errors[0].message).toContain('loopback');
    w.resolver.names.set('fine.example.com', '93.184.216.34');
    const ok = await w.t.api().post('/api/v1/webhooks', { url: 'https://fine.example.com/x', events: ['oncall.handoff'] }).expect(201);
    await w.t.api().patch(`/api/v1/webhooks/${ok.body.id}`, { url: 'http://[::ffff:7f00:1]/' }).expect(400);
    await w.t.api().delete(`/api/v1/webhooks/${ok.body.id}`).expect(204);
  });

  it('checks again at each send, after resolution: a name that now resolves to the receiver on 127.0.0.1 is refused and nothing is sent', async () => {
    w.resolver.names.set('rebind.example.com', '93.184.216.34');
    const port = w.receiver.port;
    const hook = await w.t.api().post('/api/v1/webhooks', { url: `http://rebind.example.com:${port}/rebind`, events: ['incident.triggered'] }).expect(201);
    w.resolver.names.set('rebind.example.com', '127.0.0.1');
    const { routingKey } = await pagedService(w.t);
    await trigger(w.t, routingKey, 'rebind-1');
    await w.worker.drain();
    expect(w.receiver.at('/rebind')).toHaveLength(0);
    const [delivery] = (await w.t.api().get(`/api/v1/webhooks/${hook.body.id}/deliveries`).expect(200)).body.items;
    expect(delivery).toMatchObject({ state: 'failed', attempts: 1, lastStatusCode: null });
    expect(delivery.lastError).toContain('resolves to a loopback address (127.0.0.1)');
  });
});
