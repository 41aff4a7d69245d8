import type { NormalisedEvent } from '../ingest/sources/normalised-event';
import type { IncidentStatus } from './domain/incident-state';
import type { EventCommand, IncidentCommand } from './incident-commands';
import { Incident } from './incident.entity';
import { KnownIncidents } from './known-incidents';

const SERVICE = '00000000-0000-4000-8000-000000000001';

const incident = (id: string, dedupKey: string, status: IncidentStatus = 'triggered'): Incident =>
  Object.assign(new Incident(), { id, serviceId: SERVICE, dedupKey, status, repeatBurst: null });

const trigger = (dedupKey: string, fields: Partial<NormalisedEvent> = {}): EventCommand => ({
  kind: 'event',
  target: { serviceId: SERVICE, integrationId: null, source: 'events-v2', actor: { type: 'integration', id: null, name: 'P', channel: 'integration' } },
  event: { action: 'trigger', dedupKey, title: 'disk', severity: 'critical', details: {}, links: [], source: 'db-1', occurredAt: null, ...fields } as NormalisedEvent,
  dedupKey,
  raw: {},
});

describe('KnownIncidents', () => {
  const known = () => {
    const k = new KnownIncidents();
    k.remember([
      { incident: incident('i-a', 'a'), version: '100' },
      { incident: incident('i-b', 'b', 'acknowledged'), version: '101' },
    ]);
    return k;
  };

  it('answers a batch of plain triggers for remembered open incidents, one copy per incident with its version', () => {
    const batch = known().forRepeats([trigger('a'), trigger('b'), trigger('a')]);
    expect(batch?.versions).toEqual([
      { id: 'i-a', version: '100' },
      { id: 'i-b', version: '101' },
    ]);
    expect(batch?.loaded.map((l) => [l.incident.id, l.created, l.knownAlerts.size])).toEqual([
      ['i-a', false, 0],
      ['i-b', false, 0],
    ]);
  });

  it('hands out copies: a decision that changes one leaves the remembered state as committed', () => {
    const k = known();
    k.forRepeats([trigger('a')])!.loaded[0].incident.status = 'resolved';
    expect(k.forRepeats([trigger('a')])!.loaded[0].incident.status).toBe('triggered');
  });

  it.each<[string, IncidentCommand[]]>([
    ['an unknown key', [trigger('a'), trigger('c')]],
    ['an acknowledge', [trigger('a'), trigger('b', { action: 'acknowledge' })]],
    ['a resolve', [trigger('a', { action: 'resolve' })]],
    ['a group of alerts', [trigger('a', { alerts: [] })]],
    ['an action by incident id', [{ kind: 'act', incidentId: 'i-a', action: 'acknowledge', actor: { type: 'system', channel: 'system' } }]],
  ])('leaves a batch with %s to the load (null)', (_, commands) => {
    expect(known().forRepeats(commands)).toBeNull();
  });

  it('forgets resolved incidents, forgotten keys and forgotten incidents', () => {
    const k = known();
    k.remember([{ incident: incident('i-a', 'a', 'resolved'), version: '102' }]);
    expect(k.forRepeats([trigger('a')])).toBeNull();
    k.forgetKeys([trigger('b')]);
    expect(k.forRepeats([trigger('b')])).toBeNull();
    k.remember([{ incident: incident('i-c', 'c'), version: '103' }]);
    k.forget([{ incident: incident('i-c', 'c'), created: false, knownAlerts: new Map() }]);
    expect(k.forRepeats([trigger('c')])).toBeNull();
  });

  it('does not remember a key whose version was found moved on three times until a while passes without a miss', async () => {
    const k = new KnownIncidents(50);
    for (let miss = 1; miss <= 3; miss++) {
      k.remember([{ incident: incident('i-a', 'a'), version: String(100 + miss) }]);
      expect(k.forRepeats([trigger('a')])).not.toBeNull();
      k.forgetKeys([trigger('a')], true);
    }
    k.remember([{ incident: incident('i-a', 'a'), version: '101' }]);
    expect(k.forRepeats([trigger('a')])).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 60));
    k.remember([{ incident: incident('i-a', 'a'), version: '102' }]);
    expect(k.forRepeats([trigger('a')])?.versions).toEqual([{ id: 'i-a', version: '102' }]);
  });

  it('remembers the newest version of an incident', () => {
    const k = known();
    k.remember([{ incident: incident('i-a', 'a'), version: '200' }]);
    expect(k.forRepeats([trigger('a')])?.versions).toEqual([{ id: 'i-a', version: '200' }]);
  });
});
