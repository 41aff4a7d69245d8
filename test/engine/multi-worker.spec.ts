import { hostname } from 'node:os';
import { FakeTwilioServer } from '../fakes/fake-twilio.server';
import { createPolicy, createServiceWithEventsV2, createUser, phoneNumber } from '../support/factories';
import { FakeClock } from '../support/fake-clock';
import { createTestApp, TestApp } from '../support/test-app';
import { KlaxonProcess } from '../support/worker-process';

/**
 * Several real worker processes on one database, a storm of incidents, the
 * real Twilio SDK against a fake Twilio: every page is sent exactly once; and
 * after a SIGKILL mid-storm, none is missing and duplicates stay within what
 * the dead worker had in flight.
 */
const INCIDENTS = 500;

describe('many workers on one database', () => {
  // Real processes start under ts-node: give them room on a loaded 2-core machine.
  jest.setTimeout(300_000);
  let t: TestApp;
  let twilio: FakeTwilioServer;
  let twilioUrl: string;
  let routingKey: string;
  let phone: string;
  const workers: KlaxonProcess[] = [];

  const workerEnv = () => ({
    DATABASE_URL: t.db.url,
    KLAXON_ROLE: 'worker',
    TWILIO_ACCOUNT_SID: twilio.accountSid,
    TWILIO_AUTH_TOKEN: 'test-twilio-token',
    TWILIO_FROM: '+15005550006',
    TWILIO_API_URL: twilioUrl,
    KLAXON_SMS_RATE_LIMIT_PER_MINUTE: '100000',
    KLAXON_CLAIM_TIMEOUT_MS: '3000',
    KLAXON_ADMIN_API_KEY: 'worker-admin-key-0123456789',
  });

  beforeAll(async () => {
    twilio = new FakeTwilioServer(undefined, 'test-twilio-token');
    twilioUrl = await twilio.start();
    t = await createTestApp({ clock: new FakeClock(new Date()) });
    phone = phoneNumber();
    const user = await createUser(t, {}, [{ type: 'sms', address: phone }]);
    const policy = await createPolicy(t, [{ delayMinutes: 60, targets: [{ type: 'user', id: user.id }] }]);
    ({ routingKey } = await createServiceWithEventsV2(t, policy.id));
  });

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.kill()));
    await t.close();
    await twilio.stop();
  });

  async function storm(prefix: string, onProgress?: (n: number) => Promise<void> | void): Promise<void> {
    let next = 0;
    const send = async () => {
      while (next < INCIDENTS) {
        const i = next++;
        await t
          .http()
          .post('/v2/enqueue')
          .send({
            routing_key: routingKey,
            event_action: 'trigger',
            dedup_key: `${prefix}-${i}`,
            payload: { summary: `storm ${prefix} ${i}`, source: 'test', severity: 'critical' },
          })
          .expect(202);
        await onProgress?.(i);
      }
    };
    await Promise.all(Array.from({ length: 16 }, send));
  }

  function pagesFor(prefix: string): Map<string, number> {
    const counts = new Map<string, number>();
    for (const m of twilio.messages) {
      const match = new RegExp(`storm ${prefix} (\\d+)`).exec(m.Body);
      if (match) counts.set(match[1], (counts.get(match[1]) ?? 0) + 1);
    }
    return counts;
  }

  it('three workers send each of 500 pages exactly once', async () => {
    for (let i = 0; i < 3; i++) workers.push(new KlaxonProcess(workerEnv()));
    await Promise.all(workers.map((w) => w.start()));
    await storm('a');
    await twilio.waitFor(() => pagesFor('a').size === INCIDENTS, 60_000);
    await new Promise((r) => setTimeout(r, 1000)); // room for a late duplicate to show up
    const counts = pagesFor('a');
    expect(counts.size).toBe(INCIDENTS);
    expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
    const states = await t.dataSource.query(`SELECT state, count(*)::int AS n FROM notifications GROUP BY state`);
    expect(states).toEqual([{ state: 'sent', n: INCIDENTS }]);
    // eslint-disable-next-line no-console
    console.log(`multi-worker: ${INCIDENTS} incidents, 3 workers, ${twilio.messages.length} SMS, duplicates 0`);
  });

  it('loses no page when a worker is SIGKILLed mid-storm', async () => {
    const victim = workers[0];
    let killed = false;
    let inFlightAtKill = 0;
    let replacementStarted: Promise<void> = Promise.resolve();
    await storm('b', async (i) => {
      if (!killed && i === 150) {
        killed = true;
        const pid = victim.pid;
        await victim.kill();
        const [{ n }] = await t.dataSource.query(
          `SELECT count(*)::int AS n FROM notifications WHERE state = 'sending' AND claimed_by = $1`,
          [`${hostname()}:${pid}`],
        );
        inFlightAtKill = n;
        const replacement = new KlaxonProcess(workerEnv());
        workers.push(replacement);
        replacementStarted = replacement.start();
      }
    });
    await replacementStarted;
    await twilio.waitFor(() => pagesFor('b').size === INCIDENTS, 90_000);
    await new Promise((r) => setTimeout(r, 1000));
    const counts = pagesFor('b');
    const duplicates = [...counts.values()].reduce((a, n) => a + n - 1, 0);
    expect(counts.size).toBe(INCIDENTS);
    // A page in flight when its worker died may go out twice; anything more is a bug.
    expect(duplicates).toBeLessThanOrEqual(inFlightAtKill);
    const [{ n: unsent }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM notifications WHERE state <> 'sent'`,
    );
    expect(unsent).toBe(0);
    // eslint-disable-next-line no-console
    console.log(`crash: ${INCIDENTS} incidents, 1 SIGKILL, missing 0, duplicates ${duplicates} (in flight at kill: ${inFlightAtKill})`);
  });
});
