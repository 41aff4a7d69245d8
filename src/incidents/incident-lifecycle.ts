import type { EntityManager } from 'typeorm';
import type { IncidentActor } from './domain/incident-state';
import type { Incident } from './incident.entity';
import type { ActionChannelName, ActorType } from './incident-timeline-entry.entity';

/** What listeners (the escalation engine, later Slack) hear about, after the state change, inside its transaction. */
export type IncidentEventType =
  | 'triggered'
  | 'acknowledged'
  | 'unacknowledged'
  | 'resolved'
  | 'escalate-requested';

/** Who acted and through which channel; written to the timeline and to acknowledgedBy/resolvedBy. */
export interface Actor {
  type: ActorType;
  id?: string | null;
  name?: string | null;
  channel: ActionChannelName;
}

export interface IncidentLifecycleEvent {
  type: IncidentEventType;
  actor: Actor;
  note?: string;
}

export interface IncidentLifecycleListener {
  /** Runs inside the transaction that changed the incident; throwing rolls the change back. */
  onIncidentEvent(em: EntityManager, incident: Incident, event: IncidentLifecycleEvent): Promise<void>;
  /**
   * What onIncidentEvent does on 'triggered', as SQL, for incidents opened in
   * a batch (new-incident-writer.ts): one data-modifying statement over the
   * CTE `opened(id, service_id, dedup_key, escalation_epoch, created_at)`,
   * with $2 the time. The batch statement sends the NOTIFY. A listener without
   * it sends every new incident down the one-transaction-per-event path.
   */
  readonly openedSql?: string;
}

export const SYSTEM_ACTOR: Actor = { type: 'system', id: null, name: 'Klaxon', channel: 'system' };

const PERSON_CHANNELS = new Set(['api', 'slack', 'sms', 'voice', 'email']);

/** The pure state machine's view of an actor. */
export function toDomainActor(actor: Actor): IncidentActor {
  const kind = actor.type === 'api-key' ? 'user' : actor.type;
  const domain: IncidentActor = { kind };
  if (actor.id) domain.id = actor.id;
  if (actor.name) domain.name = actor.name;
  if (PERSON_CHANNELS.has(actor.channel)) domain.channel = actor.channel as IncidentActor['channel'];
  return domain;
}
