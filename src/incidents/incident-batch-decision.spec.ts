import fc from 'fast-check';
import type { AlertmanagerAlert, NormalisedEvent } from '../ingest/sources/normalised-event';
import { decideBatch, LoadedIncident } from './incident-batch-decision';
import type { EventCommand, IncidentCommand, IngestTarget } from './incident-commands';
import { Incident, RepeatBurst } from './incident.entity';
import { burstEntry, lastAlertTime, liveBurstEntry, repeatMessage } from './repeat-burst';

const SERVICE = '00000000-0000-4000-8000-000000000001';
const INCIDENT = '00000000-0000-4000-8000-0000000000aa';
const T0 = new Date('2026-11-30T10:02:03.000Z');
const target: IngestTarget = {
  serviceId: SERVICE,
  integrationId: null,
  source: 'events-v2',
  actor: { type: 'integration', id: null, name: 'Prometheus', channel: 'integration' },
};

const event = (n: number, fields: Partial<NormalisedEvent> = {}): EventCommand => ({
  kind: 'event',
  target,
  dedupKey: 'disk',
  event: { action: 'trigger', dedupKey: 'disk', title: `disk ${n}`, severity: 'critical', details: {}, links: [], source: 'db-1', occurredAt: null, ...fields } as NormalisedEvent,
  raw: { n },
});
const FIRST = '2026-11-30T09:00:00.000Z';
/** A burst open before the batch: its entry, and the trigger alert's count when it started. */
const openBurst = (base: number): RepeatBurst => ({
  entryId: '00000000-0000-4000-8000-0000000000e1',
  base,
  firstAt: FIRST,
  source: 'events-v2',
  actor: { type: 'integration', id: null, name: 'Prometheus', channel: 'integration' },
});
const ack = (): IncidentCommand => ({ kind: 'act', incidentId: INCIDENT, action: 'acknowledge', actor: { type: 'user', id: 'u1', name: 'Ada', channel: 'sms' } });

function loaded(fields: Partial<Incident> = {}, created = false): LoadedIncident {
  const incident = Object.assign(new Incident(), {
    id: INCIDENT,
    number: 42,
    serviceId: SERVICE,
    dedupKey: 'disk',
    status: 'triggered',
    title: 'disk',
    severity: 'critical',
    createdAt: T0,
    updatedAt: T0,
    lastAlertAt: T0,
    acknowledgedAt: null,
    acknowledgedBy: null,
    resolvedAt: null,
    resolvedBy: null,
    repeatBurst: null,
    ...fields,
  });
  return { incident, created, knownAlerts: new Map() };
}

describe('decideBatch: a repeat is a counter', () => {
  it('folds the repeats of a key in one batch into one alert row and one burst entry, after the trigger that opened it', () => {
    const l = loaded({}, true);
    const d = decideBatch([event(1), event(2), event(3)], [l], T0);
    expect(d.alerts).toHaveLength(1);
    expect(d.alerts[0]).toMatchObject({ alert_key: '', occurrences: 3, payload: { n: 3 }, first_payload: { n: 1 }, title: 'disk 3' });
    expect(d.timeline.map((e) => [e.type, e.data?.count ?? null])).toEqual([
      ['triggered', null],
      ['repeated', 2],
    ]);
    const burst = d.incidents[0].repeat_burst!;
    // The trigger alert held one trigger (the opening one) when the burst started.
    expect(burst).toMatchObject({ base: 1, firstAt: T0.toISOString(), source: 'events-v2', actor: { name: 'Prometheus' } });
    expect(d.timeline[1].id).toBe(burst.entryId);
    expect(l.incident).toMatchObject({ triggerCount: 3, lastTriggerAt: T0 });
    expect(d.results.map((r) => r.kind === 'event' && r.outcome.created)).toEqual([true, false, false]);
  });

  it('a repeat while a burst is open writes its alert alone: readers take the count and the last time from the trigger alert', () => {
    const l = loaded({ repeatBurst: openBurst(2), triggerCount: 4000, lastTriggerAt: new Date(FIRST) });
    const d = decideBatch([event(1), event(2)], [l], T0);
    expect(d.incidents).toEqual([]);
    expect(d.timeline).toEqual([]);
    expect(d.alerts).toEqual([expect.objectContaining({ alert_key: '', occurrences: 2, first_payload: { n: 1 } })]);
    // What the batch leaves in memory is what the database holds after it: 4,002 triggers, the burst counting 4,000.
    expect(l.incident).toMatchObject({ triggerCount: 4002, lastTriggerAt: T0 });
    expect(burstEntry(l.incident)).toEqual({
      message: 'Triggered again by Prometheus 4,000 times between 2026-11-30 09:00:00 and 10:02:03 UTC',
      data: { count: 4000, firstAt: FIRST, lastAt: T0.toISOString(), source: 'events-v2' },
    });
    expect(lastAlertTime(l.incident)).toEqual(T0);
    const stored = { id: openBurst(2).entryId, message: 'Triggered again by Prometheus at 2026-11-30 09:00:00 UTC', data: { count: 1 } };
    expect(liveBurstEntry(stored, l.incident).message).toBe('Triggered again by Prometheus 4,000 times between 2026-11-30 09:00:00 and 10:02:03 UTC');
    expect(liveBurstEntry({ ...stored, id: 'another entry' }, l.incident)).toEqual({ ...stored, id: 'another entry' });
  });

  it('a change of status ends the burst: its entry is written with its final count, and the next repeat opens a new entry', () => {
    const l = loaded({ repeatBurst: openBurst(10), triggerCount: 15, lastTriggerAt: new Date(FIRST) });
    const d = decideBatch([event(1), ack(), event(2)], [l], T0);
    expect(d.timeline.map((e) => e.type)).toEqual(['repeated', 'acknowledged', 'repeated']);
    // The ended burst: its own entry (id and time of its first repeat), counting 15 - 10 + 1.
    expect(d.timeline[0]).toMatchObject({ id: openBurst(10).entryId, at: new Date(FIRST), actor_name: 'Prometheus', data: { count: 6, lastAt: T0.toISOString() } });
    expect(d.timeline[2].id).not.toBe(openBurst(10).entryId);
    expect(d.timeline[2].data).toMatchObject({ count: 1 });
    expect(d.incidents[0]).toMatchObject({ status: 'acknowledged', repeat_burst: { entryId: d.timeline[2].id, base: 16 } });
  });

  it('a burst started and ended in one batch is one entry, with its final count', () => {
    const d = decideBatch([event(1), event(2), ack()], [loaded({ triggerCount: 1 })], T0);
    expect(d.timeline.map((e) => [e.type, e.data?.count ?? null])).toEqual([
      ['repeated', 2],
      ['acknowledged', null],
    ]);
    expect(d.incidents[0].repeat_burst).toBeNull();
  });

  it('an identical redelivery of a group only counts on its alert: no timeline entry, no incident write', () => {
    const alert: AlertmanagerAlert = {
      fingerprint: 'fp1',
      status: 'firing',
      labels: { alertname: 'CPU' },
      annotations: {},
      startsAt: new Date('2026-11-30T09:00:00Z'),
      endsAt: null,
      generatorURL: null,
    };
    const grouped = event(1, { alerts: [alert] });
    const l = loaded();
    const first = decideBatch([grouped], [l], T0);
    expect(first.timeline.map((e) => e.type)).toEqual(['alert-added']);
    const known = new Map([['fp1', { status: 'firing', payload: first.alerts[0].payload }]]);
    const again = decideBatch([grouped, grouped], [{ ...loaded(), knownAlerts: known }], T0);
    expect(again.timeline).toEqual([]);
    expect(again.incidents).toEqual([]);
    expect(again.alerts).toEqual([expect.objectContaining({ alert_key: 'fp1', occurrences: 2 })]);
  });

  it('acknowledge and resolve events keep a row each', () => {
    const d = decideBatch([event(1, { action: 'acknowledge' }), event(2, { action: 'resolve' })], [loaded()], T0);
    expect(d.alerts.map((a) => [a.action, a.alert_key, a.occurrences])).toEqual([
      ['acknowledge', null, 1],
      ['resolve', null, 1],
    ]);
  });

  it('property: whatever the mix of repeats and status changes, every repeat is counted once, in one entry per burst', () => {
    const step = fc.constantFrom<'repeat' | 'ack' | 'unack'>('repeat', 'ack', 'unack');
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: null }), (steps, carried) => {
        // An open burst that has counted `carried` repeats: the trigger alert holds 5 + carried triggers.
        const l = loaded(carried === null ? { triggerCount: 5 } : { repeatBurst: openBurst(5), triggerCount: 5 + carried });
        const commands: IncidentCommand[] = steps.map((s, i) =>
          s === 'repeat' ? event(i) : { ...ack(), action: s === 'ack' ? 'acknowledge' : 'retrigger' },
        );
        const d = decideBatch(commands, [l], T0);
        const repeats = steps.filter((s) => s === 'repeat').length;
        const written = d.timeline.filter((e) => e.type === 'repeated');
        // Each entry once (no duplicate ids).
        expect(new Set(written.map((e) => e.id)).size).toBe(written.length);
        // The entries as a reader sees them (the open burst's rendered): counts adding up to the repeats sent plus what the open burst had.
        const counts = new Map(written.map((e) => [e.id, Number(e.data?.count)]));
        const open = burstEntry(l.incident);
        if (open) counts.set(l.incident.repeatBurst!.entryId, open.data.count);
        const carriedOver = carried !== null && counts.has(openBurst(5).entryId) ? carried : 0;
        expect([...counts.values()].reduce((sum, n) => sum + n, 0)).toBe(repeats + carriedOver);
        expect(d.alerts.reduce((sum, a) => sum + a.occurrences, 0)).toBe(repeats);
        // The incident row is written only when a burst starts or the status changes.
        if (carried !== null && steps.every((s) => s === 'repeat')) expect(d.incidents).toEqual([]);
        // Between two entries of repeats there is a change of status.
        const types = d.timeline.map((e) => e.type);
        for (let i = 1; i < types.length; i++) expect(types[i] === 'repeated' && types[i - 1] === 'repeated').toBe(false);
      }),
    );
  });

  it('words a burst with the date only once when it stays within a day', () => {
    expect(repeatMessage('Grafana', { count: 1, firstAt: '2026-11-30T10:02:03.000Z', lastAt: '2026-11-30T10:02:03.000Z' })).toBe(
      'Triggered again by Grafana at 2026-11-30 10:02:03 UTC',
    );
    expect(repeatMessage('Grafana', { count: 2, firstAt: '2026-11-30T23:59:00.000Z', lastAt: '2026-12-01T00:01:00.000Z' })).toBe(
      'Triggered again by Grafana 2 times between 2026-11-30 23:59:00 and 2026-12-01 00:01:00 UTC',
    );
  });
});
