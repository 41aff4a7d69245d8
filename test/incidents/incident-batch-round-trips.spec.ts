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
 * (BEGIN with the load, the write with COMMIT). Every message a pg client
 * sends is counted.
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

  it('an idle system writes a batch of one in two round trips: a new incident, then a repeat', async () => {
    // A connection's first batch prepares the two statements on it (once per connection).
    await incidents.record(target, [event('warm-up')], {});
    expect(await counted(() => incidents.record(target, [event('idle')], {}))).toEqual({ roundTrips: 2, batches: 1 });
    expect(await counted(() => incidents.record(target, [event('idle')], {}))).toEqual({ roundTrips: 2, batches: 1 });
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
