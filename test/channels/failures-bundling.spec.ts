import { TWILIO_INVALID_NUMBER } from '../fakes/fake-twilio.server';
import { createPolicy, createServiceWithEventsV2, createUser, phoneNumber, trigger } from '../support/factories';
import { ChannelsHarness } from './channels-harness';

describe('provider failures and rate limiting', () => {
  const h = new ChannelsHarness();

  beforeAll(async () => {
    await h.start();
  });
  afterAll(() => h.stop());
  beforeEach(() => h.reset());

  async function userOnService(contacts: { type: 'sms' | 'email'; address: string }[]) {
    const user = await createUser(h.t, { name: 'Ivan' }, contacts);
    const policy = await createPolicy(h.t, [{ delayMinutes: 60, targets: [{ type: 'user', id: user.id }] }]);
    const { routingKey } = await createServiceWithEventsV2(h.t, policy.id);
    return { user, routingKey };
  }

  it('retries while Twilio answers 500 and delivers once it recovers; the timeline shows each attempt', async () => {
    const phone = phoneNumber();
    const { routingKey } = await userOnService([{ type: 'sms', address: phone }]);
    h.twilio.failNext(3, 500);
    const incident = await trigger(h.t, routingKey, 'retry-1');
    await h.drain();
    for (let i = 0; i < 4; i++) {
      h.t.clock.advanceMinutes(1);
      await h.drain();
    }
    expect(h.twilio.messages.filter((m) => m.To === phone)).toHaveLength(1);
    const attempts = (await h.incident(incident.id)).timeline.filter((e) => e.type === 'notification').map((e) => e.data.outcome);
    expect(attempts).toEqual(['retrying', 'retrying', 'retrying', 'sent']);
  });

  it('records an invalid number (400) as failed and still sends the email rule', async () => {
    const phone = phoneNumber();
    const { routingKey } = await userOnService([
      { type: 'sms', address: phone },
      { type: 'email', address: 'ivan@example.test' },
    ]);
    h.twilio.setFailure(TWILIO_INVALID_NUMBER);
    const incident = await trigger(h.t, routingKey, 'invalid-1');
    await h.drain();
    await h.smtp.waitForMessage((m) => m.to.includes('ivan@example.test'));
    const rows = await h.t.dataSource.query(`SELECT channel, state, error FROM notifications WHERE incident_id = $1 ORDER BY channel`, [incident.id]);
    expect(rows).toEqual([
      { channel: 'email', state: 'sent', error: null },
      { channel: 'sms', state: 'failed', error: expect.stringContaining('400') },
    ]);
  });

  it('bundles pages past KLAXON_SMS_RATE_LIMIT_PER_MINUTE into one "N more incidents" SMS', async () => {
    const phone = phoneNumber();
    const { routingKey } = await userOnService([{ type: 'sms', address: phone }]);
    for (let i = 0; i < 8; i++) await trigger(h.t, routingKey, `storm-${i}`, `Storm alert ${i}`);
    await h.drain();
    const texts = h.twilio.messages.filter((m) => m.To === phone).map((m) => m.Body);
    expect(texts).toHaveLength(5);
    expect(texts[4]).toContain('+3 more incidents');
    const states = await h.t.dataSource.query(
      `SELECT state, count(*)::int AS n, max(bundled_count) AS bundled FROM notifications WHERE address = $1 GROUP BY state ORDER BY state`,
      [phone],
    );
    expect(states).toEqual([
      { state: 'cancelled', n: 3, bundled: 0 },
      { state: 'sent', n: 5, bundled: 3 },
    ]);

    // The minute is used up: new pages wait for the window, then go out.
    await trigger(h.t, routingKey, 'storm-late-1');
    await trigger(h.t, routingKey, 'storm-late-2');
    await h.drain();
    expect(h.twilio.messages.filter((m) => m.To === phone)).toHaveLength(5);
    h.t.clock.advanceMinutes(1);
    await h.drain();
    expect(h.twilio.messages.filter((m) => m.To === phone)).toHaveLength(7);
  });
});
