import { waitFor } from '../fakes/wait-for';
import { createProcessWorld, ProcessWorld } from '../support/process-world';

/**
 * Maintenance windows with real worker processes on one database (the
 * workers read the system clock): incidents opened during a window are not
 * paged by the worker running then; the window ends while no worker runs; two
 * workers started afterwards release the held incidents, and each pages
 * exactly once.
 */
const INCIDENTS = 20;
const WINDOW_MS = 12_000;

describe('maintenance window end with real workers', () => {
  // Real processes start under ts-node: give them room on a loaded 2-core machine.
  jest.setTimeout(300_000);
  let w: ProcessWorld;

  beforeAll(async () => {
    w = await createProcessWorld();
  });
  afterAll(async () => {
    await w.close();
  });

  it('pages each held incident exactly once after a window that ended while the worker was down, with two workers', async () => {
    const first = w.worker();
    await first.start();
    const [{ service_id: serviceId }] = await w.t.dataSource.query(`SELECT service_id FROM integrations WHERE key = $1`, [w.routingKey]);

    w.t.clock.set(new Date());
    const end = new Date(Date.now() + WINDOW_MS);
    await w.t.api().post('/api/v1/maintenance-windows', { description: 'Deploy', end: end.toISOString(), serviceIds: [serviceId] }).expect(201);
    w.t.clock.set(new Date());
    await w.trigger(Array.from({ length: INCIDENTS }, (_, i) => ({ dedupKey: `m-${i}`, summary: `maint ${i}` })));
    const [{ n: held }] = await w.t.dataSource.query(
      `SELECT count(*)::int AS n FROM incidents WHERE maintenance AND maintenance_released_at IS NULL AND status = 'triggered'`,
    );
    expect(held).toBe(INCIDENTS);

    // The running worker pages none of them (it has claimed and fired whatever else was due meanwhile).
    await new Promise((r) => setTimeout(r, 1500));
    expect(w.pageCounts(/maint (\d+)/).size).toBe(0);
    expect(Date.now()).toBeLessThan(end.getTime()); // still inside the window: the check above meant something

    // The worker goes down, and the window ends while none runs.
    await first.kill();
    await waitFor(() => Date.now() > end.getTime() + 500, WINDOW_MS + 5_000, 'the window end');
    expect(w.pageCounts(/maint (\d+)/).size).toBe(0);

    const workers = [w.worker(), w.worker()];
    await Promise.all(workers.map((x) => x.start()));
    await w.twilio.waitFor(() => w.pageCounts(/maint (\d+)/).size === INCIDENTS, 60_000);
    await new Promise((r) => setTimeout(r, 1500)); // room for a duplicate to show up
    const counts = w.pageCounts(/maint (\d+)/);
    expect(counts.size).toBe(INCIDENTS);
    expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
    const [{ n: released }] = await w.t.dataSource.query(
      `SELECT count(*)::int AS n FROM incidents WHERE maintenance AND maintenance_released_at >= $1`,
      [end],
    );
    expect(released).toBe(INCIDENTS);
    const [{ n: entries }] = await w.t.dataSource.query(`SELECT count(*)::int AS n FROM incident_timeline WHERE type = 'maintenance-released'`);
    expect(entries).toBe(INCIDENTS);
  });
});
