import type { NormalisedEvent } from '../ingest/sources/normalised-event';
import type { AlertSource } from './alert.entity';
import type { IncidentActionType, TransitionResult } from './domain/incident-state';
import type { Incident } from './incident.entity';
import type { Actor } from './incident-lifecycle';

/** Where an event came from: the service it belongs to and who the timeline says sent it. */
export interface IngestTarget {
  serviceId: string;
  integrationId: string | null;
  source: AlertSource;
  actor: Actor;
  /** The event router the event came through (set on the incident it opens); absent or null: an integration or Klaxon. */
  routerId?: string | null;
  /** Open the incident suppressed (recorded and listed, never pages): a router rule with `suppress`. */
  suppressed?: boolean;
}

export interface RecordOutcome {
  /** The sender's key, or the one generated for a keyless trigger (returned to the sender). */
  dedupKey: string;
  /** Null when an acknowledge/resolve found no open incident (a 202 no-op). */
  incidentId: string | null;
  created: boolean;
}

/** A normalised event from a source, for the open incident with its dedup key (or a new one). */
export interface EventCommand {
  kind: 'event';
  target: IngestTarget;
  event: NormalisedEvent;
  /** The event's key, or the one generated for a keyless trigger. */
  dedupKey: string;
  /** The request body as stored with the alert (credentials already redacted). */
  raw: unknown;
}

/** An action on one incident by id: a person (API, SMS, Slack, voice, email) or a timer. */
export interface ActCommand {
  kind: 'act';
  incidentId: string;
  action: IncidentActionType;
  actor: Actor;
  note?: string;
}

export type IncidentCommand = EventCommand | ActCommand;

/** An open incident's key in this process: its service and dedup key. */
export const incidentKey = (serviceId: string, dedupKey: string): string => `${serviceId}\n${dedupKey}`;

/**
 * The incident a command writes, as the write queue's key: an event's
 * (service, dedup key), an action's incident id. An event and an action on
 * one incident have different keys; the database's row lock orders them.
 */
export function commandKey(c: IncidentCommand): string {
  return c.kind === 'event' ? incidentKey(c.target.serviceId, c.dedupKey) : c.incidentId;
}

/** What one command did, decided by the state machine. */
export type CommandResult =
  | { kind: 'event'; outcome: RecordOutcome }
  | { kind: 'act'; incident: Incident; transition: TransitionResult }
  /** An act on an incident that does not exist. */
  | { kind: 'not-found' }
  /**
   * Could not be decided in this batch: the trigger's key has no open incident
   * and none could be opened here (a concurrent transaction opened one after
   * this batch's snapshot, or this batch resolved it). Run again on its own.
   */
  | { kind: 'retry' };

export function recordOutcome(result: CommandResult, dedupKey: string): RecordOutcome {
  if (result.kind === 'event') return result.outcome;
  return { dedupKey, incidentId: null, created: false };
}
