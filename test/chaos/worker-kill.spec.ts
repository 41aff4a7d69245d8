import { hostname } from 'node:os';
import { FakeTwilioServer } from '../fakes/fake-twilio.server';
import { createPolicy, createServiceWithEventsV2, createUser, phoneNumber } from '../support/factories';
import { FakeClock } from '../support/fake-clock';
import { createTestApp, TestApp } from '../support/test-app';
import { KlaxonProcess } from '../support/worker-process';

/**
 * Chaos (1): the worker is SIGKILLed again and again while a storm of
 * incidents arrives. Afterwards every incident was paged, and duplicates are
 * at most the pages that were in flight at each kill.
 * `npm test` runs 3 cycles; `npm run test:chaos` runs CHAOS_CYCLES=20.
 */
const CYCLES = Number(process.env.CHAOS_CYCLES ?? 3);
const PER_CYCLE = 40;

describe(`chaos: SIGKILL the worker ${CYCLES} times during a storm`, () => {
  // Real processes start under ts-node: give them room on a loaded 2-core machine.
  jest.setTimeout(300_000);
  let t: TestApp;
  let twilio: FakeTwilioServer;
  let twilioUrl: string;
  let routingKey: string;

  beforeAll(async () => {
    twilio = new FakeTwilioServer(undefined, 'chaos-twilio-token');
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
      TWILIO_AUTH_TOKEN: 'chaos-twilio-token',
      TWILIO_FROM: '+15005550006',
      TWILIO_API_URL: twilioUrl,
      KLAXON_SMS_RATE_LIMIT_PER_MINUTE: '100000',
      KLAXON_CLAIM_TIMEOUT_MS: '2000',
      KLAXON_ADMIN_API_KEY: 'worker-admin-key-0123456789',
    });

  it('sends every page despite repeated crashes', async () => {
    let seq = 0;
    let inFlightAtKills = 0;
    const send = async (n: number) => {
      await Promise.all(
        Array.from({ length: n }, () => {
          const i = seq++;
          return t
            .http()
            .post('/v2/enqueue')
            .send({ routing_key: routingKey, event_action: 'trigger', dedup_key: `k-${i}`, payload: { summary: `chaos ${i}`, source: 'chaos', severity: 'critical' } })
            .expect(202);
        }),
      );
    };
    // Twilio answers slowly, so kills land while sends are in flight.
    twilio.setResponseDelay(20);
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const w = worker();
      await w.start();
      await send(PER_CYCLE);
      await new Promise((r) => setTimeout(r, 150 + Math.random() * 300));
      const pid = w.pid;
      await w.kill();
      // What the dead worker had claimed and not finished: the only pages that may go out twice.
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM notifications WHERE state = 'sending' AND claimed_by = $1`,
        [`${hostname()}:${pid}`],
      );
      inFlightAtKills += n;
    }
    const last = worker();
    await last.start();
    try {
      await twilio.waitFor(() => new Set(twilio.messages.map((m) => m.Body.match(/chaos (\d+)/)?.[1])).size >= seq, 60_000);
    } finally {
      await last.stop();
    }
    const counts = new Map<string, number>();
    for (const m of twilio.messages) {
      const id = /chaos (\d+)/.exec(m.Body)?.[1];
      if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const duplicates = [...counts.values()].reduce((a, c) => a + c - 1, 0);
    const missing = seq - counts.size;
    // eslint-disable-next-line no-console
    console.log(`chaos worker-kill: ${CYCLES} cycles survived, ${seq} incidents, notifications lost: ${missing}, duplicates ${duplicates} (in flight at kills: ${inFlightAtKills})`);
    expect(missing).toBe(0);
    expect(duplicates).toBeLessThanOrEqual(inFlightAtKills);
    const [{ n: unsent }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM notifications WHERE state <> 'sent'`);
    expect(unsent).toBe(0);
  });
});
