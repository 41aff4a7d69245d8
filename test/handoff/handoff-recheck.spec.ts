import { FakeWebhookReceiver } from '../fakes/fake-webhook-receiver';
import { WorkerService } from '../../src/worker/worker.service';
import { createSchedule, createUser, layerBody } from '../support/factories';
import { FakeClock } from '../support/fake-clock';
import { createTestApp, TestApp } from '../support/test-app';
import { handoffMessages, travel } from './handoff-world';

/**
 * A firing timer checks the schedule again, and each handoff is queued once,
 * at its instant, as an `oncall.handoff` webhook event, whether or not anyone
 * has a rule.
 */
describe('handoff timers re-check and the handoff event', () => {
  jest.setTimeout(60_000);
  let t: TestApp;
  let receiver: FakeWebhookReceiver;
  beforeAll(async () => {
    t = await createTestApp({ clock: new FakeClock('2027-06-01T00:00:00Z'), env: { KLAXON_WEBHOOK_ALLOW_PRIVATE: 'true' } });
    receiver = new FakeWebhookReceiver(() => t.clock.now());
    await receiver.start();
    await t.api().post('/api/v1/webhooks', { url: `${receiver.url}/handoffs`, events: ['oncall.handoff'] }).expect(201);
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.stop();
  });

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

    // The handoff event: once per change of hands, with who hands over and who takes over.
    const rows: { occurred_at: Date; body: string }[] = await t.dataSource.query(
      `SELECT occurred_at, body FROM webhook_events WHERE type = 'oncall.handoff' ORDER BY occurred_at`,
    );
    const name = (p: { id: string } | null) => (p === null ? null : p.id === ada.id ? 'ada' : 'bee');
    const events = rows.map((r) => JSON.parse(r.body)).filter((b) => b.data.schedule.id === schedule.id);
    expect(events.map((b) => [b.occurredAt, name(b.data.from), name(b.data.to), b.sequence])).toEqual([
      ['2027-06-01T12:00:00.000Z', 'ada', 'bee', null],
      ['2027-06-02T12:00:00.000Z', 'bee', 'ada', null],
      ['2027-06-03T12:00:00.000Z', 'ada', 'bee', null],
    ]);
    // And each reached the receiver once.
    expect(receiver.at('/handoffs').filter((r) => r.body.data.schedule.id === schedule.id).map((r) => r.body.occurredAt)).toEqual(events.map((b) => b.occurredAt));
    expect(events[0].data).toMatchObject({ schedule: { name: schedule.name }, from: { name: 'Ada' }, to: { name: 'Bee' }, until: '2027-06-02T12:00:00.000Z' });
  });
});
