import { HeartbeatsService } from '../../src/services/heartbeats.service';
import { WorkerService } from '../../src/worker/worker.service';
import { createPolicy, createServiceWithEventsV2, createUser, phoneNumber, trigger } from '../support/factories';
import { RecordingChannels } from '../support/recording-channels';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * Maintenance windows end to end (docs/maintenance.md): the real API, the
 * incident write path, the engine and the outbox on PostgreSQL, a fake clock
 * and recording channels. Workers are driven with drain(), never slept on.
 */
describe('maintenance windows', () => {
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
  const iso = (d: Date) => d.toISOString();
  const inMinutes = (m: number) => iso(new Date(t.clock.now().getTime() + m * 60_000));

  /** A service whose policy pages Alice at level 0 and Bob 5 minutes later. */
  async function setup(extra: { ackTimeoutMinutes?: number; slackChannelId?: string } = {}) {
    const alice = await createUser(t, { name: 'Alice' }, [{ type: 'sms', address: phoneNumber() }]);
    const bob = await createUser(t, { name: 'Bob' }, [{ type: 'sms', address: phoneNumber() }]);
    const policy = await createPolicy(t, [
      { delayMinutes: 5, targets: [{ type: 'user', id: alice.id }] },
      { delayMinutes: 5, targets: [{ type: 'user', id: bob.id }] },
    ]);
    const { serviceId, routingKey } = await createServiceWithEventsV2(t, policy.id, extra);
    return {
      serviceId,
      routingKey,
      alice: () => smsTo(alice.contactMethods[0].address),
      bob: () => smsTo(bob.contactMethods[0].address),
    };
  }

  async function openWindow(serviceIds: string[], endMinutes: number, startMinutes?: number): Promise<{ id: string }> {
    const body: Record<string, unknown> = { description: 'Deploy', end: inMinutes(endMinutes), serviceIds };
    if (startMinutes !== undefined) body.start = inMinutes(startMinutes);
    const res = await t.api().post('/api/v1/maintenance-windows', body).expect(201);
    return res.body;
  }

  async function incident(id: string) {
    return (await t.api().get(`/api/v1/incidents/${id}`).expect(200)).body;
  }

  it('an incident opened in a window never pages during it, and pages exactly once, from level 0, when the window ends', async () => {
    const s = await setup();
    const w = await openWindow([s.serviceId], 60);
    const opened = await trigger(t, s.routingKey, 'held-1');
    await worker.drain();
    expect(s.alice()).toHaveLength(0);
    const held = await incident(opened.id);
    expect(held).toMatchObject({ maintenance: true, maintenanceReleasedAt: null, status: 'triggered' });
    expect(held.timeline.map((e: { type: string }) => e.type)).toContain('maintenance-held');

    // A repeat during the window neither pages nor opens a second incident.
    await trigger(t, s.routingKey, 'held-1');
    t.clock.advanceMinutes(59);
    await worker.drain();
    expect(s.alice()).toHaveLength(0);
    expect(s.bob()).toHaveLength(0);

    t.clock.advanceMinutes(1); // the window ends
    const endedAt = t.clock.now();
    await worker.drain();
    expect(s.alice()).toHaveLength(1);
    expect(s.bob()).toHaveLength(0);
    const released = await incident(opened.id);
    expect(released.maintenanceReleasedAt).toBe(iso(endedAt));
    const entry = released.timeline.find((e: { type: string }) => e.type === 'maintenance-released');
    expect(entry.message).toContain('ended: escalation starts now');
    expect(entry.data).toEqual({ windowId: w.id });
    expect(entry.at).toBe(iso(endedAt));

    // Escalation runs from the release: level 1 comes 5 minutes after it, not at once.
    t.clock.advanceMinutes(4);
    await worker.drain();
    expect(s.bob()).toHaveLength(0);
    t.clock.advanceMinutes(1);
    await worker.drain();
    expect(s.alice()).toHaveLength(1);
    expect(s.bob()).toHaveLength(1);
    // The sweep pass after the end releases nothing twice.
    t.clock.advanceMinutes(1);
    await worker.drain();
    expect(s.alice()).toHaveLength(1);
  });

  it('pages exactly once when the window ended while the worker was down', async () => {
    const s = await setup();
    await openWindow([s.serviceId], 30);
    await trigger(t, s.routingKey, 'down-1');
    await worker.drain();
    t.clock.advanceMinutes(32); // the worker was down at the end: nothing drains until now
    const late = t.clock.now();
    await worker.drain();
    expect(s.alice()).toHaveLength(1);
    const list = await t.api().get(`/api/v1/incidents?serviceId=${s.serviceId}`).expect(200);
    expect(list.body.items[0].maintenanceReleasedAt).toBe(iso(late));
    t.clock.advanceMinutes(1);
    await worker.drain();
    expect(s.alice()).toHaveLength(1);
  });

  it('pages exactly once with two workers on one database, the end fired by one of them', async () => {
    const second = await createTestApp({ databaseUrl: t.db.url, clock: t.clock, override: channels.override() });
    try {
      const otherWorker = second.get(WorkerService);
      const s = await setup();
      await openWindow([s.serviceId], 20);
      for (let i = 0; i < 5; i++) await trigger(t, s.routingKey, `two-${i}`);
      await Promise.all([worker.drain(), otherWorker.drain()]);
      expect(s.alice()).toHaveLength(0);
      t.clock.advanceMinutes(25);
      await Promise.all([worker.drain(), otherWorker.drain()]);
      await Promise.all([worker.drain(), otherWorker.drain()]);
      expect(s.alice()).toHaveLength(5);
      const rows = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM incident_timeline tl JOIN incidents i ON i.id = tl.incident_id
          WHERE i.service_id = $1 AND tl.type = 'maintenance-released'`,
        [s.serviceId],
      );
      expect(rows[0].n).toBe(5);
    } finally {
      await second.close();
    }
  });

  it('incidents resolved or acknowledged during the window never page; their ack timeout does not run during the hold', async () => {
    const s = await setup({ ackTimeoutMinutes: 10 });
    await openWindow([s.serviceId], 60);
    const acked = await trigger(t, s.routingKey, 'ack-1');
    const resolved = await trigger(t, s.routingKey, 'res-1');
    await t.api('responder').post(`/api/v1/incidents/${acked.id}/acknowledge`, {}).expect(200);
    await t.api('responder').post(`/api/v1/incidents/${resolved.id}/resolve`, {}).expect(200);
    t.clock.advanceMinutes(30); // past the ack timeout, inside the window
    await worker.drain();
    expect((await incident(acked.id)).status).toBe('acknowledged');
    t.clock.advanceMinutes(40); // past the window's end
    await worker.drain();
    t.clock.advanceMinutes(60);
    await worker.drain();
    expect(s.alice()).toHaveLength(0);
    expect(s.bob()).toHaveLength(0);
    expect((await incident(acked.id)).maintenanceReleasedAt).toBeNull();
  });

  it('"escalate now" on a held incident starts its escalation at once, from level 0, during the window', async () => {
    const s = await setup();
    await openWindow([s.serviceId], 60);
    const opened = await trigger(t, s.routingKey, 'escalate-1');
    await t.api('responder').post(`/api/v1/incidents/${opened.id}/acknowledge`, {}).expect(200);
    t.clock.advanceMinutes(10);
    await worker.drain();
    expect(s.alice()).toHaveLength(0);
    await t.api('responder').post(`/api/v1/incidents/${opened.id}/escalate`, {}).expect(200);
    await worker.drain();
    expect(s.alice()).toHaveLength(1);
    expect(s.bob()).toHaveLength(0);
    const detail = await incident(opened.id);
    expect(detail.maintenanceReleasedAt).toBe(iso(t.clock.now()));
    t.clock.advanceMinutes(50);
    await worker.drain();
    expect(s.alice()).toHaveLength(1);
  });

  it('overlapping windows: a held incident is released only when the last one ends', async () => {
    const s = await setup();
    await openWindow([s.serviceId], 30);
    await openWindow([s.serviceId], 60);
    await trigger(t, s.routingKey, 'overlap-1');
    t.clock.advanceMinutes(30);
    await worker.drain();
    expect(s.alice()).toHaveLength(0);
    const svc = await t.api('readOnly').get(`/api/v1/services/${s.serviceId}`).expect(200);
    expect(svc.body.maintenance.until).toBe(inMinutes(30));
    t.clock.advanceMinutes(30);
    await worker.drain();
    expect(s.alice()).toHaveLength(1);
    expect((await t.api().get(`/api/v1/services/${s.serviceId}`).expect(200)).body.maintenance).toBeNull();
  });

  it('a window ended early releases its incidents at once; ending it again answers the window', async () => {
    const s = await setup();
    const w = await openWindow([s.serviceId], 120);
    await trigger(t, s.routingKey, 'early-1');
    t.clock.advanceMinutes(10);
    const ended = await t.api().post(`/api/v1/maintenance-windows/${w.id}/end`).expect(200);
    expect(ended.body).toMatchObject({ state: 'ended', endedAt: iso(t.clock.now()) });
    await worker.drain();
    expect(s.alice()).toHaveLength(1);
    await t.api().post(`/api/v1/maintenance-windows/${w.id}/end`).expect(200);
    // The planned end passes later: nothing pages again.
    t.clock.advanceMinutes(120);
    await worker.drain();
    expect(s.alice()).toHaveLength(1);
  });

  it('a scheduled window does not affect incidents opened before it starts', async () => {
    const s = await setup();
    const w = await openWindow([s.serviceId], 120, 60);
    expect((await t.api().get(`/api/v1/maintenance-windows/${w.id}`).expect(200)).body.state).toBe('upcoming');
    const opened = await trigger(t, s.routingKey, 'before-1');
    await worker.drain();
    expect(s.alice()).toHaveLength(1);
    expect((await incident(opened.id)).maintenance).toBe(false);
  });

  it('incidents open before a window keep escalating during it', async () => {
    const s = await setup();
    await trigger(t, s.routingKey, 'open-before-1');
    await worker.drain();
    expect(s.alice()).toHaveLength(1);
    await openWindow([s.serviceId], 60);
    t.clock.advanceMinutes(5);
    await worker.drain();
    expect(s.bob()).toHaveLength(1);
  });

  it('holds an incident opened by a missed heartbeat like any other', async () => {
    const s = await setup();
    await t.api().post(`/api/v1/services/${s.serviceId}/heartbeats`, { name: 'nightly backup', intervalMinutes: 30 }).expect(201);
    await openWindow([s.serviceId], 90);
    expect(await t.get(HeartbeatsService).checkOverdue(t.clock.advanceMinutes(31))).toBe(1);
    await worker.drain();
    expect(s.alice()).toHaveLength(0);
    const list = await t.api().get(`/api/v1/incidents?serviceId=${s.serviceId}`).expect(200);
    expect(list.body.items[0]).toMatchObject({ maintenance: true, status: 'triggered' });
    t.clock.advanceMinutes(59);
    await worker.drain();
    expect(s.alice()).toHaveLength(1);
  });

  it('holds the Slack channel post until the release', async () => {
    const s = await setup({ slackChannelId: 'C0MAINT01' });
    await openWindow([s.serviceId], 15);
    const opened = await trigger(t, s.routingKey, 'slack-1');
    await worker.drain();
    const posts = () =>
      t.dataSource.query(`SELECT due_at FROM notifications WHERE incident_id = $1 AND channel = 'slack' AND user_id IS NULL`, [opened.id]);
    expect(await posts()).toHaveLength(0);
    t.clock.advanceMinutes(15);
    await worker.drain();
    const rows = await posts();
    expect(rows).toHaveLength(1);
    expect(iso(rows[0].due_at)).toBe(iso(t.clock.now()));
    // The channel message says the incident was held by a window, and until when.
    const post = channels.get('slack').sent.find((p) => p.address === 'C0MAINT01');
    expect(post?.content.maintenanceReleasedAt).toBe(iso(t.clock.now()));
  });

  it('checks its input and its rules, naming the field', async () => {
    const s = await setup();
    const tooLong = await t.api().post('/api/v1/maintenance-windows', { description: 'x', end: inMinutes(31 * 24 * 60), serviceIds: [s.serviceId] }).expect(400);
    expect(tooLong.body.errors).toEqual([{ field: 'end', message: 'must be at most 30 days after start' }]);
    const backwards = await t.api().post('/api/v1/maintenance-windows', { description: 'x', start: inMinutes(10), end: inMinutes(5), serviceIds: [s.serviceId] }).expect(400);
    expect(backwards.body.errors[0].field).toBe('end');
    const noEnd = await t.api().post('/api/v1/maintenance-windows', { description: 'x', serviceIds: [s.serviceId] }).expect(400);
    expect(JSON.stringify(noEnd.body)).toContain('end');
    const unknown = '00000000-0000-4000-8000-000000000000';
    const missing = await t.api().post('/api/v1/maintenance-windows', { description: 'x', end: inMinutes(5), serviceIds: [unknown] }).expect(400);
    expect(missing.body.errors).toEqual([{ field: 'serviceIds', message: `no such service: ${unknown}` }]);
    await t.api('responder').post('/api/v1/maintenance-windows', { description: 'x', end: inMinutes(5), serviceIds: [s.serviceId] }).expect(403);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM maintenance_windows mw JOIN maintenance_window_services ws ON ws.window_id = mw.id WHERE ws.service_id = $1`, [s.serviceId]);
    expect(n).toBe(0);
  });

  it('edits and deletes a window only before it starts', async () => {
    const s = await setup();
    const w = await openWindow([s.serviceId], 120, 30);
    const edited = await t.api().patch(`/api/v1/maintenance-windows/${w.id}`, { end: inMinutes(90), description: 'Deploy v2' }).expect(200);
    expect(edited.body).toMatchObject({ end: inMinutes(90), description: 'Deploy v2', serviceIds: [s.serviceId] });
    await t.api().patch(`/api/v1/maintenance-windows/${w.id}`, { end: inMinutes(31 * 24 * 60) }).expect(400);
    const nulls = await t.api().patch(`/api/v1/maintenance-windows/${w.id}`, { description: null, end: null }).expect(400);
    expect([...new Set(nulls.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual(['description', 'end']);
    await t.api().post(`/api/v1/maintenance-windows/${w.id}/end`).expect(409);
    t.clock.advanceMinutes(30); // started
    const late = await t.api().patch(`/api/v1/maintenance-windows/${w.id}`, { description: 'too late' }).expect(409);
    expect(late.body.message).toContain('has started');
    await t.api().delete(`/api/v1/maintenance-windows/${w.id}`).expect(409);
    const active = await t.api('readOnly').get(`/api/v1/maintenance-windows?state=active&serviceId=${s.serviceId}`).expect(200);
    expect(active.body.items.map((x: { id: string }) => x.id)).toEqual([w.id]);
    // The edited end holds incidents until 60 minutes from now, not the original 90 minutes.
    await trigger(t, s.routingKey, 'edited-1');
    t.clock.advanceMinutes(60);
    await worker.drain();
    expect(s.alice()).toHaveLength(1);

    const upcoming = await openWindow([s.serviceId], 120, 60);
    await t.api().delete(`/api/v1/maintenance-windows/${upcoming.id}`).expect(204);
    await t.api().get(`/api/v1/maintenance-windows/${upcoming.id}`).expect(404);
  });

  it('records window changes in the audit log', async () => {
    const s = await setup();
    const w = await openWindow([s.serviceId], 60);
    await t.api().post(`/api/v1/maintenance-windows/${w.id}/end`).expect(200);
    const audit = await t.api().get(`/api/v1/audit-log?resourceType=maintenance-window&resourceId=${w.id}`).expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action).sort()).toEqual(['create', 'end']);
  });
});
