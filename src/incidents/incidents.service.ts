import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, Not } from 'typeorm';
import { Clock } from '../common/clock';
import { ConflictError, NotFoundError } from '../common/errors';
import type { IncidentActionType } from './domain/incident-state';
import type { CommandResult, IngestTarget, RecordOutcome } from './incident-commands';
import type { IncidentNote } from './incident-notes';
import type { NormalisedEvent } from '../ingest/sources/normalised-event';
import { Incident } from './incident.entity';
import { Actor, IncidentLifecycleListener, SYSTEM_ACTOR } from './incident-lifecycle';
import { IncidentTimelineRepository } from './incident-timeline.repository';
import { IncidentsRepository } from './incidents.repository';

export type { Actor, IncidentEventType, IncidentLifecycleListener } from './incident-lifecycle';

export interface TimelineInput {
  type: string;
  message: string;
  actor?: Actor;
  data?: Record<string, unknown>;
  at?: Date;
}

/**
 * Incidents as the rest of the app sees them. Every state change is written
 * by IncidentsRepository (the pure state machine, the patch, the timeline,
 * the listeners, in one transaction); this service is how the API, the
 * engine's timers and the SMS/Slack/voice/email handlers reach it.
 */
@Injectable()
export class IncidentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly repository: IncidentsRepository,
    private readonly timeline: IncidentTimelineRepository,
  ) {}

  /** Listeners are told of every state change inside the transaction that made it. */
  registerListener(listener: IncidentLifecycleListener): void {
    this.repository.registerListener(listener);
  }

  acknowledge(id: string, actor: Actor, note?: string): Promise<Incident> {
    return this.act(id, 'acknowledge', actor, note);
  }

  resolve(id: string, actor: Actor, note?: string): Promise<Incident> {
    return this.act(id, 'resolve', actor, note);
  }

  /** Manual "next level now"; the engine (a listener) moves the level on 'escalate-requested'. */
  escalate(id: string, actor: Actor, note?: string): Promise<Incident> {
    return this.act(id, 'escalate', actor, note);
  }

  /** Adds a note (any status); 404 for an unknown incident. */
  async addNote(id: string, text: string, actor: Actor): Promise<IncidentNote> {
    const note = await this.repository.addNote(id, text, actor);
    if (!note) throw new NotFoundError('incident', id);
    return note;
  }

  /**
   * Opens an incident by hand (a direct page) in the caller's transaction,
   * through the one write path; with `policySnapshot` it escalates through
   * that one-off policy instead of its service's.
   */
  openIn(em: EntityManager, target: IngestTarget, event: NormalisedEvent, raw: unknown, policySnapshot: object | null): Promise<RecordOutcome> {
    return this.repository.openIn(em, target, event, raw, policySnapshot);
  }

  async get(id: string): Promise<Incident> {
    const incident = await this.dataSource.getRepository(Incident).findOne({ where: { id }, relations: { service: true } });
    if (!incident) throw new NotFoundError('incident', id);
    return incident;
  }

  /** The open (triggered or acknowledged) incident of a service with this dedup key, if any. */
  findOpenByDedupKey(serviceId: string, dedupKey: string): Promise<Incident | null> {
    return this.dataSource
      .getRepository(Incident)
      .findOne({ where: { serviceId, dedupKey, status: Not('resolved') }, relations: { service: true } });
  }

  findByNumber(n: number): Promise<Incident | null> {
    if (!Number.isSafeInteger(n) || n < 1) return Promise.resolve(null);
    return this.dataSource.getRepository(Incident).findOne({ where: { number: n }, relations: { service: true } });
  }

  /**
   * Timers fired by the engine, in the engine's transaction. Null when the
   * timer is stale (the incident moved on, or no longer exists).
   */
  async applySystemAction(
    em: EntityManager,
    incidentId: string,
    action: 'ack-timeout' | 'auto-resolve',
  ): Promise<Incident | null> {
    const result = await this.repository.actIn(em, incidentId, action, SYSTEM_ACTOR);
    return result.kind === 'act' && result.transition.outcome === 'changed' ? result.incident : null;
  }

  appendTimeline(em: EntityManager, incidentId: string, entry: TimelineInput): Promise<void> {
    return this.appendTimelineMany(em, [{ ...entry, incidentId }]);
  }

  /** Several entries, of one incident or several, in one INSERT (a bundle of rate-limited pages, a batch of page outcomes). */
  async appendTimelineMany(em: EntityManager, entries: readonly (TimelineInput & { incidentId: string })[]): Promise<void> {
    const at = this.clock.now();
    await this.timeline.append(
      em,
      entries.map((entry) => {
        const actor = entry.actor ?? SYSTEM_ACTOR;
        return {
          incidentId: entry.incidentId,
          at: entry.at ?? at,
          type: entry.type,
          message: entry.message,
          actorType: actor.type,
          actorId: actor.id ?? null,
          actorName: actor.name ?? null,
          channel: actor.channel,
          data: entry.data ?? null,
        };
      }),
    );
  }

  /**
   * One action on an incident in the caller's transaction (inbound actions with
   * their receipts): the incident is locked, decided by the state machine,
   * written and told to the listeners like any batch. A conflict changes
   * nothing and is returned, not thrown; an unknown id is `not-found`.
   */
  actIn(em: EntityManager, incidentId: string, type: IncidentActionType, actor: Actor): Promise<CommandResult> {
    return this.repository.actIn(em, incidentId, type, actor);
  }

  private async act(id: string, type: IncidentActionType, actor: Actor, note?: string): Promise<Incident> {
    const result = await this.repository.act(id, type, actor, note);
    if (result.kind !== 'act') throw new NotFoundError('incident', id);
    if (result.transition.outcome === 'conflict') {
      throw new ConflictError(result.transition.description, { incidentStatus: result.transition.status });
    }
    return this.get(id);
  }
}
