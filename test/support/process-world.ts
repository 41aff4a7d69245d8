import { hostname } from 'node:os';
import { FakeTwilioServer } from '../fakes/fake-twilio.server';
import { createPolicy, createServiceWithEventsV2, createUser, phoneNumber } from './factories';
import { FakeClock } from './fake-clock';
import { createTestApp, TestApp } from './test-app';
import { KlaxonProcess } from './worker-process';

const TWILIO_TOKEN = 'process-world-twilio-token';

/**
 * The setting of the multi-process tests: an in-process API on the test's
 * database (clock near real time, since real workers use the system clock), a
 * fake Twilio, one user paged by SMS through a one-level policy, and a factory
 * for real worker processes wired to both.
 */
export interface ProcessWorld {
  t: TestApp;
  twilio: FakeTwilioServer;
  routingKey: string;
  worker(env?: Record<string, string>): KlaxonProcess;
  /** Events v2 triggers with distinct dedup keys, `concurrency` at a time; the SMS text carries `summary`. */
  trigger(items: { dedupKey: string; summary: string }[], concurrency?: number, after?: (i: number) => Promise<void> | void): Promise<void>;
  /** How many SMS carried each id captured by `pattern`'s first group. */
  pageCounts(pattern: RegExp): Map<string, number>;
  /** Pages a dead or stopped process still holds `sending`: the only ones that may go out twice. */
  claimsHeldBy(pid: number | undefined): Promise<number>;
  close(): Promise<void>;
}

export async function createProcessWorld(): Promise<ProcessWorld> {
  const twilio = new FakeTwilioServer(undefined, TWILIO_TOKEN);
  const twilioUrl = await twilio.start();
  const t = await createTestApp({ clock: new FakeClock(new Date()) });
  const user = await createUser(t, {}, [{ type: 'sms', address: phoneNumber() }]);
  const policy = await createPolicy(t, [{ delayMinutes: 60, targets: [{ type: 'user', id: user.id }] }]);
  const { routingKey } = await createServiceWithEventsV2(t, policy.id);
  const workers: KlaxonProcess[] = [];

  return {
    t,
    twilio,
    routingKey,
    worker(env = {}) {
      const w = new KlaxonProcess({
        DATABASE_URL: t.db.url,
        KLAXON_ROLE: 'worker',
        TWILIO_ACCOUNT_SID: twilio.accountSid,
        TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
        TWILIO_FROM: '+15005550006',
        TWILIO_API_URL: twilioUrl,
        KLAXON_SMS_RATE_LIMIT_PER_MINUTE: '100000',
        KLAXON_ADMIN_API_KEY: 'worker-admin-key-0123456789',
        ...env,
      });
      workers.push(w);
      return w;
    },
    async trigger(items, concurrency = 16, after) {
      let next = 0;
      const lane = async () => {
        while (next < items.length) {
          const i = next++;
          await t
            .http()
            .post('/v2/enqueue')
            .send({
              routing_key: routingKey,
              event_action: 'trigger',
              dedup_key: items[i].dedupKey,
              payload: { summary: items[i].summary, source: 'test', severity: 'critical' },
            })
            .expect(202);
          await after?.(i);
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
    },
    pageCounts(pattern) {
      const counts = new Map<string, number>();
      for (const m of twilio.messages) {
        const id = pattern.exec(m.Body)?.[1];
        if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      return counts;
    },
    async claimsHeldBy(pid) {
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM notifications WHERE state = 'sending' AND claimed_by = $1`,
        [`${hostname()}:${pid}`],
      );
      return n;
    },
    async close() {
      await Promise.all(workers.map((w) => w.kill()));
      await t.close();
      await twilio.stop();
    },
  };
}

export const duplicatesIn = (counts: Map<string, number>): number => [...counts.values()].reduce((a, c) => a + c - 1, 0);
