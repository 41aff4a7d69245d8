import { WebhookEvents } from '../../src/webhooks/webhook-events';
import { createUser, phoneNumber, trigger } from '../support/factories';
import { documentedVerifier, PRIVATE_URLS, pagedService, runFor, webhookWorld, WebhookWorld } from './webhook-world';

const ALL_INCIDENT_EVENTS = ['incident.triggered', 'incident.acknowledged', 'incident.resolved', 'incident.escalated', 'incident.note_added'];

/**
 * Outgoing webhooks end to end (docs/webhooks.md): the real API, incident
 * write path, engine and webhook worker on PostgreSQL, a real HTTP receiver,
 * and a fake clock that drives every retry. Private addresses are allowed
 * here (the receiver is on 127.0.0.1); ssrf.spec.ts runs without.
 */
describe('outgoing webhooks', () => {
  let w: WebhookWorld;
  const T = () => w.t;

  beforeAll(async () => {
    w = await webhookWorld({ KLAXON_WEBHOOK_ALLOW_PRIVATE: 'true' });
  });
  afterAll(async () => {
    await w.close();
  });
  afterEach(async () => {
    const list = await T().api().get('/api/v1/webhooks?limit=500').expect(200);
    for (const h of list.body.items) await T().api().delete(`/api/v1/webhooks/${h.id}`);
    w.receiver.clear();
    w.receiver.respond = () => ({ status: 200, body: 'ok' });
  });

  async function createWebhook(pathName: string, events: string[], extra: Record<string, unknown> = {}) {
    const res = await T().api().post('/api/v1/webhooks', { url: `${w.receiver.url}${pathName}`, events, ...extra }).expect(201);
    return res.body as { id: string; secret: string; url: string };
  }

  async function deliveries(webhookId: string) {
    return (await T().api().get(`/api/v1/webhooks/${webhookId}/deliveries?limit=500`).expect(200)).body.items as any[];
  }

  it('a receiver that fails for 10 minutes then recovers gets every event once per delivery, in sequence per incident, signed as documented', async () => {
    const hook = await createWebhook('/recovering', ALL_INCIDENT_EVENTS);
    const failUntil = new Date(T().clock.now().getTime() + 10 * 60_000);
    w.receiver.respond = ({ at }) => (at < failUntil ? { status: 500, body: 'down' } : { status: 200, body: 'thanks' });
    const { routingKey } = await pagedService(T());

    const a = await trigger(T(), routingKey, 'recover-a');
    await w.worker.drain();
    await T().api().post(`/api/v1/incidents/${a.id}/acknowledge`, { note: 'looking' }).expect(200);
    await T().api().post(`/api/v1/incidents/${a.id}/notes`, { text: 'rolled back' }).expect(201);
    await T().api().post(`/api/v1/incidents/${a.id}/resolve`, {}).expect(200);
    const b = await trigger(T(), routingKey, 'recover-b');
    await w.worker.drain();
    expect(w.receiver.received.length).toBeGreaterThan(0);
    expect(w.receiver.received.every((r) => r.status === 500)).toBe(true);

    await runFor(w, 45 * 60_000, 30_000);

    const list = await deliveries(hook.id);
    expect(list).toHaveLength(5);
    expect(list.every((d) => d.state === 'delivered')).toBe(true);
    // Every delivery was answered 200 exactly once, after the recovery.
    const ok = w.receiver.received.filter((r) => r.status === 200);
    const perDelivery = new Map<string, number>();
    for (const r of ok) perDelivery.set(String(r.headers['klaxon-delivery-id']), (perDelivery.get(String(r.headers['klaxon-delivery-id'])) ?? 0) + 1);
    expect([...perDelivery.keys()].sort()).toEqual(list.map((d) => d.id).sort());
    expect([...perDelivery.values()].every((n) => n === 1)).toBe(true);
    expect(ok.every((r) => r.receivedAt >= failUntil)).toBe(true);

    // In sequence per incident, whatever order they arrived in.
    const ofA = ok.filter((r) => r.body.data.incident.id === a.id).sort((x, y) => x.body.sequence! - y.body.sequence!);
    expect(ofA.map((r) => [r.body.sequence, r.body.type])).toEqual([
      [1, 'incident.triggered'],
      [2, 'incident.acknowledged'],
      [3, 'incident.note_added'],
      [4, 'incident.resolved'],
    ]);
    expect(ok.filter((r) => r.body.data.incident.id === b.id).map((r) => [r.body.sequence, r.body.type])).toEqual([[1, 'incident.triggered']]);
    const ack = ofA[1].body;
    expect(ack.data.actor).toMatchObject({ type: 'api-key', name: 'test admin' });
    expect(ack.data.note).toBe('looking');
    expect(ofA[2].body.data.note).toBe('rolled back');
    expect(ack.data.incident).toMatchObject({
      id: a.id,
      number: a.number,
      status: 'acknowledged',
      severity: 'critical',
      url: `https://klaxon.example.org/api/v1/incidents/${a.id}`,
    });
    expect(Object.keys(ack.data.incident).sort()).toEqual(
      ['id', 'number', 'title', 'status', 'severity', 'service', 'createdAt', 'acknowledgedAt', 'acknowledgedBy', 'resolvedAt', 'resolvedBy', 'url'].sort(),
    );

    // Headers, and the signature checked by the snippet of docs/webhooks.md as it is written there.
    const verify = documentedVerifier();
    for (const r of w.receiver.received) {
      expect(r.headers['content-type']).toBe('application/json');
      expect(r.headers['user-agent']).toMatch(/^Klaxon\/\d+\.\d+\.\d+/);
      expect(r.headers['klaxon-event-id']).toBe(r.body.id);
      const nowSeconds = Math.floor(r.receivedAt.getTime() / 1000);
      expect(verify(hook.secret, String(r.headers['klaxon-signature']), r.rawBody, nowSeconds)).toBe(true);
      expect(verify('whsec_wrong', String(r.headers['klaxon-signature']), r.rawBody, nowSeconds)).toBe(false);
      expect(verify(hook.secret, String(r.headers['klaxon-signature']), r.rawBody, nowSeconds + 3600)).toBe(false);
    }
    // The deliveries list shows each attempt with its status, duration and answer.
    const first = list.find((d) => d.eventType === 'incident.triggered' && d.incidentId === a.id);
    expect(first.attemptLog.length).toBeGreaterThan(1);
    expect(first.attemptLog[0]).toMatchObject({ attempt: 1, outcome: 'retry', statusCode: 500, responsePrefix: 'down', error: 'HTTP 500' });
    expect(typeof first.attemptLog[0].durationMs).toBe('number');
    expect(first.attemptLog.at(-1)).toMatchObject({ outcome: 'delivered', statusCode: 200, responsePrefix: 'thanks' });
    const metrics = (await T().http().get('/metrics').expect(200)).text;
    expect(metrics).toMatch(/klaxon_webhook_deliveries_total\{outcome="delivered"\} [1-9]/);
    expect(metrics).toMatch(/klaxon_webhook_deliveries_total\{outcome="retry"\} [1-9]/);
  });

  it('a 4xx other than 408/429 fails the delivery at once; Retry-After is honoured; later events are not held back', async () => {
    const hook = await createWebhook('/picky', ['incident.triggered', 'incident.acknowledged']);
    let answer: { status: number; headers?: Record<string, string> } = { status: 410 };
    w.receiver.respond = () => answer;
    const { routingKey } = await pagedService(T());
    const inc = await trigger(T(), routingKey, 'picky-1');
    await w.worker.drain();
    await runFor(w, 10 * 60_000, 60_000);
    let list = await deliveries(hook.id);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ state: 'failed', attempts: 1, lastStatusCode: 410, lastError: 'HTTP 410' });
    expect(w.receiver.at('/picky')).toHaveLength(1);

    answer = { status: 429, headers: { 'Retry-After': '120' } };
    await T().api().post(`/api/v1/incidents/${inc.id}/acknowledge`, {}).expect(200);
    await w.worker.drain();
    expect(w.receiver.at('/picky')).toHaveLength(2);
    list = await deliveries(hook.id);
    const ackDelivery = list.find((d) => d.eventType === 'incident.acknowledged');
    const asked = new Date(ackDelivery.attemptLog[0].at).getTime() + 120_000;
    expect(new Date(ackDelivery.attemptLog[0].nextAttemptAt).getTime()).toBe(asked);
    answer = { status: 200 };
    T().clock.set(new Date(asked - 1000));
    await w.worker.drain();
    expect(w.receiver.at('/picky')).toHaveLength(2);
    T().clock.set(new Date(asked));
    await w.worker.drain();
    expect(w.receiver.at('/picky')).toHaveLength(3);
    expect((await deliveries(hook.id)).find((d) => d.eventType === 'incident.acknowledged').state).toBe('delivered');
  });

  it('gives a delivery up after 24 hours, disables a webhook that failed for 24 hours (audit, log), and redelivers on request', async () => {
    const hook = await createWebhook('/dead', ['incident.triggered']);
    w.receiver.respond = () => ({ status: 503, body: 'maintenance' });
    const { routingKey } = await pagedService(T());
    await trigger(T(), routingKey, 'dead-1');
    await w.worker.drain();
    await runFor(w, 25 * 60 * 60_000, 30 * 60_000);

    const [delivery] = await deliveries(hook.id);
    expect(delivery.state).toBe('failed');
    expect(delivery.lastError).toMatch(/24 hours/);
    const lastAttempt = new Date(delivery.attemptLog.at(-1).at).getTime();
    expect(lastAttempt - new Date(delivery.attemptLog[0].at).getTime()).toBeLessThanOrEqual(24 * 60 * 60_000);
    const after = w.receiver.at('/dead').length;
    const webhook = (await T().api().get(`/api/v1/webhooks/${hook.id}`).expect(200)).body;
    expect(webhook).toMatchObject({ enabled: false });
    expect(webhook.disabledReason).toMatch(/24 hours/);
    const audit = await T().api().get(`/api/v1/audit-log?resourceType=webhook&resourceId=${hook.id}&action=disable`).expect(200);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({ principal: { name: 'Klaxon' }, requestBody: { enabled: false } });
    expect(JSON.stringify(audit.body.items[0])).not.toContain('/dead');
    const disabledLog = w.logs().filter((l) => l.msg === 'webhook disabled: every delivery failed for 24 hours');
    expect(disabledLog).toEqual([expect.objectContaining({ webhookId: hook.id })]);
    expect(w.logs().some((l) => l.msg === 'webhook delivery failed; will retry' && l.webhookId === hook.id && l.statusCode === 503)).toBe(true);
    expect(w.logs().some((l) => l.msg === 'webhook delivery failed for good' && l.webhookId === hook.id)).toBe(true);
    expect(JSON.stringify(w.logs())).not.toContain('/dead');

    // Disabled: no new events, and no redelivery until enabled again.
    await trigger(T(), routingKey, 'dead-2');
    await w.worker.drain();
    expect(await deliveries(hook.id)).toHaveLength(1);
    await T().api().post(`/api/v1/webhooks/${hook.id}/deliveries/${delivery.id}/redeliver`).expect(409);
    await T().api().patch(`/api/v1/webhooks/${hook.id}`, { enabled: true }).expect(200);
    w.receiver.respond = () => ({ status: 200 });
    const again = await T().api().post(`/api/v1/webhooks/${hook.id}/deliveries/${delivery.id}/redeliver`).expect(200);
    expect(again.body).toMatchObject({ id: delivery.id, state: 'pending' });
    await w.worker.drain();
    expect(w.receiver.at('/dead')).toHaveLength(after + 1);
    expect(w.receiver.at('/dead').at(-1)!.body.id).toBe(delivery.eventId);
    expect((await deliveries(hook.id))[0]).toMatchObject({ state: 'delivered' });
    await T().api().post(`/api/v1/webhooks/${hook.id}/deliveries/${hook.id}/redeliver`).expect(404);
  });

  it('filters by service, refuses unknown events naming `events`, and shows the secret once', async () => {
    const s1 = await pagedService(T());
    const s2 = await pagedService(T());
    const bad = await T().api().post('/api/v1/webhooks', { url: `${w.receiver.url}/x`, events: ['incident.triggered', 'incident.exploded'] }).expect(400);
    expect(JSON.stringify(bad.body.errors)).toContain('events');
    const hook = await createWebhook('/only-s1', ['incident.triggered'], { serviceIds: [s1.serviceId] });
    expect(hook.secret).toMatch(/^whsec_[0-9a-f]{48}$/);
    const got = (await T().api().get(`/api/v1/webhooks/${hook.id}`).expect(200)).body;
    expect(got).not.toHaveProperty('secret');
    expect(JSON.stringify((await T().api().get('/api/v1/webhooks').expect(200)).body)).not.toContain(hook.secret);
    await trigger(T(), s2.routingKey, 'filter-2');
    await trigger(T(), s1.routingKey, 'filter-1');
    await w.worker.drain();
    expect(w.receiver.at('/only-s1').map((r) => r.body.data.incident.service.id)).toEqual([s1.serviceId]);
  });

  it('masks the URL for read-only keys and in the audit log', async () => {
    const hook = await createWebhook('/s3cr3t-token', ['incident.resolved']);
    const host = new URL(w.receiver.url).host;
    expect((await T().api('readOnly').get(`/api/v1/webhooks/${hook.id}`).expect(200)).body.url).toBe(`http://${host}/***`);
    expect(JSON.stringify((await T().api('readOnly').get('/api/v1/webhooks').expect(200)).body)).not.toContain('s3cr3t-token');
    expect((await T().api('responder').get(`/api/v1/webhooks/${hook.id}`).expect(200)).body.url).toBe(`${w.receiver.url}/s3cr3t-token`);
    await T().api('readOnly').post('/api/v1/webhooks', { url: 'https://example.org/', events: ['incident.resolved'] }).expect(403);
    const audit = await T().api().get(`/api/v1/audit-log?resourceType=webhook&resourceId=${hook.id}`).expect(200);
    expect(audit.body.items[0].requestBody.url).toBe(`http://${host}/***`);
    expect(JSON.stringify(audit.body)).not.toContain('s3cr3t-token');
    expect(JSON.stringify(audit.body)).not.toContain(hook.secret);
  });

  it('pages a webhook escalation target with incident.triggered, then incident.escalated, whatever it subscribes to', async () => {
    const target = await createWebhook('/pager', ['oncall.handoff']);
    const subscriber = await createWebhook('/subscriber', ['incident.escalated']);
    const user = await createUser(T(), { name: 'Bob' }, [{ type: 'sms', address: phoneNumber() }]);
    const policy = await T()
      .api()
      .post('/api/v1/escalation-policies', {
        name: `Webhook policy ${Date.now()}`,
        repeat: 0,
        levels: [
          { delayMinutes: 5, targets: [{ type: 'webhook', id: target.id }] },
          { delayMinutes: 5, targets: [{ type: 'user', id: user.id }, { type: 'webhook', id: target.id }] },
        ],
      })
      .expect(201);
    expect(policy.body.warnings.map((x: { code: string }) => x.code)).not.toContain('unknown-webhook');
    const svc = await T().api().post('/api/v1/services', { name: `Webhook paged ${Date.now()}`, escalationPolicyId: policy.body.id }).expect(201);
    const integ = await T().api().post(`/api/v1/services/${svc.body.id}/integrations`, { type: 'events-v2' }).expect(201);
    const inc = await trigger(T(), integ.body.key, 'paged-by-webhook');
    await w.worker.drain();
    expect(w.receiver.at('/pager').map((r) => [r.body.type, r.body.data.page, r.body.data.escalation])).toEqual([
      ['incident.triggered', true, { level: 0, loop: 0 }],
    ]);
    // Level 1 only pages the webhook, so nothing escalates before its delay.
    T().clock.advanceMinutes(4);
    await w.worker.drain();
    expect(w.receiver.at('/subscriber')).toHaveLength(0);
    T().clock.advanceMinutes(1);
    await w.worker.drain();
    expect(w.receiver.at('/pager').map((r) => [r.body.type, r.body.data.escalation])).toEqual([
      ['incident.triggered', { level: 0, loop: 0 }],
      ['incident.escalated', { level: 1, loop: 0 }],
    ]);
    expect(w.receiver.at('/subscriber').map((r) => r.body.type)).toEqual(['incident.escalated']);
    expect(w.receiver.at('/subscriber')[0].body.data.page).toBeUndefined();
    const timeline = (await T().api().get(`/api/v1/incidents/${inc.id}`).expect(200)).body.timeline.map((e: { message: string }) => e.message);
    expect(timeline.join('\n')).toContain(`Paging webhook ${target.id}`);
    expect(timeline.join('\n')).not.toContain(w.receiver.url);
    // A webhook a policy targets cannot be deleted.
    await T().api().delete(`/api/v1/webhooks/${target.id}`).expect(409);
    await T().api().put(`/api/v1/escalation-policies/${policy.body.id}`, { name: policy.body.name, repeat: 0, levels: [{ delayMinutes: 5, targets: [] }] }).expect(200);
    void subscriber;
  });

  it('with private addresses allowed, saves every private spelling; still follows no redirect, and resolves each send once', async () => {
    for (const url of PRIVATE_URLS) await T().api().post('/api/v1/webhooks', { url, events: ['oncall.handoff'] }).expect(201);
    w.resolver.names.set('public.example.com', '127.0.0.1');
    const hook = await createWebhook('/ignored', ['incident.triggered']);
    await T().api().patch(`/api/v1/webhooks/${hook.id}`, { url: `http://public.example.com:${w.receiver.port}/redirect` }).expect(200);
    w.receiver.respond = ({ path }) => (path === '/redirect' ? { status: 302, headers: { Location: `${w.receiver.url}/internal` } } : { status: 200 });
    w.resolver.asked.length = 0;
    const { routingKey } = await pagedService(T());
    await trigger(T(), routingKey, 'redirected');
    await w.worker.drain();
    expect(w.receiver.at('/redirect')).toHaveLength(1);
    expect(w.receiver.at('/internal')).toHaveLength(0);
    expect(w.resolver.asked).toEqual(['public.example.com']);
    const [delivery] = await deliveries(hook.id);
    expect(delivery).toMatchObject({ state: 'failed', attempts: 1, lastStatusCode: 302 });
    expect(delivery.lastError).toContain('redirects are not followed');
  });

  it('sends incident.maintenance_ended when a window releases a held incident, and oncall.handoff from the handoff hook', async () => {
    await createWebhook('/lifecycle', ['incident.triggered', 'incident.maintenance_ended', 'oncall.handoff']);
    const { serviceId, routingKey } = await pagedService(T());
    const end = new Date(T().clock.now().getTime() + 60 * 60_000).toISOString();
    const window = await T().api().post('/api/v1/maintenance-windows', { description: 'Deploy', end, serviceIds: [serviceId] }).expect(201);
    const held = await trigger(T(), routingKey, 'held-1');
    await w.worker.drain();
    expect(w.receiver.at('/lifecycle').map((r) => [r.body.type, r.body.sequence, r.body.data.heldByMaintenance])).toEqual([['incident.triggered', 1, true]]);
    T().clock.advanceMinutes(10);
    await T().api().post(`/api/v1/maintenance-windows/${window.body.id}/end`).expect(200);
    await w.worker.drain();
    const ended = w.receiver.at('/lifecycle')[1].body;
    expect(ended).toMatchObject({ type: 'incident.maintenance_ended', sequence: 2, occurredAt: T().clock.now().toISOString() });
    expect(ended.data.incident.id).toBe(held.id);

    await T().dataSource.transaction((em) =>
      T().get(WebhookEvents).enqueue(em, { type: 'oncall.handoff', occurredAt: T().clock.now(), data: { schedule: { id: 's1', name: 'Primary' }, from: null, to: { id: 'u1', name: 'Ada' } } }),
    );
    await w.worker.drain();
    const handoff = w.receiver.at('/lifecycle')[2].body;
    expect(handoff).toMatchObject({ type: 'oncall.handoff', sequence: null, data: { schedule: { id: 's1', name: 'Primary' }, to: { name: 'Ada' } } });
  });

  it('concurrent notes and an acknowledgement on one incident each get their own sequence number', async () => {
    await createWebhook('/busy', ['incident.note_added', 'incident.acknowledged']);
    const { routingKey } = await pagedService(T());
    const inc = await trigger(T(), routingKey, 'busy-1');
    const notes = Array.from({ length: 12 }, (_, n) => T().api().post(`/api/v1/incidents/${inc.id}/notes`, { text: `note ${n}` }));
    const ack = T().api().post(`/api/v1/incidents/${inc.id}/acknowledge`, {});
    const answers = await Promise.all([...notes, ack]);
    expect(answers.map((r) => r.status).sort()).toEqual([...Array(12).fill(201), 200].sort());
    await w.worker.drain();
    const sequences = w.receiver.at('/busy').map((r) => r.body.sequence!).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 13 }, (_, n) => n + 2));
  });
});
