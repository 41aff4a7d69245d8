import fc from 'fast-check';
import type { AlertmanagerAlert, NormalisedEvent } from '../ingest/sources/normalised-event';
import { decideBatch, LoadedIncident, repeatMessage } from './incident-batch-decision';
import type { EventCommand, IncidentCommand, IngestTarget } from './incident-commands';
import { Incident, RepeatBurst } from './incident.entity';

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
    const d = decideBatch([event(1), event(2), event(3)], [loaded({}, true)], T0);
    expect(d.alerts).toHaveLength(1);
    expect(d.alerts[0]).toMatchObject({ alert_key: '', occurrences: 3, payload: { n: 3 }, first_payload: { n: 1 }, title: 'disk 3' });
    expect(d.timeline.map((e) => [e.type, e.data?.count ?? null])).toEqual([
      ['triggered', null],
      ['repeated', 2],
    ]);
    const burst = d.incidents[0].repeat_burst!;
    expect(burst).toMatchObject({ count: 2, firstAt: T0.toISOString(), lastAt: T0.toISOString() });
    expect(d.timeline[1].id).toBe(burst.entryId);
    expect(d.results.map((r) => r.kind === 'event' && r.outcome.created)).toEqual([true, false, false]);
  });

  it('adds to the burst the incident already has: the same entry, rewritten with the new count; its time stays the first', () => {
    const first = '2026-11-30T09:00:00.000Z';
    const open: RepeatBurst = { entryId: '00000000-0000-4000-8000-0000000000e1', count: 3998, firstAt: first, lastAt: first };
    const d = decideBatch([event(1), event(2)], [loaded({ repeatBurst: open })], T0);
    expect(d.timeline).toHaveLength(1);
    expect(d.timeline[0]).toMatchObject({ id: open.entryId, type: 'repeated', at: new Date(first), data: { count: 4000, firstAt: first, lastAt: T0.toISOString() } });
    expect(d.timeline[0].message).toBe('Triggered again by Prometheus 4,000 times between 2026-11-30 09:00:00 and 10:02:03 UTC');
    expect(d.alerts[0]).toMatchObject({ occurrences: 2, first_payload: { n: 1 } });
  });

  it('a change of status ends the burst: the next repeat opens a new entry', () => {
    const d = decideBatch([event(1), ack(), event(2)], [loaded()], T0);
    expect(d.timeline.map((e) => e.type)).toEqual(['repeated', 'acknowledged', 'repeated']);
    expect(d.timeline[0].id).not.toBe(d.timeline[2].id);
    expect(d.incidents[0]).toMatchObject({ status: 'acknowledged', repeat_burst: { entryId: d.timeline[2].id, count: 1 } });
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
        const open: RepeatBurst | null = carried === null ? null : { entryId: '00000000-0000-4000-8000-0000000000e1', count: carried, firstAt: T0.toISOString(), lastAt: T0.toISOString() };
        const commands: IncidentCommand[] = steps.map((s, i) =>
          s === 'repeat' ? event(i) : { ...ack(), action: s === 'ack' ? 'acknowledge' : 'retrigger' },
        );
        const d = decideBatch(commands, [loaded({ repeatBurst: open })], T0);
        const repeats = steps.filter((s) => s === 'repeat').length;
        const entries = d.timeline.filter((e) => e.type === 'repeated');
        // Each entry once (no duplicate ids), counts adding up to the repeats sent plus what the open burst had.
        expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
        const carriedOver = entries.some((e) => e.id === open?.entryId) ? open!.count : 0;
        expect(entries.reduce((sum, e) => sum + Number(e.data?.count), 0)).toBe(repeats + carriedOver);
        expect(d.alerts.reduce((sum, a) => sum + a.occurrences, 0)).toBe(repeats);
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
