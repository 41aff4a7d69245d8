import type { WebhookEventType } from './webhook-event-types';

/** Who did something, as a delivery shows it. */
export interface WebhookActor {
  type: string;
  id: string | null;
  name: string | null;
  channel?: string | null;
}

/** An incident as the events show it: the same fields in every event. */
export interface IncidentFacts {
  id: string;
  number: number;
  title: string;
  status: string;
  severity: string;
  serviceId: string;
  serviceName: string;
  createdAt: Date;
  acknowledgedAt: Date | null;
  acknowledgedBy: WebhookActor | null;
  resolvedAt: Date | null;
  resolvedBy: WebhookActor | null;
}

export interface EventBody {
  id: string;
  type: WebhookEventType;
  occurredAt: string;
  sequence: number | null;
  data: Record<string, unknown>;
}

const actorOut = (a: WebhookActor | null) => (a ? { type: a.type, id: a.id ?? null, name: a.name ?? null } : null);

/**
 * The body of an incident event (docs/webhooks.md, "Body"). Pure. `url` is the
 * incident in Klaxon's API under PUBLIC_URL, or null without one. `extra` holds
 * the event's own fields (`actor`, `note`, `escalation`...), written after
 * `incident`; keys whose value is undefined are left out.
 */
export function incidentEventBody(input: {
  id: string;
  type: WebhookEventType;
  occurredAt: Date;
  sequence: number;
  incident: IncidentFacts;
  publicUrl: string | null;
  extra?: Record<string, unknown>;
}): EventBody {
  const i = input.incident;
  const base = input.publicUrl ? input.publicUrl.replace(/\/+$/, '') : null;
  const data: Record<string, unknown> = {
    incident: {
      id: i.id,
      number: i.number,
      title: i.title,
      status: i.status,
      severity: i.severity,
      service: { id: i.serviceId, name: i.serviceName },
      createdAt: i.createdAt.toISOString(),
      acknowledgedAt: i.acknowledgedAt?.toISOString() ?? null,
      acknowledgedBy: actorOut(i.acknowledgedBy),
      resolvedAt: i.resolvedAt?.toISOString() ?? null,
      resolvedBy: actorOut(i.resolvedBy),
      url: base ? `${base}/api/v1/incidents/${i.id}` : null,
    },
  };
  for (const [k, v] of Object.entries(input.extra ?? {})) if (v !== undefined) data[k] = k === 'actor' ? actorOut(v as WebhookActor) : v;
  return { id: input.id, type: input.type, occurredAt: input.occurredAt.toISOString(), sequence: input.sequence, data };
}

/**
 * The sequence numbers of an incident's next events. The incident's opening
 * event (`incident.triggered` queued when the incidents module's claim announces it) is always 1, since it
 * may be queued after a quick acknowledgement was; every other event takes
 * the next number after the highest so far, and at least 2.
 */
export function nextSequences(lastSequence: number, events: readonly { opening: boolean }[]): number[] {
  let last = Math.max(lastSequence, 1);
  return events.map((e) => (e.opening ? 1 : ++last));
}
