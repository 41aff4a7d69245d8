import { WorkerService } from '../../src/worker/worker.service';
import { createPolicy, createSchedule, createServiceWithEventsV2, createUser, layerBody, phoneNumber, trigger } from '../support/factories';
import { RecordingChannels } from '../support/recording-channels';
import { createTestApp, TestApp } from '../support/test-app';

describe('escalation policies and /oncall (real PostgreSQL)', () => {
  let t: TestApp;
  const channels = new RecordingChannels();
  beforeAll(async () => {
    // Monday 2026-03-02 15:00 New York: inside the weekday 09:00-17:00 window used below.
    t = await createTestApp({ override: channels.override() });
    t.clock.set('2026-03-02T20:00:00.000Z');
  });
  afterAll(async () => {
    await t.close();
  });

  it('names each bad field', async () => {
    const u = await createUser(t, {}, [{ type: 'sms', address: phoneNumber() }]);
    const res = await t
      .api()
      .post('/api/v1/escalation-policies', {
        name: 'Bad',
        repeat: 10,
        levels: [
          { delayMinutes: 0, targets: [{ type: 'user', id: u.id }] },
          { delayMinutes: 5, targets: [{ type: 'team', id: u.id }] },
        ],
      })
      .expect(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['repeat', 'levels.0.delayMinutes', 'levels.1.targets.0.type']));
    const missing = await t
      .api()
      .post('/api/v1/escalation-policies', {
        name: 'Ghost',
        repeat: 0,
        levels: [{ delayMinutes: 5, targets: [{ type: 'user', id: '00000000-0000-4000-8000-000000000000' }, { type: 'schedule', id: '00000000-0000-4000-8000-000000000001' }] }],
      })
      .expect(400);
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual(['levels.0.targets.0.id', 'levels.0.targets.1.id']);
    await t.api('readOnly').post('/api/v1/escalation-policies', { name: 'x', repeat: 0, levels: [{ delayMinutes: 1, targets: [] }] }).expect(403);
  });

  it('warns about targets that cannot be reached, without refusing the policy', async () => {
    const mute = await createUser(t); // no contact method
    const weekdays = await createSchedule(t, {
      layers: [layerBody([mute.id], { restrictions: [{ type: 'daily', startTime: '09:00', endTime: '17:00' }] })],
    });
    const policy = await createPolicy(t, [
      { delayMinutes: 5, targets: [{ type: 'user', id: mute.id }] },
      { delayMinutes: 5, targets: [{ type: 'schedule', id: weekdays.id }] },
      { delayMinutes: 5, targets: [] },
    ]);
    // The schedule's rotation user is the unreachable user again: level 2 warns about that too.
    expect((policy.warnings as { code: string; level: number }[]).map((w) => [w.level, w.code])).toEqual([
      [0, 'user-unreachable'],
      [1, 'schedule-gap'],
      [1, 'user-unreachable'],
      [2, 'empty-level'],
    ]);
  });

  it('warns, on every policy paging a schedule, about unreachable users its current and future overrides put on call', async () => {
    const ok = await createUser(t, {}, [{ type: 'sms', address: phoneNumber() }]);
    const mute = await createUser(t); // no contact method
    const disabled = await createUser(t, {}, [{ type: 'email', address: `off-${Date.now()}@example.com` }]);
    await t.api().patch(`/api/v1/users/${disabled.id}/contact-methods/${disabled.contactMethods[0].id}`, { enabled: false }).expect(200);
    const ruleless = await createUser(t);
    await t.api().post(`/api/v1/users/${ruleless.id}/contact-methods`, { type: 'sms', address: phoneNumber(), defaultRule: false }).expect(201);
    const schedule = await createSchedule(t, { layers: [layerBody([ok.id])] });
    const paging = [{ delayMinutes: 5, targets: [{ type: 'schedule' as const, id: schedule.id }] }];
    const first = await createPolicy(t, paging);
    const second = await createPolicy(t, [{ delayMinutes: 5, targets: [{ type: 'user', id: ok.id }] }, ...paging]);
    const warningsOf = async (id: string) =>
      (await t.api('readOnly').get(`/api/v1/escalation-policies/${id}`).expect(200)).body.warnings as { code: string; level: number; target: unknown; message: string }[];
    expect(await warningsOf(first.id)).toEqual([]);

    // now = 2026-03-02T20:00Z: one override ended, one running, one 40 days ahead, one by a user paged without rules.
    const override = (userId: string, start: string, end: string) =>
      t.api('responder').post(`/api/v1/schedules/${schedule.id}/overrides`, { userId, start, end }).expect(201);
    await override(mute.id, '2026-02-01T00:00:00Z', '2026-02-02T00:00:00Z');
    const running = await override(mute.id, '2026-03-02T19:00:00Z', '2026-03-02T21:00:00Z');
    const ahead = await override(disabled.id, '2026-04-11T00:00:00Z', '2026-04-12T00:00:00Z');
    await override(ruleless.id, '2026-03-05T00:00:00Z', '2026-03-06T00:00:00Z');

    const expected = (level: number) => [
      expect.objectContaining({ code: 'user-unreachable', level, target: { type: 'schedule', id: schedule.id }, message: expect.stringContaining(mute.id) }),
      expect.objectContaining({ code: 'user-unreachable', level, target: { type: 'schedule', id: schedule.id }, message: expect.stringContaining(disabled.id) }),
    ];
    expect(await warningsOf(first.id)).toEqual(expected(0));
    expect(await warningsOf(second.id)).toEqual(expected(1));
    const listed = (await t.api('readOnly').get('/api/v1/escalation-policies?limit=500').expect(200)).body.items;
    expect(listed.find((p: { id: string }) => p.id === first.id).warnings).toEqual(expected(0));

    await t.api('responder').delete(`/api/v1/schedules/${schedule.id}/overrides/${running.body.id}`).expect(204);
    await t.api('responder').delete(`/api/v1/schedules/${schedule.id}/overrides/${ahead.body.id}`).expect(204);
    expect(await warningsOf(first.id)).toEqual([]);
  });

  it('refuses to delete a user or a schedule that a policy still pages (409 listing the policy)', async () => {
    const u = await createUser(t, {}, [{ type: 'email', address: 'kept@example.com' }]);
    const schedule = await createSchedule(t, { layers: [layerBody([u.id])] });
    const policy = await createPolicy(t, [{ delayMinutes: 5, targets: [{ type: 'schedule', id: schedule.id }] }]);
    const direct = await createPolicy(t, [{ delayMinutes: 5, targets: [{ type: 'user', id: u.id }] }]);
    const userRes = await t.api().delete(`/api/v1/users/${u.id}`).expect(409);
    expect(JSON.stringify(userRes.body)).toContain(direct.id);
    const schedRes = await t.api().delete(`/api/v1/schedules/${schedule.id}`).expect(409);
    expect(schedRes.body.references.map((r: { id: string }) => r.id)).toEqual([policy.id]);
    await t.api().delete(`/api/v1/escalation-policies/${policy.id}`).expect(204);
    await t.api().delete(`/api/v1/schedules/${schedule.id}`).expect(204);
  });

  it('refuses to delete a policy that a service uses', async () => {
    const u = await createUser(t, {}, [{ type: 'sms', address: phoneNumber() }]);
    const policy = await createPolicy(t, [{ delayMinutes: 5, targets: [{ type: 'user', id: u.id }] }]);
    await createServiceWithEventsV2(t, policy.id);
    await t.api().delete(`/api/v1/escalation-policies/${policy.id}`).expect(409);
  });

  it('answers who each policy pages at an instant, and pages the schedule’s user of that moment', async () => {
    const a = await createUser(t, {}, [{ type: 'sms', address: phoneNumber() }]);
    const b = await createUser(t, {}, [{ type: 'sms', address: phoneNumber() }]);
    // Daily rotation handing off at 09:00 New York: a on 2026-03-02, b on 2026-03-03.
    const schedule = await createSchedule(t, {
      layers: [layerBody([a.id, b.id], { rotation: { unit: 'day', length: 1, handoff: '2026-03-02T09:00:00-05:00' } })],
    });
    const policy = await createPolicy(t, [{ delayMinutes: 5, targets: [{ type: 'schedule', id: schedule.id }] }]);
    const res = await t.api().get('/api/v1/oncall?at=2026-03-03T10:00:00-05:00').expect(200);
    const mine = res.body.items.filter((i: { escalationPolicyId: string }) => i.escalationPolicyId === policy.id);
    expect(mine).toEqual([
      {
        escalationPolicyId: policy.id,
        level: 0,
        scheduleId: schedule.id,
        userId: b.id,
        userName: b.name,
        start: '2026-03-03T14:00:00.000Z',
        end: '2026-03-04T14:00:00.000Z',
        timeZone: 'America/New_York',
        startLocal: '2026-03-03T09:00:00.000-05:00',
        endLocal: '2026-03-04T09:00:00.000-05:00',
      },
    ]);
    const direct = await createPolicy(t, [{ delayMinutes: 5, targets: [{ type: 'user', id: a.id }] }]);
    const named = (await t.api('readOnly').get('/api/v1/oncall?at=2026-03-03T10:00:00-05:00').expect(200)).body.items;
    expect(named.filter((i: { escalationPolicyId: string }) => i.escalationPolicyId === direct.id)).toEqual([
      { escalationPolicyId: direct.id, level: 0, scheduleId: null, userId: a.id, userName: a.name, start: null, end: null, timeZone: null, startLocal: null, endLocal: null },
    ]);
    await t.api().get('/api/v1/oncall?at=yesterday').expect(400);

    const { routingKey } = await createServiceWithEventsV2(t, policy.id);
    channels.clear();
    await trigger(t, routingKey, 'oncall-page'); // now = 2026-03-02 15:00 New York: a's turn
    await t.get(WorkerService).drain();
    expect(channels.get('sms').sent.map((p) => p.address)).toEqual([a.contactMethods[0].address]);
  });

  it('pages the override user of the moment, whatever overrides lie far in the past or future', async () => {
    const a = await createUser(t, {}, [{ type: 'sms', address: phoneNumber() }]);
    const c = await createUser(t, {}, [{ type: 'sms', address: phoneNumber() }]);
    const schedule = await createSchedule(t, { layers: [layerBody([a.id])] });
    const override = (start: string, end: string, userId: string) =>
      t.api().post(`/api/v1/schedules/${schedule.id}/overrides`, { userId, start, end }).expect(201);
    await override('2026-01-10T00:00:00Z', '2026-01-11T00:00:00Z', c.id); // long past
    await override('2026-03-02T19:00:00Z', '2026-03-02T21:00:00Z', c.id); // now (20:00Z)
    await override('2026-09-01T00:00:00Z', '2026-09-02T00:00:00Z', a.id); // far ahead
    const policy = await createPolicy(t, [{ delayMinutes: 5, targets: [{ type: 'schedule', id: schedule.id }] }]);
    const { routingKey } = await createServiceWithEventsV2(t, policy.id);
    channels.clear();
    await trigger(t, routingKey, 'override-page');
    await t.get(WorkerService).drain();
    expect(channels.get('sms').sent.map((p) => p.address)).toEqual([c.contactMethods[0].address]);
  });
});
