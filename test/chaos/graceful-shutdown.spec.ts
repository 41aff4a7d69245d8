import { hostname } from 'node:os';
import { FakeTwilioServer } from '../fakes/fake-twilio.server';
import { createPolicy, createServiceWithEventsV2, createUser, phoneNumber } from '../support/factories';
import { FakeClock } from '../support/fake-clock';
import { createTestApp, TestApp } from '../support/test-app';
import { KlaxonProcess } from '../support/worker-process';

/**
 * SIGTERM while pages are being sent: the worker finishes the sends under way,
 * hands back everything it had claimed, and exits; nothing stays claimed, and
 * another worker sends the rest.
 */
describe('graceful shutdown of a worker', () => {
  jest.setTimeout(180_000);
  let t: TestApp;
  let twilio: FakeTwilioServer;
  let twilioUrl: string;
  let routingKey: string;

  beforeAll(async () => {
    twilio = new FakeTwilioServer(undefined, 'shutdown-token');
    twilioUrl = await twilio.start();
    t = await createTestApp({ clock: new FakeClock(new Date()) });
    const user = await createUser(t, {}, [{ type: 'sms', address: phoneNumber() }]);
    const policy = await createPolicy(t, [{ delayMinutes: 60, targets: [{ type: 'user', id: user.id }] }]);
    ({ routingKey } = await createServiceWithEventsV2(t, policy.id));
  });
  afterAll(async () => {
    await t.close();
    await twilio.stop();
  });

  const worker = () =>
    new KlaxonProcess({
      DATABASE_URL: t.db.url,
      KLAXON_ROLE: 'worker',
      TWILIO_ACCOUNT_SID: twilio.accountSid,
      TWILIO_AUTH_TOKEN: 'shutdown-token',
      TWILIO_FROM: '+15005550006',
      TWILIO_API_URL: twilioUrl,
      KLAXON_SMS_RATE_LIMIT_PER_MINUTE: '100000',
      KLAXON_ADMIN_API_KEY: 'worker-admin-key-0123456789',
    });

  it('finishes sends under way, releases its claims and exits cleanly', async () => {
    twilio.setResponseDelay(300); // every send is in flight for a while
    const first = worker();
    await first.start();
    const total = 60;
    await Promise.all(
      Array.from({ length: total }, (_, i) =>
        t
          .http()
          .post('/v2/enqueue')
          .send({ routing_key: routingKey, event_action: 'trigger', dedup_key: `g-${i}`, payload: { summary: `graceful ${i}`, source: 't', severity: 'critical' } })
          .expect(202),
      ),
    );
    await twilio.waitFor(() => twilio.messages.length >= 5, 30_000);
    const pid = first.pid;
    const exit = await first.stop();
    expect(exit).toBe(0);
    const [{ n: stuck }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM notifications WHERE state = 'sending' AND claimed_by = $1`,
      [`${hostname()}:${pid}`],
    );
    expect(stuck).toBe(0);
    const sentByFirst = twilio.messages.length;

    twilio.setResponseDelay(0);
    const second = worker();
    await second.start();
    try {
      await twilio.waitFor(() => twilio.messages.length >= total, 60_000);
    } finally {
      await second.stop();
    }
    const counts = new Map<string, number>();
    for (const m of twilio.messages) {
      const id = /graceful (\d+)/.exec(m.Body)?.[1];
      if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    expect(counts.size).toBe(total);
    // A graceful stop finishes its sends instead of abandoning them: no page goes out twice.
    expect([...counts.values()].every((c) => c === 1)).toBe(true);
    // eslint-disable-next-line no-console
    console.log(`graceful shutdown: ${sentByFirst} sent before SIGTERM finished, ${total - sentByFirst} by the next worker, stuck claims 0, duplicates 0`);
  });
});
