import {
  ActionOutcome,
  applyAction,
  INCIDENT_ACTION_TYPES,
  INCIDENT_STATUSES,
  IncidentActionType,
  IncidentActor,
  IncidentStatus,
  isOpen,
  TimelineEntryType,
} from './incident-state';

const now = new Date('2026-03-08T14:00:00.000Z');
const alice: IncidentActor = { kind: 'user', id: 'user-alice', name: 'Alice', channel: 'slack' };

type Row = [IncidentStatus, IncidentActionType, ActionOutcome, IncidentStatus, TimelineEntryType | null];

// from, action, outcome, next status, timeline entry type
const table: Row[] = [
  ['triggered', 'trigger', 'noop', 'triggered', 'alert-added'],
  ['triggered', 'acknowledge', 'changed', 'acknowledged', 'acknowledged'],
  ['triggered', 'resolve', 'changed', 'resolved', 'resolved'],
  ['triggered', 'escalate', 'changed', 'triggered', 'escalated'],
  ['triggered', 'ack-timeout', 'noop', 'triggered', null],
  ['triggered', 'auto-resolve', 'changed', 'resolved', 'auto-resolved'],
  ['triggered', 'retrigger', 'noop', 'triggered', 'already-triggered'],

  ['acknowledged', 'trigger', 'noop', 'acknowledged', 'alert-added'],
  ['acknowledged', 'acknowledge', 'noop', 'acknowledged', 'already-acknowledged'],
  ['acknowledged', 'resolve', 'changed', 'resolved', 'resolved'],
  ['acknowledged', 'escalate', 'changed', 'triggered', 'escalated'],
  ['acknowledged', 'ack-timeout', 'changed', 'triggered', 'ack-timeout'],
  ['acknowledged', 'auto-resolve', 'changed', 'resolved', 'auto-resolved'],
  ['acknowledged', 'retrigger', 'changed', 'triggered', 'retriggered'],

  ['resolved', 'trigger', 'conflict', 'resolved', null],
  ['resolved', 'acknowledge', 'conflict', 'resolved', null],
  ['resolved', 'resolve', 'noop', 'resolved', 'already-resolved'],
  ['resolved', 'escalate', 'conflict', 'resolved', null],
  ['resolved', 'ack-timeout', 'noop', 'resolved', null],
  ['resolved', 'auto-resolve', 'noop', 'resolved', null],
  ['resolved', 'retrigger', 'conflict', 'resolved', null],
];

describe('applyAction', () => {
  it('has a row for every status and action', () => {
    expect(table).toHaveLength(INCIDENT_STATUSES.length * INCIDENT_ACTION_TYPES.length);
    for (const status of INCIDENT_STATUSES) {
      for (const type of INCIDENT_ACTION_TYPES) {
        expect(table.filter(([from, action]) => from === status && action === type)).toHaveLength(1);
      }
    }
  });

  it.each(table)('%s + %s -> %s, %s', (from, type, outcome, next, timelineType) => {
    const result = applyAction({ status: from }, { type, actor: alice }, now);

    expect(result.outcome).toBe(outcome);
    expect(result.previousStatus).toBe(from);
    expect(result.status).toBe(next);
    expect(result.description.length).toBeGreaterThan(0);
    if (timelineType === null) {
      expect(result.timeline).toBeNull();
    } else {
      expect(result.timeline).toEqual({ type: timelineType, at: now, description: result.description, actor: alice });
    }
    if (outcome === 'changed') {
      expect(result.patch.status).toBe(next);
    } else {
      expect(result.patch).toEqual({});
    }
    if (outcome === 'conflict') {
      expect(result.conflictCode).toBe('INCIDENT_RESOLVED');
    } else {
      expect(result.conflictCode).toBeUndefined();
    }
  });

  it('records who acknowledged and when', () => {
    const result = applyAction({ status: 'triggered' }, { type: 'acknowledge', actor: alice }, now);

    expect(result.patch).toEqual({ status: 'acknowledged', acknowledgedBy: 'user-alice', acknowledgedAt: now });
    expect(result.description).toBe('Acknowledged by Alice via slack');
  });

  it('records who resolved and when', () => {
    const source: IncidentActor = { kind: 'integration', id: 'integration-1', name: 'Alertmanager' };
    const result = applyAction({ status: 'acknowledged' }, { type: 'resolve', actor: source }, now);

    expect(result.patch).toEqual({ status: 'resolved', resolvedBy: 'integration-1', resolvedAt: now });
    expect(result.description).toBe('Resolved by Alertmanager');
  });

  it('answers a second acknowledge with the current state and no patch', () => {
    const bob: IncidentActor = { kind: 'user', id: 'user-bob', name: 'Bob', channel: 'sms' };
    const result = applyAction({ status: 'acknowledged' }, { type: 'acknowledge', actor: bob }, now);

    expect(result.outcome).toBe('noop');
    expect(result.status).toBe('acknowledged');
    expect(result.description).toBe('Acknowledge by Bob via sms: already acknowledged');
  });

  it('explains a conflict for the 409 body', () => {
    const result = applyAction({ status: 'resolved' }, { type: 'acknowledge', actor: alice }, now);

    expect(result.outcome).toBe('conflict');
    expect(result.description).toBe('Incident is resolved; it cannot be acknowledged');
  });

  it('clears the acknowledgement when an ack timeout returns the incident to triggered', () => {
    const result = applyAction({ status: 'acknowledged' }, { type: 'ack-timeout' }, now);

    expect(result.patch).toEqual({ status: 'triggered', acknowledgedBy: null, acknowledgedAt: null });
    expect(result.timeline?.actor).toBeNull();
  });

  it('clears the acknowledgement when an acknowledged incident is escalated, and keeps it untouched otherwise', () => {
    expect(applyAction({ status: 'acknowledged' }, { type: 'escalate', actor: alice }, now).patch).toEqual({
      status: 'triggered',
      acknowledgedBy: null,
      acknowledgedAt: null,
    });
    expect(applyAction({ status: 'triggered' }, { type: 'escalate', actor: alice }, now).patch).toEqual({
      status: 'triggered',
    });
  });

  it('auto-resolves with no person recorded', () => {
    const result = applyAction({ status: 'triggered' }, { type: 'auto-resolve' }, now);

    expect(result.patch).toEqual({ status: 'resolved', resolvedBy: null, resolvedAt: now });
  });

  it('describes actors without a name by id, and the system as Klaxon', () => {
    const byId = applyAction({ status: 'triggered' }, { type: 'resolve', actor: { kind: 'user', id: 'u-1' } }, now);
    const bySystem = applyAction({ status: 'triggered' }, { type: 'resolve', actor: { kind: 'system' } }, now);
    const integration: IncidentActor = { kind: 'integration' };
    const byIntegration = applyAction({ status: 'triggered' }, { type: 'resolve', actor: integration }, now);
    const anonymous = applyAction({ status: 'triggered' }, { type: 'resolve' }, now);

    expect(byId.description).toBe('Resolved by u-1');
    expect(bySystem.description).toBe('Resolved by Klaxon');
    expect(byIntegration.description).toBe('Resolved by integration');
    expect(anonymous.description).toBe('Resolved');
    expect(anonymous.patch.resolvedBy).toBeNull();
  });

  it('treats triggered and acknowledged as open', () => {
    expect(INCIDENT_STATUSES.map(isOpen)).toEqual([true, true, false]);
  });
});
