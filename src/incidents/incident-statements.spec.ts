import fc from 'fast-check';
import type { AlertmanagerAlert, NormalisedEvent } from '../ingest/sources/normalised-event';
import { BatchDecision, decideBatch } from './incident-batch-decision';
import type { EventCommand, IncidentCommand, IngestTarget } from './incident-commands';
import { incidentLogEntries } from './incident-log';
import type { ActorRecord, RepeatBurst } from './incident.entity';
import { LoadedRow, onlyTriggers, toLoaded, TRIGGER_COLUMNS, TRIGGER_LOAD_SQL, TriggerLoadedRow, writeRows } from './incident-statements';
import { json } from './json-text';

const SERVICE = '00000000-0000-4000-8000-000000000001';
const T0 = new Date('2026-11-30T10:02:03.000Z');
const target: IngestTarget = {
  serviceId: SERVICE,
  integrationId: null,
  source: 'events-v2',
  actor: { type: 'integration', id: null, name: 'Prometheus', channel: 'integration' },
};
const alert = (fingerprint: string, status: 'firing' | 'resolved'): AlertmanagerAlert => ({
  fingerprint,
  status,
  labels: { alertname: 'CPU' },
  annotations: {},
  startsAt: new Date('2026-11-30T09:00:00Z'),
  endsAt: null,
  generatorURL: null,
});
const trigger = (key: string, n: number, alerts?: AlertmanagerAlert[]): EventCommand => ({
  kind: 'event',
  target,
  dedupKey: key,
  event: { action: 'trigger', dedupKey: key, title: `t${n}`, severity: 'critical', details: {}, links: [], source: null, occurredAt: null, alerts } as NormalisedEvent,
  raw: { n },
});

function row(key: string, fields: Partial<LoadedRow>): LoadedRow {
  return {
    id: `00000000-0000-4000-8000-0000000000${key}`,
    number: '42',
    service_id: SERVICE,
    dedup_key: key,
    status: 'triggered',
    title: key,
    severity: 'critical',
    created_at: T0,
    updated_at: new Date('2026-11-30T09:30:00Z'),
    last_alert_at: new Date('2026-11-30T09:40:00Z'),
    acknowledged_at: null,
    acknowledged_by: null,
    resolved_at: null,
    resolved_by: null,
    level: 1,
    loop: 0,
    escalation_epoch: 2,
    escalation_exhausted: false,
    level_reached_at: T0,
    repeat_burst: null,
    maintenance: false,
    maintenance_released_at: null,
    created: false,
    known_alerts: null,
    trigger_count: 1,
    last_trigger_at: new Date('2026-11-30T09:40:00Z'),
    version: '1000',
    ...fields,
  };
}

/** The row as the trigger load statement returns it, its incident made to throw on any field that statement leaves out. */
function triggerLoaded(full: LoadedRow) {
  const slim = Object.fromEntries(Object.entries(full).filter(([k]) => (TRIGGER_COLUMNS as readonly string[]).includes(k) || ['created', 'known_alerts', 'trigger_count', 'last_trigger_at'].includes(k)));
  const loaded = toLoaded(slim as TriggerLoadedRow);
  for (const field of ['updatedAt', 'lastAlertAt', 'level', 'loop', 'escalationEpoch', 'escalationExhausted', 'levelReachedAt', 'maintenanceReleasedAt']) {
    expect((loaded.incident as unknown as Record<string, unknown>)[field]).toBeUndefined();
    let value: unknown;
    let written = false;
    Object.defineProperty(loaded.incident, field, {
      get: () => {
        if (!written) throw new Error(`a batch of triggers read ${field}, which TRIGGER_LOAD_SQL does not load`);
        return value;
      },
      set: (v: unknown) => ((value = v), (written = true)),
      enumerable: true,
    });
  }
  return loaded;
}

/** A decision with the burst ids (random per decision) numbered in order of appearance. */
function comparable(d: BatchDecision): unknown {
  const ids = new Map<string, string>();
  return JSON.parse(JSON.stringify(d), (_k, v: unknown) =>
    typeof v === 'string' && /^[0-9a-f-]{36}$/.test(v) && !v.startsWith('00000000') ? (ids.get(v) ?? ids.set(v, `id${ids.size}`).get(v)) : v,
  );
}

describe('the load statement of a batch of triggers', () => {
  it('is chosen only when every command is a trigger event', () => {
    expect(onlyTriggers([trigger('a', 1), trigger('b', 2)])).toBe(true);
    const ack: IncidentCommand = { kind: 'act', incidentId: SERVICE, action: 'acknowledge', actor: target.actor };
    expect(onlyTriggers([trigger('a', 1), ack])).toBe(false);
    expect(onlyTriggers([{ ...trigger('a', 1), event: { ...trigger('a', 1).event, action: 'resolve' } }])).toBe(false);
    expect(TRIGGER_LOAD_SQL).toContain(`RETURNING ${TRIGGER_COLUMNS.join(', ')}, xmin::text AS version\n`);
    expect(TRIGGER_LOAD_SQL).toContain(`SELECT ${TRIGGER_COLUMNS.map((c) => `i.${c}`).join(', ')}, i.xmin::text AS version FROM incidents i`);
  });

  it('property: a batch of triggers decides and logs the same from the trigger columns as from whole incidents', () => {
    const status = fc.constantFrom<LoadedRow['status']>('triggered', 'acknowledged');
    const burst = fc.option(fc.integer({ min: 1, max: 5000 }), { nil: null });
    const command = fc.record({ key: fc.constantFrom('aa', 'bb', 'cc'), grouped: fc.boolean(), firing: fc.boolean() });
    fc.assert(
      fc.property(status, burst, fc.boolean(), fc.array(command, { minLength: 1, maxLength: 12 }), (st, count, opened, steps) => {
        const acked = st === 'acknowledged' ? { acknowledged_at: T0, acknowledged_by: { type: 'user', id: 'u1', name: 'Ada', channel: 'sms' } as ActorRecord } : {};
        const rows = [
          row('aa', {
            status: st,
            ...acked,
            trigger_count: 1 + (count ?? 0),
            repeat_burst: count ? { entryId: '00000000-0000-4000-8000-0000000000e1', base: 1, firstAt: T0.toISOString(), source: 'events-v2', actor: { type: 'integration', id: null, name: 'Prometheus', channel: 'integration' } satisfies RepeatBurst['actor'] } : null,
          }),
          row('bb', { created: opened, maintenance: opened }),
          row('cc', { known_alerts: [{ fingerprint: 'fp1', status: 'firing', payload: { fingerprint: 'fp1' } }] }),
        ];
        const commands = steps.map((s, i) => trigger(s.key, i, s.grouped ? [alert(i % 2 ? 'fp1' : 'fp2', s.firing ? 'firing' : 'resolved')] : undefined));
        const whole = rows.map(toLoaded);
        const trimmed = rows.map(triggerLoaded);
        const expected = decideBatch(commands, whole, T0);
        const actual = decideBatch(commands, trimmed, T0);
        expect(comparable(actual)).toEqual(comparable(expected));
        expect(actual.lifecycle).toEqual([]);
        expect(writeRows(actual).map(json)).toEqual([json(actual.incidents), json(actual.alerts), json(actual.timeline)]);
        expect(incidentLogEntries(commands, trimmed, actual)).toEqual(incidentLogEntries(commands, whole, expected));
      }),
      { numRuns: 300 },
    );
  });
});
