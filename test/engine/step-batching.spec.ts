import { TimerClaimerService } from '../../src/escalation/engine/timer-claimer.service';
import { TargetDirectory } from '../../src/escalation/target-directory';
import { WorkerService } from '../../src/worker/worker.service';
import { createPolicy, createServiceWithEventsV2, createUser, phoneNumber } from '../support/factories';
import { RecordingChannels } from '../support/recording-channels';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * Due escalation steps of many incidents fire in shared transactions
 * (TimerClaimerService.fireBatch). Each incident must end up exactly as
 * if its step had fired alone: same state, timeline, pages and next timer.
 */
describe('escalation steps fired in batches (real PostgreSQL)', () => {
  let t: TestApp;
  let worker: WorkerService;
  let engine: TimerClaimerService;
  const channels = new RecordingChannels();

  beforeAll(async () => {
    // Every incident pages the same phone: no per-phone rate limit bundling here.
    t = await createTestApp({ override: channels.override(), env: { KLAXON_SMS_RATE_LIMIT_PER_MINUTE: '100000' } });
    worker = t.get(WorkerService);
    engine = t.get(TimerClaimerService);
  });
  afterAll(async () => {
    await t.close();
  });

  async function post(routingKey: string, dedupKey: string): Promise<void> {
    await t
      .http()
      .post('/v2/enqueue')
      .send({ routing_key: routingKey, event_action: 'trigger', dedup_key: dedupKey, payload: { summary: 'CPU hot', source: 'web', severity: 'critical' } })
      .expect(202);
  }

  /** An incident's escalation footprint, comparable between incidents. */
  async function footprint(dedupKey: string): Promise<unknown> {
    const [i] = await t.dataSource.query(
      `SELECT id, level, loop, escalation_epoch, escalation_exhausted, level_reached_at, policy_snapshot FROM incidents WHERE dedup_key = $1`,
      [dedupKey],
    );
    const timeline = await t.dataSource.query(
      // Send outcomes carry their own notification and provider ids.
      `SELECT type, regexp_replace(message, 'log-sms-\\d+', 'log-sms-*') AS message, actor_type, actor_id, actor_name, channel, data - 'notificationId' - 'providerMessageId' AS data
         FROM incident_timeline WHERE incident_id = $1 ORDER BY at, type, message`,
      [i.id],
    );
    const pages = await t.dataSource.query(
      `SELECT replace(idempotency_key, incident_id::text, '*') AS key, user_id, contact_method_id, level, loop, epoch, channel, address, state, due_at
         FROM notifications WHERE incident_id = $1 ORDER BY idempotency_key`,
      [i.id],
    );
    const timers = await t.dataSource.query(`SELECT kind, due_at, data FROM timers WHERE incident_id = $1 ORDER BY kind`, [i.id]);
    const { id: _id, ...state } = i;
    return { state, timeline, pages, timers };
  }

  it('30 incidents whose first steps fire together end up exactly like one fired alone', async () => {
    const alice = await createUser(t, { name: 'Alice' }, [{ type: 'sms', address: phoneNumber() }]);
    const bob = await createUser(t, { name: 'Bob' }, [{ type: 'sms', address: phoneNumber() }]);
    const policy = await createPolicy(t, [
      { delayMinutes: 5, targets: [{ type: 'user', id: alice.id }] },
      { delayMinutes: 10, targets: [{ type: 'user', id: bob.id }] },
    ]);
    const { routingKey } = await createServiceWithEventsV2(t, policy.id);

    await post(routingKey, 'solo');
    await worker.drain(); // a batch of one: the one-transaction path

    const fireOne = jest.spyOn(engine as unknown as { fireOne: () => Promise<void> }, 'fireOne');
    const keys = Array.from({ length: 30 }, (_, i) => `many-${i}`);
    for (const key of keys) await post(routingKey, key);
    await worker.drain(); // 30 first steps: batches of 25 and 5
    expect(fireOne).not.toHaveBeenCalled();
    fireOne.mockRestore();

    const solo = (await footprint('solo')) as { timeline: { message: string }[] };
    expect(solo.timeline.map((e: { message: string }) => e.message).join('\n')).toMatch(/Alice/);
    for (const key of keys) expect(await footprint(key)).toEqual(solo);
    expect(channels.get('sms').sent.filter((p) => p.address === alice.contactMethods[0].address)).toHaveLength(31);

    // The next level, again all together: still the same as the solo incident.
    t.clock.advanceMinutes(5);
    await worker.drain();
    const soloLevel1 = await footprint('solo');
    for (const key of keys) expect(await footprint(key)).toEqual(soloLevel1);
    expect(channels.get('sms').sent.filter((p) => p.address === bob.contactMethods[0].address)).toHaveLength(31);
  });

  it('a batch mixing services and policies pages each incident by its own policy', async () => {
    const carol = await createUser(t, { name: 'Carol' }, [{ type: 'sms', address: phoneNumber() }]);
    const dave = await createUser(t, { name: 'Dave' }, [{ type: 'sms', address: phoneNumber() }]);
    const services = [
      await createServiceWithEventsV2(t, (await createPolicy(t, [{ delayMinutes: 5, targets: [{ type: 'user', id: carol.id }] }])).id),
      await createServiceWithEventsV2(t, (await createPolicy(t, [{ delayMinutes: 5, targets: [{ type: 'user', id: dave.id }] }])).id),
    ];
    for (let i = 0; i < 20; i++) await post(services[i % 2].routingKey, `mixed-${i}`);
    const loads = jest.spyOn(TargetDirectory.prototype, 'load');
    await worker.drain();
    // The 20 first steps fire together, and one load of their targets serves both policies.
    expect(loads).toHaveBeenCalledTimes(1);
    loads.mockRestore();
    const sent = channels.get('sms').sent;
    expect(sent.filter((p) => p.address === carol.contactMethods[0].address)).toHaveLength(10);
    expect(sent.filter((p) => p.address === dave.contactMethods[0].address)).toHaveLength(10);
    const wrong = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM notifications n JOIN incidents i ON i.id = n.incident_id
        WHERE i.dedup_key LIKE 'mixed-%' AND n.user_id <> CASE WHEN i.service_id = $1 THEN $2::uuid ELSE $3::uuid END`,
      [services[0].serviceId, carol.id, dave.id],
    );
    expect(wrong[0].n).toBe(0);
  });
});
