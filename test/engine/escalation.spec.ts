import { WorkerService } from '../../src/worker/worker.service';
import { createPolicy, createServiceWithEventsV2, createUser, phoneNumber, trigger } from '../support/factories';
import { RecordingChannels } from '../support/recording-channels';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * End to end through the real HTTP API, the real engine and outbox on
 * PostgreSQL, with recording channels and a fake clock: post an alert, move
 * the clock, and read what was paged, level by level and loop by loop.
 */
describe('escalation engine end to end', () => {
  let t: TestApp;
  let worker: WorkerService;
  const channels = new RecordingChannels();

  beforeAll(async () => {
    t = await createTestApp({ override: channels.override() });
    worker = t.get(WorkerService);
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => channels.clear());

  const smsTo = (addr: string) => channels.get('sms').sent.filter((p) => p.address === addr);

  it('pages level 0 at once, then each level after its delay, loops, and exhausts', async () => {
    const alice = await createUser(t, { name: 'Alice' }, [{ type: 'sms', address: phoneNumber() }]);
    const bob = await createUser(t, { name: 'Bob' }, [{ type: 'sms', address: phoneNumber() }]);
    const policy = await createPolicy(
      t,
      [
        { delayMinutes: 5, targets: [{ type: 'user', id: alice.id }] },
        { delayMinutes: 10, targets: [{ type: 'user', id: bob.id }] },
      ],
      1,
    );
    const { routingKey } = await createServiceWithEventsV2(t, policy.id);
    const incident = await trigger(t, routingKey, 'loop-1');

    await worker.drain();
    expect(smsTo(alice.contactMethods[0].address)).toHaveLength(1);
    expect(smsTo(bob.contactMethods[0].address)).toHaveLength(0);

    t.clock.advanceMinutes(4);
    await worker.drain();
    expect(smsTo(bob.contactMethods[0].address)).toHaveLength(0);

    t.clock.advanceMinutes(1); // 5 minutes: level 1
    await worker.drain();
    expect(smsTo(bob.contactMethods[0].address)).toHaveLength(1);

    t.clock.advanceMinutes(10); // level 1 timed out: loop 1 starts at level 0
    await worker.drain();
    expect(smsTo(alice.contactMethods[0].address)).toHaveLength(2);

    t.clock.advanceMinutes(5);
    await worker.drain();
    expect(smsTo(bob.contactMethods[0].address)).toHaveLength(2);

    t.clock.advanceMinutes(10); // last level of the last loop timed out: exhausted
    await worker.drain();
    t.clock.advanceMinutes(60);
    await worker.drain();
    expect(smsTo(alice.contactMethods[0].address)).toHaveLength(2);
    expect(smsTo(bob.contactMethods[0].address)).toHaveLength(2);

    const detail = await t.api().get(`/api/v1/incidents/${incident.id}`).expect(200);
    const types = detail.body.timeline.map((e: { type: string }) => e.type);
    expect(types).toContain('exhausted');
    // People read the timeline: it names who was paged.
    expect(detail.body.timeline.find((e: { type: string }) => e.type === 'notified').message).toContain('Alice');
    expect(detail.body).toMatchObject({ level: 1, loop: 1 });
    const sent = detail.body.timeline.filter((e: { type: string; data?: { outcome?: string } }) => e.type === 'notification');
    expect(sent).toHaveLength(4);
    expect(sent[0].data).toMatchObject({ userId: alice.id, level: 0, loop: 0, channel: 'sms', outcome: 'sent', provider: 'log' });
  });

  it('acknowledge stops the next level and every pending notification rule', async () => {
    const carol = await createUser(t, {}, [{ type: 'sms', address: phoneNumber() }, { type: 'email', address: 'carol@example.com' }]);
    const dave = await createUser(t, {}, [{ type: 'sms', address: phoneNumber() }]);
    // Carol's email rule fires 3 minutes after she is paged.
    const emailCm = carol.contactMethods[1];
    await t.api().delete(`/api/v1/users/${carol.id}/notification-rules/${(await ruleFor(carol.id, emailCm.id)).id}`).expect(204);
    await t.api().post(`/api/v1/users/${carol.id}/notification-rules`, { contactMethodId: emailCm.id, delayMinutes: 3 }).expect(201);
    const policy = await createPolicy(t, [
      { delayMinutes: 5, targets: [{ type: 'user', id: carol.id }] },
      { delayMinutes: 5, targets: [{ type: 'user', id: dave.id }] },
    ]);
    const { routingKey } = await createServiceWithEventsV2(t, policy.id);
    const incident = await trigger(t, routingKey, 'ack-1');
    await worker.drain();
    expect(smsTo(carol.contactMethods[0].address)).toHaveLength(1);

    t.clock.advanceMinutes(1);
    await t.api('responder').post(`/api/v1/incidents/${incident.id}/acknowledge`, {}).expect(200);
    t.clock.advanceMinutes(30);
    await worker.drain();
    expect(channels.get('email').sent).toHaveLength(0);
    expect(smsTo(dave.contactMethods[0].address)).toHaveLength(0);
    const rows = await t.dataSource.query(`SELECT state, count(*)::int AS n FROM notifications WHERE incident_id = $1 GROUP BY state`, [incident.id]);
    expect(Object.fromEntries(rows.map((r: { state: string; n: number }) => [r.state, r.n]))).toEqual({ sent: 1, cancelled: 1 });
  });

  it('escalates at once past a level whose targets resolve to nobody, and says so', async () => {
    const nobody = await createUser(t); // no contact methods
    const erin = await createUser(t, {}, [{ type: 'voice', address: phoneNumber() }]);
    const policy = await createPolicy(t, [
      { delayMinutes: 15, targets: [{ type: 'user', id: nobody.id }] },
      { delayMinutes: 15, targets: [{ type: 'user', id: erin.id }] },
    ]);
    expect(policy.warnings.map((w) => w.code)).toContain('user-unreachable');
    const { routingKey } = await createServiceWithEventsV2(t, policy.id);
    const incident = await trigger(t, routingKey, 'skip-1');
    await worker.drain();
    expect(channels.get('voice').sent.map((p) => p.address)).toEqual([erin.contactMethods[0].address]);
    const detail = await t.api().get(`/api/v1/incidents/${incident.id}`).expect(200);
    expect(detail.body.timeline.map((e: { type: string }) => e.type)).toContain('user-unreachable');
  });

  it('manual escalate pages the next level now; resolve stops everything', async () => {
    const f = await createUser(t, {}, [{ type: 'slack', address: 'U0FRANK1' }]);
    const g = await createUser(t, {}, [{ type: 'slack', address: 'U0GRACE1' }]);
    const policy = await createPolicy(t, [
      { delayMinutes: 30, targets: [{ type: 'user', id: f.id }] },
      { delayMinutes: 30, targets: [{ type: 'user', id: g.id }] },
    ]);
    const { routingKey } = await createServiceWithEventsV2(t, policy.id);
    const incident = await trigger(t, routingKey, 'manual-1');
    await worker.drain();
    await t.api('responder').post(`/api/v1/incidents/${incident.id}/escalate`, { note: 'need Grace' }).expect(200);
    await worker.drain();
    expect(channels.get('slack').sent.map((p) => p.address)).toEqual(['U0FRANK1', 'U0GRACE1']);
    await t.api().post(`/api/v1/incidents/${incident.id}/resolve`, {}).expect(200);
    t.clock.advanceMinutes(120);
    await worker.drain();
    expect(channels.get('slack').sent).toHaveLength(2);
  });

  it('returns an acknowledged incident to triggered after ackTimeoutMinutes and restarts at level 0', async () => {
    const h = await createUser(t, {}, [{ type: 'sms', address: phoneNumber() }]);
    const policy = await createPolicy(t, [{ delayMinutes: 10, targets: [{ type: 'user', id: h.id }] }]);
    const { routingKey } = await createServiceWithEventsV2(t, policy.id, { ackTimeoutMinutes: 20 });
    const incident = await trigger(t, routingKey, 'ackto-1');
    await worker.drain();
    await t.api().post(`/api/v1/incidents/${incident.id}/acknowledge`, {}).expect(200);
    t.clock.advanceMinutes(19);
    await worker.drain();
    expect(smsTo(h.contactMethods[0].address)).toHaveLength(1);
    t.clock.advanceMinutes(1);
    await worker.drain();
    expect(smsTo(h.contactMethods[0].address)).toHaveLength(2);
    const detail = await t.api().get(`/api/v1/incidents/${incident.id}`).expect(200);
    expect(detail.body.status).toBe('triggered');
  });

  /** An incident `key` of a service that resolves its incidents after 30 minutes without an alert, its escalation started. */
  async function autoResolving(key: string) {
    const i = await createUser(t, {}, [{ type: 'email', address: 'ivy@example.com' }]);
    const policy = await createPolicy(t, [{ delayMinutes: 60, targets: [{ type: 'user', id: i.id }] }]);
    const { routingKey } = await createServiceWithEventsV2(t, policy.id, { autoResolveMinutes: 30 });
    const incident = await trigger(t, routingKey, key);
    await worker.drain();
    return { routingKey, incident };
  }

  it('resolves an incident with no new alert for autoResolveMinutes', async () => {
    const { routingKey, incident } = await autoResolving('auto-1');
    t.clock.advanceMinutes(20);
    await trigger(t, routingKey, 'auto-1'); // a new alert resets the auto-resolve clock
    t.clock.advanceMinutes(20);
    await worker.drain();
    expect((await t.api().get(`/api/v1/incidents/${incident.id}`)).body.status).not.toBe('resolved');
    t.clock.advanceMinutes(10);
    await worker.drain();
    expect((await t.api().get(`/api/v1/incidents/${incident.id}`)).body.status).toBe('resolved');
  });

  it('a repeat while a burst is open (it writes its alert alone) resets the auto-resolve clock too, and is the incident\'s last alert', async () => {
    const { routingKey, incident } = await autoResolving('auto-2');
    t.clock.advanceMinutes(20);
    await trigger(t, routingKey, 'auto-2'); // starts the burst: the incident row's last alert moves
    const burstAt = t.clock.now();
    t.clock.advanceMinutes(20);
    await trigger(t, routingKey, 'auto-2'); // counted on the alert alone
    const [row] = await t.dataSource.query(`SELECT last_alert_at FROM incidents WHERE id = $1`, [incident.id]);
    expect(row.last_alert_at).toEqual(burstAt);
    const repeatedAt = t.clock.now().toISOString();
    expect((await t.api().get(`/api/v1/incidents/${incident.id}`)).body).toMatchObject({ lastAlertAt: repeatedAt, updatedAt: repeatedAt });
    t.clock.advanceMinutes(20); // 40 minutes after the row's last alert, 20 after the alert's
    await worker.drain();
    expect((await t.api().get(`/api/v1/incidents/${incident.id}`)).body.status).not.toBe('resolved');
    t.clock.advanceMinutes(10);
    await worker.drain();
    expect((await t.api().get(`/api/v1/incidents/${incident.id}`)).body.status).toBe('resolved');
  });

  it('keeps the policy snapshot taken when the incident started', async () => {
    const j = await createUser(t, {}, [{ type: 'sms', address: phoneNumber() }]);
    const k = await createUser(t, {}, [{ type: 'sms', address: phoneNumber() }]);
    const policy = await createPolicy(t, [
      { delayMinutes: 5, targets: [{ type: 'user', id: j.id }] },
      { delayMinutes: 5, targets: [{ type: 'user', id: j.id }] },
    ]);
    const { routingKey } = await createServiceWithEventsV2(t, policy.id);
    await trigger(t, routingKey, 'snap-1');
    await worker.drain();
    const live = await t.api().get(`/api/v1/escalation-policies/${policy.id}`).expect(200);
    await t
      .api()
      .put(`/api/v1/escalation-policies/${policy.id}`, {
        name: live.body.name,
        repeat: 0,
        levels: [
          { delayMinutes: 5, targets: [{ type: 'user', id: k.id }] },
          { delayMinutes: 5, targets: [{ type: 'user', id: k.id }] },
        ],
      })
      .expect(200);
    t.clock.advanceMinutes(5);
    await worker.drain();
    expect(smsTo(j.contactMethods[0].address)).toHaveLength(2);
    expect(smsTo(k.contactMethods[0].address)).toHaveLength(0);
  });

  async function ruleFor(userId: string, contactMethodId: string): Promise<{ id: string }> {
    const u = await t.api().get(`/api/v1/users/${userId}`).expect(200);
    return u.body.notificationRules.find((r: { contactMethodId: string }) => r.contactMethodId === contactMethodId);
  }
});
