import type { EntityManager } from 'typeorm';
import { HandoffEvent, HandoffEvents } from '../../src/handoff/handoff-events';
import { WorkerService } from '../../src/worker/worker.service';
import { createSchedule, createUser, layerBody } from '../support/factories';
import { FakeClock } from '../support/fake-clock';
import { createTestApp, TestApp } from '../support/test-app';
import { handoffMessages, travel } from './handoff-world';

/**
 * A firing timer checks the schedule again, and the handoff listeners hear
 * each handoff once, at its instant, whether or not anyone has a rule.
 */
describe('handoff timers re-check and the handoff event', () => {
  jest.setTimeout(60_000);
  let t: TestApp;
  const events: HandoffEvent[] = [];
  beforeAll(async () => {
    t = await createTestApp({ clock: new FakeClock('2027-06-01T00:00:00Z') });
    t.get(HandoffEvents).register({
      handoffHappened: async (_em: EntityManager, e: HandoffEvent) => {
        events.push(e);
      },
    });
  });
  afterAll(() => t?.close());

  it('sends nothing for a timer whose edge is no longer in the schedule', async () => {
    const ada = await createUser(t, { name: 'Ada' }, [{ type: 'email', address: 'ada-recheck@example.com' }]);
    const bee = await createUser(t, { name: 'Bee' });
    const schedule = await createSchedule(t, {
      timeZone: 'UTC',
      layers: [layerBody([ada.id, bee.id], { start: '2027-05-31T00:00:00Z', rotation: { unit: 'day', length: 1, handoff: '2027-05-31T12:00:00Z' } })],
    });
    const rule = await t.api().post(`/api/v1/users/${ada.id}/handoff-rules`, { contactMethodId: ada.contactMethods[0].id, handoffType: 'both', advanceMinutes: 0 }).expect(201);
    // A timer for an instant at which Ada's shift neither starts nor ends (as a timer planned before an edit would be).
    await t.dataSource.query(
      `INSERT INTO handoff_timers (kind, schedule_id, rule_id, user_id, edge_type, edge_at, due_at) VALUES ('rule', $1, $2, $3, 'oncall', $4, $4)`,
      [schedule.id, rule.body.id, ada.id, '2027-06-01T06:00:00Z'],
    );
    await travel(t.dataSource, t.clock, () => t.get(WorkerService).drain(), new Date('2027-06-03T13:00:00Z'));
    const sent = await handoffMessages(t.dataSource);
    expect(sent.map((m) => [m.kind, m.dueAt])).toEqual([
      ['offcall', '2027-06-01T12:00:00.000Z'],
      ['oncall', '2027-06-02T12:00:00.000Z'],
      ['offcall', '2027-06-03T12:00:00.000Z'],
    ]);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM handoff_timers WHERE edge_at = '2027-06-01T06:00:00Z'`);
    expect(n).toBe(0);

    // The handoff event: once per user and instant, going off call before going on call.
    expect(events.filter((e) => e.scheduleId === schedule.id).map((e) => [e.at.toISOString(), e.type, e.userId === ada.id ? 'ada' : 'bee'])).toEqual([
      ['2027-06-01T12:00:00.000Z', 'offcall', 'ada'],
      ['2027-06-01T12:00:00.000Z', 'oncall', 'bee'],
      ['2027-06-02T12:00:00.000Z', 'offcall', 'bee'],
      ['2027-06-02T12:00:00.000Z', 'oncall', 'ada'],
      ['2027-06-03T12:00:00.000Z', 'offcall', 'ada'],
      ['2027-06-03T12:00:00.000Z', 'oncall', 'bee'],
    ]);
  });
});
