import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Clock } from '../common/clock';
import { ConflictError, NotFoundError } from '../common/errors';
import { applyAction, IncidentActionType, TransitionResult } from './domain/incident-state';
import { ActorRecord, Incident } from './incident.entity';
import {
  Actor,
  IncidentEventType,
  IncidentLifecycleListener,
  SYSTEM_ACTOR,
  toDomainActor,
} from './incident-lifecycle';
import { IncidentTimelineEntry } from './incident-timeline-entry.entity';

export type { Actor, IncidentEventType, IncidentLifecycleListener } from './incident-lifecycle';

export interface TimelineInput {
  type: string;
  message: string;
  actor?: Actor;
  data?: Record<string, unknown>;
  at?: Date;
}

/**
 * Every incident state change goes through here: lock the row (FOR UPDATE),
 * run the pure state machine, write the patch and the timeline, tell the
 * listeners, all in one transaction. Ingest, the API, the engine's timers and
 * the SMS/Slack/voice/email handlers share it.
 */
@Injectable()
export class IncidentsService {
  private readonly listeners: IncidentLifecycleListener[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  registerListener(listener: IncidentLifecycleListener): void {
    this.listeners.push(listener);
  }

  /** Every listener's 'triggered' effect as SQL (IncidentLifecycleListener.openedSql), or null if one has none. */
  openedSql(): string[] | null {
    const sql = this.listeners.map((l) => l.openedSql);
    return sql.every((s): s is string => typeof s === 'string') ? sql : null;
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

  async get(id: string): Promise<Incident> {
    const incident = await this.dataSource.getRepository(Incident).findOne({ where: { id }, relations: { service: true } });
    if (!incident) throw new NotFoundError('incident', id);
    return incident;
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
    const incident = await this.lock(em, incidentId);
    if (!incident) return null;
    const result = await this.transition(em, incident, action, SYSTEM_ACTOR);
    return result.outcome === 'changed' ? incident : null;
  }

  appendTimeline(em: EntityManager, incidentId: string, entry: TimelineInput): Promise<void> {
    return this.appendTimelineMany(em, incidentId, [entry]);
  }

  /** Several entries in one INSERT (the engine writes a plan's timeline at once). */
  async appendTimelineMany(em: EntityManager, incidentId: string, entries: TimelineInput[]): Promise<void> {
    if (!entries.length) return;
    await em.getRepository(IncidentTimelineEntry).insert(
      entries.map((entry) => {
        const actor = entry.actor ?? SYSTEM_ACTOR;
        return {
          incidentId,
          at: entry.at ?? this.clock.now(),
          type: entry.type,
          message: entry.message,
          actorType: actor.type,
          actorId: actor.id ?? null,
          actorName: actor.name ?? null,
          channel: actor.channel,
          data: (entry.data ?? null) as QueryDeepPartialEntity<IncidentTimelineEntry>['data'],
        };
      }),
    );
  }

  /** SELECT ... FOR UPDATE: state changes of one incident are serialised. */
  lock(em: EntityManager, id: string): Promise<Incident | null> {
    return em.getRepository(Incident).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Runs one action on a locked incident: state machine, row patch, timeline,
   * listeners. A conflict changes nothing and is returned, not thrown.
   */
  async transition(
    em: EntityManager,
    incident: Incident,
    type: IncidentActionType,
    actor: Actor,
    note?: string,
    data?: Record<string, unknown>,
  ): Promise<TransitionResult> {
    const now = this.clock.now();
    const result = applyAction({ status: incident.status }, { type, actor: toDomainActor(actor) }, now);
    if (result.outcome === 'conflict') return result;

    if (result.outcome === 'changed') {
      const p = result.patch;
      const record = toActorRecord(actor);
      const patch: Partial<Incident> = { status: result.status, updatedAt: now };
      if ('acknowledgedAt' in p) patch.acknowledgedAt = p.acknowledgedAt ?? null;
      if ('acknowledgedBy' in p) patch.acknowledgedBy = p.acknowledgedAt ? record : null;
      if ('resolvedAt' in p) patch.resolvedAt = p.resolvedAt ?? null;
      if ('resolvedBy' in p) patch.resolvedBy = p.resolvedAt ? record : null;
      await em.getRepository(Incident).update({ id: incident.id }, patch as QueryDeepPartialEntity<Incident>);
      Object.assign(incident, patch);
    }
    if (result.timeline) {
      const entryData = { ...(data ?? {}), ...(note ? { note } : {}) };
      await this.appendTimeline(em, incident.id, {
        type: result.timeline.type,
        message: note ? `${result.timeline.description}: ${note}` : result.timeline.description,
        actor,
        data: Object.keys(entryData).length ? entryData : undefined,
        at: now,
      });
    }
    const eventType = listenerEvent(type, result);
    if (eventType) await this.emit(em, incident, eventType, actor, note);
    return result;
  }

  async emit(em: EntityManager, incident: Incident, type: IncidentEventType, actor: Actor, note?: string): Promise<void> {
    for (const listener of this.listeners) {
      await listener.onIncidentEvent(em, incident, note ? { type, actor, note } : { type, actor });
    }
  }

  private async act(id: string, type: IncidentActionType, actor: Actor, note?: string): Promise<Incident> {
    await this.dataSource.transaction(async (em) => {
      const incident = await this.lock(em, id);
      if (!incident) throw new NotFoundError('incident', id);
      const result = await this.transition(em, incident, type, actor, note);
      if (result.outcome === 'conflict') {
        throw new ConflictError(result.description, { incidentStatus: result.status });
      }
    });
    return this.get(id);
  }
}

function listenerEvent(type: IncidentActionType, result: TransitionResult): IncidentEventType | null {
  // A new alert on an open incident changes nothing that listeners act on (auto-resolve re-arms lazily).
  if (type === 'trigger') return null;
  if (result.outcome !== 'changed') return null;
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

function toActorRecord(actor: Actor): ActorRecord {
  return { type: actor.type, id: actor.id ?? null, name: actor.name ?? null, channel: actor.channel };
}
