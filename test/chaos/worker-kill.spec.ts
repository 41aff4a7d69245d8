import { createProcessWorld, duplicatesIn, ProcessWorld } from '../support/process-world';

/**
 * Chaos (1): the worker is SIGKILLed again and again while a storm of
 * incidents arrives. Afterwards every incident was paged, and duplicates are
 * at most the pages that were in flight at each kill.
 * `npm test` runs 3 cycles; `npm run test:chaos` runs CHAOS_CYCLES=20.
 */
const CYCLES = Number(process.env.CHAOS_CYCLES ?? 3);
const PER_CYCLE = 40;

describe(`chaos: SIGKILL the worker ${CYCLES} times during a storm`, () => {
  // Real processes start under ts-node: give them room on a loaded 2-core machine.
  jest.setTimeout(300_000);
  let w: ProcessWorld;
  beforeAll(async () => {
    w = await createProcessWorld();
  });
  afterAll(async () => {
    await w.close();
  });

  it('sends every page despite repeated crashes', async () => {
    const env = { KLAXON_CLAIM_TIMEOUT_MS: '2000' };
    let seq = 0;
    let inFlightAtKills = 0;
    // Twilio answers slowly, so kills land while sends are in flight.
    w.twilio.setResponseDelay(20);
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const worker = w.worker(env);
      await worker.start();
      await w.trigger(Array.from({ length: PER_CYCLE }, () => ({ dedupKey: `k-${seq}`, summary: `chaos ${seq++}` })), PER_CYCLE);
      await new Promise((r) => setTimeout(r, 150 + Math.random() * 300));
      const pid = worker.pid;
      await worker.kill();
      inFlightAtKills += await w.claimsHeldBy(pid);
    }
    const last = w.worker(env);
    await last.start();
    try {
      await w.twilio.waitFor(() => w.pageCounts(/chaos (\d+)/).size >= seq, 60_000);
    } finally {
      await last.stop();
    }
    const counts = w.pageCounts(/chaos (\d+)/);
    const duplicates = duplicatesIn(counts);
    const missing = seq - counts.size;
    // eslint-disable-next-line no-console
    console.log(`chaos worker-kill: ${CYCLES} cycles survived, ${seq} incidents, notifications lost: ${missing}, duplicates ${duplicates} (in flight at kills: ${inFlightAtKills})`);
    expect(missing).toBe(0);
    expect(duplicates).toBeLessThanOrEqual(inFlightAtKills);
    const [{ n: unsent }] = await w.t.dataSource.query(`SELECT count(*)::int AS n FROM notifications WHERE state <> 'sent'`);
    expect(unsent).toBe(0);
  });
});
