import type { EntityManager } from 'typeorm';
import type { IncidentActor } from './domain/incident-state';
import type { Incident } from './incident.entity';
import type { ActionChannelName, ActorType } from './incident-timeline-entry.entity';

/**
 * What listeners (the escalation engine, Slack) hear about, after the state
 * change, inside its transaction. A new incident is not an event here: the
 * modules it concerns claim it themselves (the engine starts its escalation,
 * Slack posts to the service's channel), woken by the NOTIFY of its commit.
 */
export type IncidentEventType =
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
  /**
   * Runs inside the transaction that changed the incident, after the change is
   * written; throwing rolls the change back. Writes through `em` (it may be a
   * batch's transaction shared by other incidents).
   */
  onIncidentEvent(em: EntityManager, incident: Incident, event: IncidentLifecycleEvent): Promise<void>;
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
