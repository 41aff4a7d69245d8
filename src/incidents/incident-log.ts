import type { BatchDecision, LoadedIncident } from './incident-batch-decision';
import type { IncidentCommand } from './incident-commands';
import type { Actor, IncidentEventType } from './incident-lifecycle';

/** One info line: its fields and message. */
export interface LogEntry {
  fields: Record<string, unknown>;
  msg: string;
}

const MESSAGES: Partial<Record<IncidentEventType, string>> = {
  acknowledged: 'incident acknowledged',
  unacknowledged: 'incident unacknowledged',
  resolved: 'incident resolved',
};

/** Who acted, for a log line: the user (id and name) or the integration, and the channel it came through. */
export function actorFields(actor: Actor): Record<string, unknown> {
  return {
    by: actor.type,
    ...(actor.type === 'user' && actor.id ? { userId: actor.id } : {}),
    ...(actor.name ? { name: actor.name } : {}),
    channel: actor.channel,
  };
}

/**
 * The state changes of a committed batch, one entry each: incidents opened,
 * acknowledged, un-acknowledged and resolved. A trigger that only added an
 * alert to an open incident, and a repeated acknowledge or resolve, change
 * nothing and have no line (a repeated trigger is the hot path of ingest).
 */
export function incidentLogEntries(commands: readonly IncidentCommand[], loaded: readonly LoadedIncident[], d: BatchDecision): LogEntry[] {
  const entries: LogEntry[] = [];
  const byId = new Map(loaded.map((l) => [l.incident.id, l.incident]));
  d.results.forEach((r, i) => {
    const c = commands[i];
    if (r.kind !== 'event' || !r.outcome.created || c.kind !== 'event') return;
    const incident = byId.get(r.outcome.incidentId ?? '');
    if (!incident) return;
    entries.push({
      fields: {
        incident: incident.number,
        incidentId: incident.id,
        serviceId: incident.serviceId,
        severity: incident.severity,
        source: c.target.source,
        ...(incident.maintenance ? { maintenance: true } : {}),
      },
      msg: 'incident opened',
    });
  });
  for (const { incident, event } of d.lifecycle) {
    const msg = MESSAGES[event.type];
    if (msg) entries.push({ fields: { incident: incident.number, incidentId: incident.id, ...actorFields(event.actor) }, msg });
  }
  return entries;
}
