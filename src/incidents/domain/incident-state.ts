/**
 * The incident lifecycle of docs/paging.md as one pure function: given the
 * incident's current status and an action, what the status becomes and what
 * the timeline says. The caller runs it inside the transaction that holds the
 * incident row lock and writes the patch and the timeline entry; timers and
 * pages follow from the change through the lifecycle listeners (the
 * escalation engine), not from this module.
 *
 * Not decided here: which incident a trigger belongs to. The caller looks for
 * an open incident (triggered or acknowledged) with the dedup key on the
 * service; when there is none it opens a new incident and never calls
 * `applyAction` with `trigger` on a resolved one (that answers `conflict`).
 */

export const INCIDENT_STATUSES = ['triggered', 'acknowledged', 'resolved'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/**
 * - `trigger`: a new alert with the incident's dedup key (from a source).
 * - `acknowledge` / `resolve`: by a person or by the source.
 * - `escalate`: manual "next level now".
 * - `ack-timeout`: the service's `ackTimeoutMinutes` timer fired.
 * - `auto-resolve`: the service's `autoResolveMinutes` timer fired.
 * - `retrigger`: an explicit "un-acknowledge" (API, Slack): back to triggered,
 *   escalation restarts at level 0. Never reopens a resolved incident.
 */
export const INCIDENT_ACTION_TYPES = [
  'trigger',
  'acknowledge',
  'resolve',
  'escalate',
  'ack-timeout',
  'auto-resolve',
  'retrigger',
] as const;
export type IncidentActionType = (typeof INCIDENT_ACTION_TYPES)[number];

/** Matches the timeline entity's `ActionChannelName`. */
export type ActionChannel = 'api' | 'slack' | 'sms' | 'voice' | 'email' | 'teams' | 'mattermost' | 'integration' | 'system';

export interface IncidentActor {
  kind: 'user' | 'api-key' | 'integration' | 'system';
  /** User id or integration id; written to `acknowledgedBy` / `resolvedBy`. */
  id?: string;
  /** Display name for the timeline. */
  name?: string;
  /** Through which channel the action came. */
  channel?: ActionChannel;
}

export interface IncidentAction {
  type: IncidentActionType;
  actor?: IncidentActor;
}

export interface IncidentStateSnapshot {
  status: IncidentStatus;
}

export type ActionOutcome = 'changed' | 'noop' | 'conflict';

export type TimelineEntryType =
  | 'alert-added'
  | 'acknowledged'
  | 'resolved'
  | 'escalated'
  | 'ack-timeout'
  | 'auto-resolved'
  | 'retriggered'
  | 'already-triggered'
  | 'already-acknowledged'
  | 'already-resolved';

export interface TimelineEntry {
  type: TimelineEntryType;
  at: Date;
  description: string;
  actor: IncidentActor | null;
}

/** Fields of the incident row to write; `{}` unless the status changes. */
export interface IncidentPatch {
  status?: IncidentStatus;
  acknowledgedBy?: string | null;
  acknowledgedAt?: Date | null;
  resolvedBy?: string | null;
  resolvedAt?: Date | null;
}

export type IncidentConflictCode = 'INCIDENT_RESOLVED';

export interface TransitionResult {
  outcome: ActionOutcome;
  previousStatus: IncidentStatus;
  /** The status after the action (the current one for `noop` and `conflict`). */
  status: IncidentStatus;
  /** Timeline text, or for `conflict` the reason to answer with the 409. */
  description: string;
  /**
   * Written for every change, for an alert added to an open incident, and for
   * a person's repeated acknowledge/resolve (every action is on the timeline).
   * Null for a conflict (nothing is stored) and for a timer that fired after
   * the state it was waiting for had already changed.
   */
  timeline: TimelineEntry | null;
  patch: IncidentPatch;
  conflictCode?: IncidentConflictCode;
}

export function isOpen(status: IncidentStatus): boolean {
  return status !== 'resolved';
}

export function applyAction(
  current: IncidentStateSnapshot,
  action: IncidentAction,
  now: Date,
): TransitionResult {
  const from = current.status;
  const actor = action.actor ?? null;
  const by = describeActor(actor);

  const changed = (
    status: IncidentStatus,
    type: TimelineEntryType,
    description: string,
    patch: IncidentPatch,
  ): TransitionResult => ({
    outcome: 'changed',
    previousStatus: from,
    status,
    description,
    timeline: { type, at: now, description, actor },
    patch: { status, ...patch },
  });
  const noop = (type: TimelineEntryType | null, description: string): TransitionResult => ({
    outcome: 'noop',
    previousStatus: from,
    status: from,
    description,
    timeline: type === null ? null : { type, at: now, description, actor },
    patch: {},
  });
  const conflict = (description: string): TransitionResult => ({
    outcome: 'conflict',
    previousStatus: from,
    status: from,
    description,
    timeline: null,
    patch: {},
    conflictCode: 'INCIDENT_RESOLVED',
  });

  switch (action.type) {
    case 'trigger':
      if (from === 'resolved') return conflict('Incident is resolved; a new trigger opens a new incident');
      return noop('alert-added', `New alert${by}; incident already ${from}, nobody new paged`);

    case 'acknowledge':
      if (from === 'resolved') return conflict('Incident is resolved; it cannot be acknowledged');
      if (from === 'acknowledged') return noop('already-acknowledged', `Acknowledge${by}: already acknowledged`);
      return changed('acknowledged', 'acknowledged', `Acknowledged${by}`, {
        acknowledgedBy: actorId(actor),
        acknowledgedAt: now,
      });

    case 'resolve':
      if (from === 'resolved') return noop('already-resolved', `Resolve${by}: already resolved`);
      return changed('resolved', 'resolved', `Resolved${by}`, { resolvedBy: actorId(actor), resolvedAt: now });

    case 'escalate':
      if (from === 'resolved') return conflict('Incident is resolved; it cannot be escalated');
      // Escalating an acknowledged incident hands it to the next level, so it
      // must page again: it returns to triggered, as in PagerDuty.
      return changed(
        'triggered',
        'escalated',
        `Escalated manually${by}`,
        from === 'acknowledged' ? { acknowledgedBy: null, acknowledgedAt: null } : {},
      );

    case 'ack-timeout':
      // A stale timer: the incident was resolved, or already re-triggered.
      if (from !== 'acknowledged') return noop(null, `Acknowledgement timeout ignored: incident is ${from}`);
      return changed(
        'triggered',
        'ack-timeout',
        'Still acknowledged after the acknowledgement timeout: triggered again, escalation restarts at level 0',
        { acknowledgedBy: null, acknowledgedAt: null },
      );

    case 'auto-resolve':
      if (from === 'resolved') return noop(null, 'Auto-resolve ignored: incident is already resolved');
      return changed(
        'resolved',
        'auto-resolved',
        'Resolved automatically: no new alert within the auto-resolve time',
        { resolvedBy: null, resolvedAt: now },
      );

    case 'retrigger':
      if (from === 'resolved') return conflict('Incident is resolved; a new trigger opens a new incident');
      if (from === 'triggered') return noop('already-triggered', `Retrigger${by}: already triggered`);
      return changed(
        'triggered',
        'retriggered',
        `Triggered again${by}; escalation restarts at level 0`,
        { acknowledgedBy: null, acknowledgedAt: null },
      );
  }
}

function actorId(actor: IncidentActor | null): string | null {
  return actor?.id ?? null;
}

/** " by Alice via slack", " by Klaxon", or "" when nobody is known. */
function describeActor(actor: IncidentActor | null): string {
  if (actor === null) return '';
  const who = actor.name ?? actor.id ?? (actor.kind === 'system' ? 'Klaxon' : actor.kind);
  const via = actor.channel === undefined ? '' : ` via ${actor.channel}`;
  return ` by ${who}${via}`;
}
