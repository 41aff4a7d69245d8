import { WorkerService } from '../../src/worker/worker.service';
import { FakeTwilioServer } from '../fakes/fake-twilio.server';
import { createPolicy, createServiceWithEventsV2, createUser, phoneNumber, trigger } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * Chaos (3): the SMS provider answers 500 for a while. Every page is
 * delivered once it recovers, and each incident's timeline shows the retries.
 */
describe('chaos: provider outage', () => {
  let t: TestApp;
  let twilio: FakeTwilioServer;

  beforeAll(async () => {
    twilio = new FakeTwilioServer(undefined, 'outage-token');
    const url = await twilio.start();
    t = await createTestApp({
      env: {
        TWILIO_ACCOUNT_SID: twilio.accountSid,
        TWILIO_AUTH_TOKEN: 'outage-token',
        TWILIO_FROM: '+15005550006',
        TWILIO_API_URL: url,
        KLAXON_SMS_RATE_LIMIT_PER_MINUTE: '1000',
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await twilio.stop();
  });

  it('delivers every page after the provider recovers, with the attempts on the timeline', async () => {
    const phones = Array.from({ length: 10 }, phoneNumber);
    const incidents = [];
    twilio.setFailure({ status: 500, code: 20500, message: 'Internal Server Error' });
    for (const [i, phone] of phones.entries()) {
      const user = await createUser(t, {}, [{ type: 'sms', address: phone }]);
      const policy = await createPolicy(t, [{ delayMinutes: 60, targets: [{ type: 'user', id: user.id }] }]);
      const { routingKey } = await createServiceWithEventsV2(t, policy.id);
      incidents.push(await trigger(t, routingKey, `outage-${i}`));
    }
    const worker = t.get(WorkerService);
    await worker.drain();
    // Ten minutes of outage: several retries each, with backoff.
    for (let m = 0; m < 10; m++) {
      t.clock.advanceMinutes(1);
      await worker.drain();
    }
    expect(twilio.messages).toHaveLength(0);
    twilio.setFailure(null);
    for (let m = 0; m < 15 && twilio.messages.length < phones.length; m++) {
      t.clock.advanceMinutes(1);
      await worker.drain();
    }
    expect(new Set(twilio.messages.map((m) => m.To))).toEqual(new Set(phones));
    expect(twilio.messages).toHaveLength(phones.length);
    let retries = 0;
    for (const incident of incidents) {
      const detail = await t.api().get(`/api/v1/incidents/${incident.id}`).expect(200);
      const attempts = detail.body.timeline.filter((e: { type: string }) => e.type === 'notification');
      expect(attempts.length).toBeGreaterThan(1);
      expect(attempts[attempts.length - 1].data.outcome).toBe('sent');
      expect(attempts.slice(0, -1).every((e: { data: { outcome: string } }) => e.data.outcome === 'retrying')).toBe(true);
      retries += attempts.length - 1;
    }
    // eslint-disable-next-line no-console
    console.log(`chaos provider-outage: ${phones.length} pages, ${retries} failed attempts retried, lost 0`);
  });
});
