import { TimerClaimerService } from '../../src/escalation/engine/timer-claimer.service';
import { WorkerService } from '../../src/worker/worker.service';
import { createTestApp, TestApp } from '../support/test-app';

const DAY_MS = 86_400_000;

/** Sent and failed handoff messages go with the retention cleanup at the incidents' horizon; pending ones stay. */
describe('handoff message retention', () => {
  jest.setTimeout(60_000);
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('deletes sent and failed messages past KLAXON_RETENTION_INCIDENT_DAYS, keeps recent and pending ones', async () => {
    const at = (days: number) => new Date(t.clock.now().getTime() - days * DAY_MS);
    // Due tomorrow: the pending one is not sent while the test runs.
    const insert = (key: string, state: string, createdAt: Date) =>
      t.dataSource.query(
        `INSERT INTO handoff_messages (key, kind, channel, address, subject, text, state, due_at, created_at)
         VALUES ($1, 'on-call-now', 'slack', 'C0OLD', 's', 't', $2, $3, $4)`,
        [key, state, at(-1), createdAt],
      );
    await insert('old-sent', 'sent', at(400));
    await insert('old-failed', 'failed', at(366));
    await insert('old-pending', 'pending', at(400));
    await insert('recent-sent', 'sent', at(10));
    await t.get(TimerClaimerService).armEngineTimers();
    t.clock.advance(1);
    await t.get(WorkerService).drain();
    const keys = (await t.dataSource.query(`SELECT key FROM handoff_messages ORDER BY key`)).map((r: { key: string }) => r.key);
    expect(keys).toEqual(['old-pending', 'recent-sent']);
  });
});
