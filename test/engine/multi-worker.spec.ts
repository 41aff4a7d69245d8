import { createProcessWorld, duplicatesIn, ProcessWorld } from '../support/process-world';
import type { KlaxonProcess } from '../support/worker-process';

/**
 * Several real worker processes on one database, a storm of incidents, the
 * real Twilio SDK against a fake Twilio: every page is sent exactly once; and
 * after a SIGKILL mid-storm, none is missing and duplicates stay within what
 * the dead worker had in flight.
 */
const INCIDENTS = 500;

describe('many workers on one database', () => {
  // Real processes start under ts-node: give them room on a loaded 2-core machine.
  jest.setTimeout(300_000);
  let w: ProcessWorld;
  const workers: KlaxonProcess[] = [];
  // Short enough that the dead worker's claims are taken over within the test, long enough that a live worker
  // whose send stalls on this loaded machine (four processes and PostgreSQL on two cores) keeps its claim: a claim
  // that runs out under a live worker's send is taken over and sent again, a duplicate the bound below does not count.
  const env = { KLAXON_CLAIM_TIMEOUT_MS: '10000' };
  const storm = (prefix: string) =>
    Array.from({ length: INCIDENTS }, (_, i) => ({ dedupKey: `${prefix}-${i}`, summary: `storm ${prefix} ${i}` }));

  beforeAll(async () => {
    w = await createProcessWorld();
  });
  afterAll(async () => {
    await w.close();
  });

  it('three workers send each of 500 pages exactly once', async () => {
    for (let i = 0; i < 3; i++) workers.push(w.worker(env));
    await Promise.all(workers.map((x) => x.start()));
    await w.trigger(storm('a'));
    await w.twilio.waitFor(() => w.pageCounts(/storm a (\d+)/).size === INCIDENTS, 60_000);
    await new Promise((r) => setTimeout(r, 1000)); // room for a late duplicate to show up
    const counts = w.pageCounts(/storm a (\d+)/);
    expect(counts.size).toBe(INCIDENTS);
    expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
    const states = await w.t.dataSource.query(`SELECT state, count(*)::int AS n FROM notifications GROUP BY state`);
    expect(states).toEqual([{ state: 'sent', n: INCIDENTS }]);
    // eslint-disable-next-line no-console
    console.log(`multi-worker: ${INCIDENTS} incidents, 3 workers, ${w.twilio.messages.length} SMS, duplicates 0`);
  });

  it('loses no page when a worker is SIGKILLed mid-storm', async () => {
    const victim = workers[0];
    let inFlightAtKill = 0;
    let replacementStarted: Promise<void> = Promise.resolve();
    await w.trigger(storm('b'), 16, async (i) => {
      if (i !== 150) return;
      const pid = victim.pid;
      await victim.kill();
      inFlightAtKill = await w.claimsHeldBy(pid);
      replacementStarted = w.worker(env).start();
    });
    await replacementStarted;
    await w.twilio.waitFor(() => w.pageCounts(/storm b (\d+)/).size === INCIDENTS, 90_000);
    await new Promise((r) => setTimeout(r, 1000));
    const counts = w.pageCounts(/storm b (\d+)/);
    const duplicates = duplicatesIn(counts);
    expect(counts.size).toBe(INCIDENTS);
    // A page in flight when its worker died may go out twice; anything more is a bug.
    expect(duplicates).toBeLessThanOrEqual(inFlightAtKill);
    const [{ n: unsent }] = await w.t.dataSource.query(`SELECT count(*)::int AS n FROM notifications WHERE state <> 'sent'`);
    expect(unsent).toBe(0);
    // eslint-disable-next-line no-console
    console.log(`crash: ${INCIDENTS} incidents, 1 SIGKILL, missing 0, duplicates ${duplicates} (in flight at kill: ${inFlightAtKill})`);
  });
});
