import { hostname } from 'node:os';
import { waitFor } from '../fakes/wait-for';
import { createSchedule, createUser, layerBody, phoneNumber } from '../support/factories';
import { createProcessWorld, ProcessWorld } from '../support/process-world';

/**
 * Handoff timers with real worker processes on one database (they read the
 * system clock): overrides a few seconds long give a user an on-call edge
 * every two seconds; every edge is told exactly once with two workers, and
 * after a worker is SIGKILLed mid-way.
 */
const SHIFTS = 5;

describe('handoff notifications with real workers', () => {
  jest.setTimeout(300_000);
  let w: ProcessWorld;

  beforeAll(async () => {
    w = await createProcessWorld();
  });
  afterAll(async () => {
    await w.close();
  });

  /** A user told of both edges at once by SMS, with SHIFTS two-second overrides starting `leadMs` from now. */
  async function shiftsSoon(leadMs: number): Promise<{ phone: string; expected: number }> {
    w.t.clock.set(new Date());
    const phone = phoneNumber();
    const user = await createUser(w.t, { name: 'Handoff user' }, [{ type: 'sms', address: phone }]);
    const other = await createUser(w.t, { name: 'Rotation user' });
    const schedule = await createSchedule(w.t, { timeZone: 'UTC', layers: [layerBody([other.id], { start: '2026-01-01T00:00:00Z' })] });
    await w.t.api().post(`/api/v1/users/${user.id}/handoff-rules`, { contactMethodId: user.contactMethods[0].id, handoffType: 'both', advanceMinutes: 0 }).expect(201);
    const first = Math.ceil((Date.now() + leadMs) / 1000) * 1000;
    for (let i = 0; i < SHIFTS; i++) {
      const start = new Date(first + i * 4000).toISOString();
      const end = new Date(first + i * 4000 + 2000).toISOString();
      w.t.clock.set(new Date());
      await w.t.api().post(`/api/v1/schedules/${schedule.id}/overrides`, { userId: user.id, start, end }).expect(201);
    }
    return { phone, expected: 2 * SHIFTS };
  }

  async function rowsOf(phone: string): Promise<{ state: string; n: number }[]> {
    return w.t.dataSource.query(`SELECT state, count(*)::int AS n FROM handoff_messages WHERE address = $1 GROUP BY state`, [phone]);
  }

  const sentTo = (phone: string) => w.twilio.messages.filter((m) => m.To === phone).length;

  it('tells each edge once with two workers', async () => {
    const { phone, expected } = await shiftsSoon(6000);
    const workers = [w.worker(), w.worker()];
    await Promise.all(workers.map((x) => x.start()));
    await waitFor(() => sentTo(phone) >= expected, 90_000, 'every handoff SMS');
    await new Promise((r) => setTimeout(r, 1500)); // room for a duplicate to show up
    expect(sentTo(phone)).toBe(expected);
    expect(await rowsOf(phone)).toEqual([{ state: 'sent', n: expected }]);
    await Promise.all(workers.map((x) => x.stop()));
  });

  it('tells each edge once after a worker is SIGKILLed mid-way', async () => {
    const { phone, expected } = await shiftsSoon(8000);
    const first = w.worker({ KLAXON_CLAIM_TIMEOUT_MS: '3000' });
    await first.start();
    await waitFor(() => sentTo(phone) >= 3, 90_000, 'the first handoff SMS');
    await first.kill();
    // Sends the dead worker had claimed and not recorded: the only ones that may go out twice.
    const [{ n: held }] = await w.t.dataSource.query(
      `SELECT count(*)::int AS n FROM handoff_messages WHERE state = 'sending' AND claimed_by = $1`,
      [`${hostname()}:${first.pid}`],
    );
    const second = w.worker({ KLAXON_CLAIM_TIMEOUT_MS: '3000' });
    await second.start();
    for (const until = Date.now() + 90_000; ; ) {
      if ((await rowsOf(phone)).some((r) => r.state === 'sent' && r.n === expected)) break;
      if (Date.now() > until) throw new Error('not every handoff was sent');
      await new Promise((r) => setTimeout(r, 200));
    }
    await new Promise((r) => setTimeout(r, 1500));
    expect(await rowsOf(phone)).toEqual([{ state: 'sent', n: expected }]);
    expect(sentTo(phone)).toBeGreaterThanOrEqual(expected);
    expect(sentTo(phone) - expected).toBeLessThanOrEqual(held);
    await second.stop();
  });
});
