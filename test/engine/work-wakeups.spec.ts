import { Client } from 'pg';
import { isWorkKind, WORK_CHANNEL } from '../../src/database/work-channel';
import { IncidentOpeningsRepository } from '../../src/incidents/incident-openings.repository';
import { waitFor } from '../fakes/wait-for';
import { createPolicy, createServiceWithEventsV2, createUser, phoneNumber, trigger } from '../support/factories';
import type { TestApp } from '../support/test-app';
import { webhookWorld, WebhookWorld } from '../webhooks/webhook-world';

/**
 * What a committed change wakes (src/database/work-channel.ts): each NOTIFY
 * on the workers' channel names the loop its work is for, so a worker wakes
 * that loop alone. A new incident wakes the timer loop (its claim) and not
 * the outbox or the webhook loop, whose passes would find nothing; the
 * claim's webhook deliveries wake the webhook loop; an acknowledgement arms
 * a timer (the timer loop) and queues its webhook event.
 */
describe('worker wake-ups name their loop', () => {
  let w: WebhookWorld;
  let t: TestApp;
  let listen: Client;
  const heard: string[] = [];

  beforeAll(async () => {
    w = await webhookWorld({});
    t = w.t;
    w.resolver.names.set('hooks.example.com', '93.184.216.34');
    listen = new Client({ connectionString: t.db.url });
    await listen.connect();
    listen.on('notification', (n) => {
      if (n.channel === WORK_CHANNEL) heard.push(n.payload ?? '');
    });
    await listen.query(`LISTEN ${WORK_CHANNEL}`);
  });

  afterAll(async () => {
    await listen?.end();
    await w?.close();
  });

  /** The payloads heard while `action` ran and its commits were delivered (a NOTIFY arrives after its commit). */
  async function wakes(action: () => Promise<unknown>, expected: number): Promise<string[]> {
    heard.length = 0;
    await action();
    await waitFor(() => heard.length >= expected, 10_000);
    // Room for a stray extra one to show up.
    await new Promise((r) => setTimeout(r, 200));
    return [...heard].sort();
  }

  it('a new incident, its claim, and an acknowledgement wake the loops that have work', async () => {
    const user = await createUser(t, {}, [{ type: 'sms', address: phoneNumber() }]);
    const policy = await createPolicy(t, [{ delayMinutes: 5, targets: [{ type: 'user', id: user.id }] }]);
    const { routingKey } = await createServiceWithEventsV2(t, policy.id, { ackTimeoutMinutes: 30 });
    await t.api().post('/api/v1/webhooks', { url: 'https://hooks.example.com/klaxon', events: ['incident.triggered', 'incident.acknowledged'] }).expect(201);

    let incident = { id: '' };
    expect(await wakes(async () => (incident = await trigger(t, routingKey, 'disk-full')), 1)).toEqual(['timers']);
    // The claim fires the first step (pages: this worker's own outbox loop is poked, no NOTIFY) and queues the webhook event.
    expect(await wakes(() => t.get(IncidentOpeningsRepository).claimOpened(t.clock.now()), 1)).toEqual(['webhooks']);
    expect(await wakes(() => t.api('responder').post(`/api/v1/incidents/${incident.id}/acknowledge`).expect(200), 2)).toEqual(['timers', 'webhooks']);
  });

  it("only the loops' names are work kinds: an older version's empty payload is not one (the worker wakes every loop for it)", () => {
    expect(['timers', 'outbox', 'webhooks'].every(isWorkKind)).toBe(true);
    expect(['', 'pages', 'TIMERS'].some(isWorkKind)).toBe(false);
  });
});
