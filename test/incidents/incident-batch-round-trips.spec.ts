import { Client } from 'pg';
import type { IngestTarget } from '../../src/incidents/incident-commands';
import { IncidentsRepository } from '../../src/incidents/incidents.repository';
import type { NormalisedEvent } from '../../src/ingest/sources/normalised-event';
import { batchSamples, ingestEvent, ingestTarget } from '../ingest/ingest-helpers';
import { createIntegration, createService } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * A batch of the incident write path is one transaction of at most three
 * round trips to PostgreSQL, however many events it holds; triggers take two
 * (BEGIN with the load, the write with COMMIT), repeats of incidents the
 * process wrote last one (the write of their alerts, checking the rows'
 * versions) once the first repeat has started the incident's burst. Every
 * message a pg client sends is counted.
 */
describe('incident batches: round trips (real PostgreSQL)', () => {
  let t: TestApp;
  let incidents: IncidentsRepository;
  let target: IngestTarget;
  beforeAll(async () => {
    t = await createTestApp();
    incidents = t.get(IncidentsRepository);
    const service = await createService(t);
    const v2 = await createIntegration(t, service.id, 'events-v2');
    target = ingestTarget(service.id, v2.id);
  });
  afterAll(async () => {
    await t.close();
  });

  const event = (dedupKey: string, action: NormalisedEvent['action'] = 'trigger') => ingestEvent(dedupKey, { action });
  const group = (dedupKey: string, fingerprints: string[]): NormalisedEvent => ({
    ...event(dedupKey),
    alerts: fingerprints.map((fingerprint) => ({
      fingerprint, status: 'firing', labels: { alertname: fingerprint }, annotations: {}, startsAt: null, endsAt: null, generatorURL: null,
    })),
  });

  const batches = async (): Promise<number> => (await batchSamples(t)).count;

  /** Runs `work` counting the messages every pg client sends, and the batches written. */
  async function counted(work: () => Promise<unknown>): Promise<{ roundTrips: number; batches: number }> {
    const before = await batches();
    const spy = jest.spyOn(Client.prototype, 'query');
    try {
      await work();
      return { roundTrips: spy.mock.calls.length, batches: (await batches()) - before };
    } finally {
      spy.mockRestore();
    }
  }

  it('an idle system writes a new incident in two round trips, and a repeat of an incident this process wrote last in one', async () => {
    // A connection's first batch prepares the statements on it (once per connection).
    await incidents.record(target, [event('warm-up')], {});
    expect(await counted(() => incidents.record(target, [event('idle')], {}))).toEqual({ roundTrips: 2, batches: 1 });
    // The first repeat starts the burst: the incident row and the burst's entry, the usual way.
    expect(await counted(() => incidents.record(target, [event('idle')], {}))).toEqual({ roundTrips: 2, batches: 1 });
    expect(await counted(() => incidents.record(target, [event('idle')], {}))).toEqual({ roundTrips: 1, batches: 1 });
    expect(await counted(() => incidents.record(target, [event('idle')], {}))).toEqual({ roundTrips: 1, batches: 1 });
  });

  /** What the incident's alert counted and its repeat burst says (counted on that alert: RepeatBurst): every event exactly once. */
  const counts = async (incidentId: string) => {
    const [row]: { occurrences: number; burst: number | null }[] = await t.dataSource.query(
      `SELECT a.occurrences, a.occurrences - (i.repeat_burst->>'base')::int AS burst FROM incidents i JOIN alerts a ON a.incident_id = i.id WHERE i.id = $1`,
      [incidentId],
    );
    return row;
  };

  it('a repeat of an incident whose row another process changed is written the usual way, once', async () => {
    const [{ incidentId }] = await incidents.record(target, [event('moved')], {});
    await incidents.record(target, [event('moved')], {});
    // Another process (a worker's escalation step, say) writes the row: its version moves on.
    await t.dataSource.query(`UPDATE incidents SET level = level WHERE id = $1`, [incidentId]);
    // The write of the known version changes nothing; the load and the write follow.
    expect(await counted(() => incidents.record(target, [event('moved')], {}))).toEqual({ roundTrips: 3, batches: 1 });
    expect(await counted(() => incidents.record(target, [event('moved')], {}))).toEqual({ roundTrips: 1, batches: 1 });
    expect(await counts(incidentId!)).toEqual({ occurrences: 4, burst: 3 });
  });

  it('a key another process keeps writing takes the usual two round trips after its third miss', async () => {
    const [{ incidentId }] = await incidents.record(target, [event('contended')], {});
    await incidents.record(target, [event('contended')], {});
    const elsewhere = () => t.dataSource.query(`UPDATE incidents SET level = level WHERE id = $1`, [incidentId]);
    for (let miss = 1; miss <= 3; miss++) {
      await elsewhere();
      expect(await counted(() => incidents.record(target, [event('contended')], {}))).toEqual({ roundTrips: 3, batches: 1 });
    }
    await elsewhere();
    expect(await counted(() => incidents.record(target, [event('contended')], {}))).toEqual({ roundTrips: 2, batches: 1 });
    expect(await counted(() => incidents.record(target, [event('contended')], {}))).toEqual({ roundTrips: 2, batches: 1 });
    expect(await counts(incidentId!)).toEqual({ occurrences: 7, burst: 6 });
  });

  it('a trigger for an incident another process resolved opens a new incident, never repeats the resolved one', async () => {
    const [first] = await incidents.record(target, [event('elsewhere')], {});
    await incidents.record(target, [event('elsewhere')], {});
    await t.dataSource.query(`UPDATE incidents SET status = 'resolved', resolved_at = now() WHERE id = $1`, [first.incidentId]);
    const [again] = await incidents.record(target, [event('elsewhere')], {});
    expect(again).toMatchObject({ created: true });
    expect(again.incidentId).not.toBe(first.incidentId);
    expect(await counts(first.incidentId!)).toEqual({ occurrences: 2, burst: 1 });
  });

  it('concurrent repeats in batches under way at once are each counted once', async () => {
    const keys = ['c-0', 'c-1', 'c-2', 'c-3', 'c-4'];
    const ids = [];
    for (const key of keys) ids.push((await incidents.record(target, [event(key)], {}))[0].incidentId!);
    await Promise.all(Array.from({ length: 400 }, (_, i) => incidents.record(target, [event(keys[i % 5])], { i })));
    for (const id of ids) expect(await counts(id)).toEqual({ occurrences: 81, burst: 80 });
  });

  it('repeats of one key that arrive while its batch is under way wait for it: each later batch is one round trip, no version check fails', async () => {
    const [{ incidentId }] = await incidents.record(target, [event('hot')], {});
    await incidents.record(target, [event('hot')], {});
    const { roundTrips, batches: n } = await counted(async () => {
      const waves: Promise<unknown>[] = [];
      // Ten waves of 20, a turn of the event loop apart: each wave finds the one before it still being written.
      for (let w = 0; w < 10; w++) {
        for (let i = 0; i < 20; i++) waves.push(incidents.record(target, [event('hot')], { w, i }));
        await new Promise((r) => setImmediate(r));
      }
      await Promise.all(waves);
    });
    // Without the wait, batches under way at once would find the row moved on and run again with the load (three more round trips each).
    expect(roundTrips).toBe(n);
    expect(n).toBeLessThanOrEqual(10);
    expect(await counts(incidentId!)).toEqual({ occurrences: 202, burst: 201 });
  });

  it('an acknowledge that changes nothing is two round trips; one that changes the incident is three plus what the listeners write', async () => {
    const [{ incidentId }] = await incidents.record(target, [event('acked')], {});
    const ack = () => incidents.record(target, [event('acked', 'acknowledge')], {});
    const first = await counted(ack);
    expect(first.batches).toBe(1);
    // The engine cancels pending pages and wakes the workers, Slack looks for messages to update: their own statements.
    expect(first.roundTrips).toBeGreaterThan(3);
    expect(await counted(ack)).toEqual({ roundTrips: 2, batches: 1 });
    expect(incidentId).not.toBeNull();
  });

  it('600 concurrent triggers (new keys, repeats, groups) share batches of two round trips each', async () => {
    for (let i = 0; i < 20; i++) await incidents.record(target, [event(`open-${i}`)], {});
    const work = () =>
      Promise.all(
        Array.from({ length: 600 }, (_, i) => {
          if (i % 3 === 0) return incidents.record(target, [event(`fresh-${i}`)], {});
          if (i % 3 === 1) return incidents.record(target, [event(`open-${i % 20}`)], { i });
          return incidents.record(target, [group(`group-${i % 10}`, [`fp-${i % 7}`, `fp-${i}`])], { i });
        }),
      );
    await work(); // every pooled connection has its statements prepared
    const { roundTrips, batches: n } = await counted(work);
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(60);
    expect(roundTrips).toBeLessThanOrEqual(2 * n);
  });
});
