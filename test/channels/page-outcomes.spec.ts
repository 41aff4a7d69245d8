import { randomUUID } from 'node:crypto';
import { NotificationsRepository, type ClaimedPage } from '../../src/notifications/notifications.repository';
import { PageOutcomesWriter } from '../../src/notifications/page-outcomes.writer';
import { createPolicy, createServiceWithEventsV2, createUser, phoneNumber, trigger } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * PageOutcomesWriter: the outcomes of sends that finish together are written in
 * one transaction (one UPDATE, one INSERT of timeline entries), each caller
 * answered after that commit; a row another worker took over keeps its outcome;
 * a failed batch is written again one outcome at a time.
 */
describe('page outcomes in batches', () => {
  let t: TestApp;
  let writer: PageOutcomesWriter;
  let incidentId: string;

  beforeAll(async () => {
    t = await createTestApp();
    writer = t.get(PageOutcomesWriter);
    const user = await createUser(t, { name: 'Olga' });
    const policy = await createPolicy(t, [{ delayMinutes: 60, targets: [{ type: 'user', id: user.id }] }]);
    const { routingKey } = await createServiceWithEventsV2(t, policy.id);
    incidentId = (await trigger(t, routingKey, `outcomes-${randomUUID()}`)).id;
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  /** A page of the incident claimed by this worker (state `sending`, first attempt). */
  async function claimedPage(state = 'sending'): Promise<ClaimedPage> {
    const address = phoneNumber();
    const [row] = await t.dataSource.query(
      `INSERT INTO notifications (incident_id, idempotency_key, level, loop, channel, address, due_at, state, attempts, claimed_by)
       VALUES ($1, $2, 0, 0, 'sms', $3, $4, $5, 1, 'test-worker') RETURNING id, due_at`,
      [incidentId, randomUUID(), address, t.clock.now(), state],
    );
    return {
      id: row.id, incidentId, userId: null, contactMethodId: null, level: 0, loop: 0, channel: 'sms', address,
      attempts: 1, bundledCount: 0, dueAt: row.due_at,
    };
  }

  async function stateOf(id: string): Promise<{ state: string; provider_message_id: string | null; claimed_by: string | null }> {
    const [row] = await t.dataSource.query(`SELECT state, provider_message_id, claimed_by FROM notifications WHERE id = $1`, [id]);
    return row;
  }

  async function timelineOf(id: string): Promise<{ message: string; data: Record<string, unknown> }[]> {
    return t.dataSource.query(
      `SELECT message, data FROM incident_timeline WHERE type = 'notification' AND data->>'notificationId' = $1 ORDER BY seq`,
      [id],
    );
  }

  it('writes outcomes that finish in one turn in one UPDATE, with their timeline entries, and answers each after the commit', async () => {
    const batches = jest.spyOn(NotificationsRepository.prototype, 'recordOutcomes');
    const [sent, retry, failed] = await Promise.all([claimedPage(), claimedPage(), claimedPage()]);
    const at = t.clock.now();
    const retryAt = new Date(at.getTime() + 5_000);
    const recorded = await Promise.all([
      writer.record({ row: sent, state: 'sent', outcome: { provider: 'twilio', providerMessageId: 'SM0001' }, at }),
      writer.record({ row: retry, state: 'pending', outcome: { provider: 'twilio', error: 'HTTP 500', retryAt }, at }),
      writer.record({ row: failed, state: 'failed', outcome: { provider: 'twilio', error: 'HTTP 400' }, at }),
    ]);
    expect(recorded).toEqual([true, true, true]);
    expect(batches).toHaveBeenCalledTimes(1);
    expect(batches.mock.calls[0][1]).toHaveLength(3);

    expect(await stateOf(sent.id)).toEqual({ state: 'sent', provider_message_id: 'SM0001', claimed_by: null });
    expect((await stateOf(retry.id)).state).toBe('pending');
    expect((await stateOf(failed.id)).state).toBe('failed');
    const [sentEntry] = await timelineOf(sent.id);
    expect(sentEntry.message).toBe(`SMS to +•••••••${sent.address.slice(-4)}: sent (twilio SM0001)`);
    expect(sentEntry.data).toEqual({
      notificationId: sent.id, userId: null, level: 0, loop: 0, contactMethodId: null, channel: 'sms', provider: 'twilio',
      address: `+•••••••${sent.address.slice(-4)}`, outcome: 'sent', attempt: 1, providerMessageId: 'SM0001', error: null,
    });
    expect((await timelineOf(retry.id)).map((e) => e.message)).toEqual([
      `SMS to +•••••••${retry.address.slice(-4)}: attempt 1 failed (HTTP 500); retrying at ${retryAt.toISOString()}`,
    ]);
    expect((await timelineOf(failed.id)).map((e) => e.data.outcome)).toEqual(['failed']);
  });

  it('leaves a row another worker took over with its outcome and no timeline entry, and records the rest of the batch', async () => {
    const [mine, takenOver] = await Promise.all([claimedPage(), claimedPage('sent')]);
    const at = t.clock.now();
    const recorded = await Promise.all([
      writer.record({ row: mine, state: 'sent', outcome: { provider: 'twilio', providerMessageId: 'SM0002' }, at }),
      writer.record({ row: takenOver, state: 'failed', outcome: { provider: 'twilio', error: 'HTTP 400' }, at }),
    ]);
    expect(recorded).toEqual([true, false]);
    expect((await stateOf(mine.id)).state).toBe('sent');
    expect((await stateOf(takenOver.id)).state).toBe('sent');
    expect(await timelineOf(takenOver.id)).toEqual([]);
  });

  it('writes a failed batch again one outcome at a time, so that only the bad outcome fails', async () => {
    const [good, bad] = await Promise.all([claimedPage(), claimedPage()]);
    // A timeline entry for an incident that does not exist breaks the batch's INSERT (foreign key).
    const broken: ClaimedPage = { ...bad, incidentId: randomUUID() };
    const at = t.clock.now();
    const results = await Promise.allSettled([
      writer.record({ row: good, state: 'sent', outcome: { provider: 'twilio', providerMessageId: 'SM0003' }, at }),
      writer.record({ row: broken, state: 'sent', outcome: { provider: 'twilio', providerMessageId: 'SM0004' }, at }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect((await stateOf(good.id)).state).toBe('sent');
    expect((await timelineOf(good.id)).map((e) => e.data.outcome)).toEqual(['sent']);
    // The bad outcome's transaction rolled back whole: the row is still claimed, for a retry after its claim expires.
    expect(await stateOf(bad.id)).toEqual({ state: 'sending', provider_message_id: null, claimed_by: 'test-worker' });
  });
});
