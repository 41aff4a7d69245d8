import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/api-keys.service';
import type { IncidentActor } from './domain/incident-state';
import type { Incident } from './incident.entity';
import type { ActionChannelName, ActorType } from './incident-timeline-entry.entity';

/**
 * What listeners (the escalation engine, Slack) hear about, after the state
 * change, inside its transaction. A new incident is not an event here: a
 * worker, woken by the NOTIFY of its commit, claims it once and tells the
 * opening listeners (incident-openings.repository.ts: the engine starts its
 * escalation, Slack posts to the service's channel, webhooks queue
 * `incident.triggered`).
 */
export type IncidentEventType =
  | 'acknowledged'
  | 'unacknowledged'
  | 'resolved'
  | 'escalate-requested'
  /** A person added a note (no state change): Slack replies in the incident's threads. */
  | 'note-added';

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
  /** The note given with an action, or the text of an added note. */
  note?: string;
}

/** One incident's change, as a listener hears it. */
export interface IncidentChange {
  incident: Incident;
  event: IncidentLifecycleEvent;
}

export interface IncidentLifecycleListener {
  /**
   * Runs once per batch, inside the transaction that changed the incidents,
   * after the changes are written, with every change of the batch in order;
   * throwing rolls them back. Writes through `em`, for all the changes at once
   * where it can (a resolve storm is one batch of many incidents).
   */
  onIncidentEvents(em: EntityManager, changes: readonly IncidentChange[]): Promise<void>;
}

export const SYSTEM_ACTOR: Actor = { type: 'system', id: null, name: 'Klaxon', channel: 'system' };

/** An API key acts under its own name (keys belong to no user); a console session of a user acts as that user. */
export function apiActor(p: Pick<Principal, 'id' | 'name' | 'session'>): Actor {
  const user = p.session?.user;
  if (user) return { type: 'user', id: user.id, name: user.name, channel: 'api' };
  return { type: 'api-key', id: p.id, name: p.name, channel: 'api' };
}

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
