import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { AlertRow, foldAlertRow, groupedAlertRow, KnownAlert, ungroupedAlertRow } from './alert-rows';
import { applyAction, IncidentActionType, isOpen, TransitionResult } from './domain/incident-state';
import { type CommandResult, type EventCommand, type IncidentCommand, incidentKey } from './incident-commands';
import type { ActorRecord, Incident, RepeatBurst } from './incident.entity';
import { burstEntry } from './repeat-burst';
import { Actor, IncidentChange, IncidentEventType, SYSTEM_ACTOR, toDomainActor } from './incident-lifecycle';

/** The timeline of an incident opened while a maintenance window covered its service (docs/maintenance.md). */
export const MAINTENANCE_HELD_MESSAGE = 'Opened during a maintenance window of its service: nobody is paged until the window ends';

/** An incident of the batch, locked (or just opened) by the batch's first statement. */
export interface LoadedIncident {
  incident: Incident;
  /** Opened by this batch's first statement; the first trigger for its key takes it. */
  created: boolean;
  /** The stored alerts of a group that this batch's events name, by fingerprint. */
  knownAlerts: Map<string, KnownAlert>;
}

/** An incident row as the write statement updates it: its state after the whole batch. */
export interface IncidentRow {
  id: string;
  status: string;
  updated_at: Date;
  last_alert_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by: ActorRecord | null;
  resolved_at: Date | null;
  resolved_by: ActorRecord | null;
  repeat_burst: RepeatBurst | null;
}

export interface TimelineRow {
  n: number;
  /** Set for the entry counting a burst of repeats: inserted once, then rewritten with the new count. */
  id: string | null;
  incident_id: string;
  at: Date;
  type: string;
  message: string;
  actor_type: string;
  actor_id: string | null;
  actor_name: string | null;
  channel: string;
  data: Record<string, unknown> | null;
}

/** Everything a batch writes, and what it tells the lifecycle listeners, decided before anything is written. */
export interface BatchDecision {
  results: CommandResult[];
  incidents: IncidentRow[];
  alerts: AlertRow[];
  timeline: TimelineRow[];
  lifecycle: IncidentChange[];
  /** New incidents were opened: wake the workers (their owners claim what a new incident sets off). */
  opened: boolean;
}

/**
 * Decides every command of a batch once, in order, with the pure state
 * machine: an incident's state moves on from one command to the next, so two
 * acknowledges in one batch give "Acknowledged", then "already acknowledged".
 * Mutates the loaded incidents to their state after the batch (a caller that
 * handed in its own locked entity sees the change, as with a transaction of
 * its own). No I/O: the repository loads before and writes after.
 */
export function decideBatch(commands: readonly IncidentCommand[], loaded: readonly LoadedIncident[], now: Date): BatchDecision {
  const byId = new Map(loaded.map((l) => [l.incident.id, l]));
  const open = new Map<string, LoadedIncident>();
  const toOpen = new Map<string, LoadedIncident>();
  for (const l of loaded) {
    const key = incidentKey(l.incident.serviceId, l.incident.dedupKey);
    if (l.created) toOpen.set(key, l);
    else if (isOpen(l.incident.status)) open.set(key, l);
  }
  const touched = new Set<LoadedIncident>();
  const alerts = new Map<string, AlertRow>();
  /** The batch's row of each burst entry, by entry id: the end of a burst the batch started rewrites it. */
  const burstRows = new Map<string, TimelineRow>();
  const out: BatchDecision = { results: [], incidents: [], alerts: [], timeline: [], lifecycle: [], opened: false };
  let n = 0;

  const timeline = (l: LoadedIncident, type: string, message: string, actor: Actor, at: Date, data: Record<string, unknown> | null, id: string | null = null) =>
    out.timeline.push({
      n: out.timeline.length,
      id,
      incident_id: l.incident.id,
      at,
      type,
      message,
      actor_type: actor.type,
      actor_id: actor.id ?? null,
      actor_name: actor.name ?? null,
      channel: actor.channel,
      data,
    });

  const transition = (l: LoadedIncident, type: IncidentActionType, actor: Actor, note?: string): TransitionResult => {
    const inc = l.incident;
    const result = applyAction({ status: inc.status }, { type, actor: toDomainActor(actor) }, now);
    if (result.outcome === 'conflict') return result;
    if (result.outcome === 'changed') {
      const p = result.patch;
      const record: ActorRecord = actorRecord(actor);
      inc.status = result.status;
      inc.updatedAt = now;
      endBurst(l);
      if ('acknowledgedAt' in p) inc.acknowledgedAt = p.acknowledgedAt ?? null;
      if ('acknowledgedBy' in p) inc.acknowledgedBy = p.acknowledgedAt ? record : null;
      if ('resolvedAt' in p) inc.resolvedAt = p.resolvedAt ?? null;
      if ('resolvedBy' in p) inc.resolvedBy = p.resolvedAt ? record : null;
      touched.add(l);
      const key = incidentKey(inc.serviceId, inc.dedupKey);
      if (!isOpen(inc.status) && open.get(key) === l) open.delete(key);
    }
    if (result.timeline) {
      const message = note ? `${result.timeline.description}: ${note}` : result.timeline.description;
      timeline(l, result.timeline.type, message, actor, now, note ? { note } : null);
    }
    const event = lifecycleEvent(type, result);
    if (event) out.lifecycle.push({ incident: inc, event: note ? { type: event, actor, note } : { type: event, actor } });
    return result;
  };

  /**
   * One row per alert key and batch, counting the events that carried it (the
   * last state wins, as it would one event at a time); a row per event
   * without a key (acknowledge, resolve).
   */
  const storeAlert = (row: Omit<AlertRow, 'n'>): void => {
    const key = row.alert_key === null ? `#${n}` : `${row.incident_id}\n${row.alert_key}`;
    const earlier = alerts.get(key);
    alerts.set(key, earlier ? foldAlertRow(earlier, { n: n++, ...row }) : { n: n++, ...row });
  };

  /** Returns whether anything new arrived (always for an ungrouped event; for a group, a new or changed alert). */
  const storeAlerts = (l: LoadedIncident, c: EventCommand): boolean => {
    const id = l.incident.id;
    if (!c.event.alerts) {
      const row = ungroupedAlertRow(id, c);
      storeAlert(row);
      if (row.alert_key !== null) {
        // The trigger alert counts this trigger: the burst's count and last repeat are read from it.
        l.incident.triggerCount = (l.incident.triggerCount ?? 0) + 1;
        l.incident.lastTriggerAt = now;
      }
      return true;
    }
    let changed = false;
    for (const alert of c.event.alerts) {
      const row = groupedAlertRow(id, c, alert);
      storeAlert(row);
      const known = l.knownAlerts.get(alert.fingerprint);
      // An identical redelivery (Alertmanager HA pairs, retries) only counts.
      if (known && known.status === row.status && isDeepStrictEqual(known.payload, row.payload)) continue;
      l.knownAlerts.set(alert.fingerprint, { status: row.status, payload: row.payload });
      changed = true;
    }
    return changed;
  };

  /**
   * A trigger repeating an open incident's own dedup key: counted on the
   * incident's trigger alert (storeAlerts), never an entry per event. The
   * first repeat after a change of status starts a burst: its timeline entry,
   * and the burst on the incident row. A later repeat while the burst is open
   * writes nothing but its alert (readers render the entry's count:
   * liveBurstEntry), unless the batch writes the entry anyway.
   */
  const repeat = (l: LoadedIncident, c: EventCommand): void => {
    const inc = l.incident;
    if (inc.repeatBurst) {
      // An entry this batch writes anyway says the count as of the batch.
      const row = burstRows.get(inc.repeatBurst.entryId);
      if (row) Object.assign(row, burstEntry(inc));
      return;
    }
    const actor = c.target.actor;
    const burst: RepeatBurst = {
      entryId: randomUUID(),
      base: (inc.triggerCount ?? 1) - 1,
      firstAt: now.toISOString(),
      source: c.target.source,
      actor: actorRecord(actor),
    };
    inc.repeatBurst = burst;
    inc.lastAlertAt = now;
    inc.updatedAt = now;
    touched.add(l);
    burstRow(l, burst);
  };

  /** A change of status ends the open burst: its entry gets its final count (the next repeat starts a new one). */
  function endBurst(l: LoadedIncident): void {
    const burst = l.incident.repeatBurst;
    if (!burst) return;
    const row = burstRows.get(burst.entryId);
    if (row) Object.assign(row, burstEntry(l.incident));
    else burstRow(l, burst);
    l.incident.repeatBurst = null;
  }

  /** The burst's entry as of now, in the batch's timeline rows: inserted when new, its text rewritten otherwise (by its id). */
  function burstRow(l: LoadedIncident, burst: RepeatBurst): void {
    const { message, data } = burstEntry(l.incident)!;
    timeline(l, 'repeated', message, burst.actor, new Date(burst.firstAt), data, burst.entryId);
    burstRows.set(burst.entryId, out.timeline[out.timeline.length - 1]);
  }

  const onEvent = (c: EventCommand): CommandResult => {
    const key = incidentKey(c.target.serviceId, c.dedupKey);
    const outcome = (l: LoadedIncident | null, created: boolean): CommandResult => ({
      kind: 'event',
      outcome: { dedupKey: c.dedupKey, incidentId: l?.incident.id ?? null, created },
    });
    const existing = open.get(key);
    if (c.event.action !== 'trigger') {
      if (!existing) return outcome(null, false);
      storeAlerts(existing, c);
      transition(existing, c.event.action, c.target.actor);
      return outcome(existing, false);
    }
    if (existing) {
      if (!storeAlerts(existing, c)) return outcome(existing, false);
      if (!c.event.alerts) {
        repeat(existing, c);
        return outcome(existing, false);
      }
      existing.incident.lastAlertAt = now;
      existing.incident.updatedAt = now;
      touched.add(existing);
      transition(existing, 'trigger', c.target.actor);
      return outcome(existing, false);
    }
    const fresh = toOpen.get(key);
    if (!fresh) return { kind: 'retry' };
    toOpen.delete(key);
    open.set(key, fresh);
    storeAlerts(fresh, c);
    const inc = fresh.incident;
    const by = c.target.actor.name ?? c.target.source;
    const opened = c.target.source === 'manual' ? `Opened by hand by ${by}: ${inc.title}` : `Triggered by ${by}: ${inc.title}`;
    timeline(fresh, 'triggered', opened, c.target.actor, inc.createdAt, {
      source: c.target.source,
      severity: inc.severity,
    });
    if (inc.maintenance) {
      timeline(fresh, 'maintenance-held', MAINTENANCE_HELD_MESSAGE, SYSTEM_ACTOR, inc.createdAt, null);
    }
    out.opened = true;
    return outcome(fresh, true);
  };

  for (const c of commands) {
    if (c.kind === 'event') {
      out.results.push(onEvent(c));
      continue;
    }
    const l = byId.get(c.incidentId);
    out.results.push(l ? { kind: 'act', incident: l.incident, transition: transition(l, c.action, c.actor, c.note) } : { kind: 'not-found' });
  }
  out.alerts = [...alerts.values()].sort((a, b) => a.n - b.n);
  out.incidents = [...touched].map(({ incident: i }) => ({
    id: i.id,
    status: i.status,
    updated_at: i.updatedAt,
    last_alert_at: i.lastAlertAt,
    acknowledged_at: i.acknowledgedAt,
    acknowledged_by: i.acknowledgedBy,
    resolved_at: i.resolvedAt,
    resolved_by: i.resolvedBy,
    repeat_burst: i.repeatBurst,
  }));
  return out;
}

/** Who acted, as the incident row and a repeat burst keep it. */
function actorRecord(actor: Actor): RepeatBurst['actor'] {
  return { type: actor.type, id: actor.id ?? null, name: actor.name ?? null, channel: actor.channel };
}

/** What the listeners hear about. A new alert on an open incident is not news to them (auto-resolve re-arms lazily). */
function lifecycleEvent(type: IncidentActionType, result: TransitionResult): IncidentEventType | null {
  if (type === 'trigger' || result.outcome !== 'changed') return null;
  switch (type) {
    case 'acknowledge':
      return 'acknowledged';
    case 'resolve':
    case 'auto-resolve':
      return 'resolved';
    case 'escalate':
      return 'escalate-requested';
    case 'ack-timeout':
    case 'retrigger':
      return 'unacknowledged';
  }
}
