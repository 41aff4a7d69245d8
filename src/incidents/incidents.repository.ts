import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { MetricsService } from '../health/metrics.service';
import type { NormalisedEvent } from '../ingest/sources/normalised-event';
import type { IncidentActionType } from './domain/incident-state';
import { commandKey, CommandResult, EventCommand, IncidentCommand, IngestTarget, RecordOutcome, recordOutcome } from './incident-commands';
import { IncidentBatchWriter } from './incident-batch.repository';
import type { Actor, IncidentLifecycleListener } from './incident-lifecycle';
import { IncidentWriteQueue } from './incident-write-queue';
import { json } from './json-text';
import { Incident } from './incident.entity';
import type { IncidentNote } from './incident-notes';

/** At most this many commands in one batch (bounded statement size and lock set). */
export const MAX_BATCH = 256;
/** Batches in flight at once: the others wait, and grow, while these run. */
export const MAX_IN_FLIGHT = 4;
/** A command is retried when a concurrent transaction opened its key after the batch's snapshot; bounded. */
const MAX_ATTEMPTS = 5;

/**
 * The one write path of incidents: every trigger, acknowledge and resolve,
 * from a source, a person or a timer, goes through here. A batch is one
 * transaction:
 *
 * 1. `BEGIN` and the load statement (incident-statements.ts), one round
 *    trip: lock the incidents the commands name, open new ones for triggers;
 * 2. the pure state machine decides every command once, in order
 *    (incident-batch-decision.ts);
 * 3. one statement writes the incident rows, alerts and timeline of the
 *    whole batch (and NOTIFYs the workers when incidents opened: the engine
 *    and Slack claim new incidents themselves), sent with `COMMIT` in the
 *    second round trip; when an acknowledge or resolve changed an incident,
 *    the lifecycle listeners (the engine, Slack) write between the write and
 *    `COMMIT` through their own code, and `COMMIT` is a third round trip.
 *
 * Concurrent callers share batches (IncidentWriteQueue): each is answered
 * after the commit that holds its commands, so a 202 still means committed.
 * Callers inside a transaction of their own (heartbeats, timers, inbound
 * actions with their receipts) use `recordIn` and `actIn`: the same
 * statements and decisions in their transaction.
 */
@Injectable()
export class IncidentsRepository implements OnModuleDestroy {
  private readonly logger = new Logger(IncidentsRepository.name);
  private readonly listeners: IncidentLifecycleListener[] = [];
  private readonly queue: IncidentWriteQueue<IncidentCommand, CommandResult>;
  private readonly batches: IncidentBatchWriter;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    metrics: MetricsService,
  ) {
    this.batches = new IncidentBatchWriter(dataSource, this.listeners, this.logger);
    this.queue = new IncidentWriteQueue((commands) => this.batches.write(commands, this.clock.now()), {
      maxCommands: MAX_BATCH,
      maxInFlight: MAX_IN_FLIGHT,
      // Two batches of this process never write one incident at once: the second waits here, not on the row lock.
      keyOf: commandKey,
      onBatch: (n) => metrics.ingestBatchEvents.observe(n),
      onBatchFailed: (err, n) => this.logger.warn({ err, commands: n }, 'incident batch failed; writing its callers one by one'),
    });
  }

  registerListener(listener: IncidentLifecycleListener): void {
    this.listeners.push(listener);
  }

  /** The events of one request, in one transaction shared with concurrent requests; resolves after the commit. */
  async record(target: IngestTarget, events: readonly NormalisedEvent[], raw: unknown): Promise<RecordOutcome[]> {
    const commands = events.map((event) => eventCommand(target, event, raw));
    const results = await this.submit(commands);
    return results.map((r, i) => recordOutcome(r, commands[i].dedupKey));
  }

  /**
   * Events for several targets (an event router splits one request between
   * services) as one group: they commit together, in one transaction shared
   * with concurrent requests. One outcome per item, in order.
   */
  async recordEach(items: readonly { target: IngestTarget; event: NormalisedEvent }[], raw: unknown): Promise<RecordOutcome[]> {
    if (!items.length) return [];
    const commands = items.map(({ target, event }) => eventCommand(target, event, raw));
    const results = await this.submit(commands);
    return results.map((r, i) => recordOutcome(r, commands[i].dedupKey));
  }

  /**
   * The open incidents a router opened with a dedup key, with their service:
   * where an acknowledge or resolve sent to the router's key goes (it carries
   * nothing to route on). Usually one; a group split between services opens
   * one per service.
   */
  async openThroughRouter(routerId: string, dedupKey: string): Promise<{ id: string; serviceId: string }[]> {
    const rows: { id: string; service_id: string }[] = await this.dataSource.query(
      `SELECT id, service_id FROM incidents WHERE router_id = $1 AND dedup_key = $2 AND status <> 'resolved' ORDER BY created_at, id`,
      [routerId, dedupKey],
    );
    return rows.map((r) => ({ id: r.id, serviceId: r.service_id }));
  }

  /** An action on one incident by id (API, SMS, Slack, voice, email), batched like events. */
  async act(incidentId: string, action: IncidentActionType, actor: Actor, note?: string): Promise<CommandResult> {
    const [result] = await this.submit([{ kind: 'act', incidentId, action, actor, ...(note ? { note } : {}) }]);
    return result;
  }

  /** One event in the caller's transaction (heartbeats): the same statements and decisions. */
  async recordIn(em: EntityManager, target: IngestTarget, event: NormalisedEvent, raw: unknown): Promise<RecordOutcome> {
    const command = eventCommand(target, event, raw);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const [result] = await this.runIn(em, [command]);
      if (result.kind !== 'retry') return recordOutcome(result, command.dedupKey);
    }
    throw new Error(`could not open or find the incident for dedup key ${command.dedupKey} after ${MAX_ATTEMPTS} attempts`);
  }

  /**
   * Opens a new incident by hand (a direct page) in the caller's transaction,
   * through the same statements as every trigger (the key is generated, so it
   * always opens). With `policySnapshot` the incident escalates through that
   * one-off policy: it is written before the caller commits, so the engine,
   * which claims only committed incidents, always finds it.
   */
  async openIn(em: EntityManager, target: IngestTarget, event: NormalisedEvent, raw: unknown, policySnapshot: object | null): Promise<RecordOutcome> {
    const outcome = await this.recordIn(em, target, { ...event, action: 'trigger', dedupKey: null }, raw);
    if (!outcome.incidentId || !outcome.created) throw new Error('a direct page did not open a new incident');
    if (policySnapshot) {
      await em.query(`UPDATE incidents SET policy_snapshot = $2::jsonb WHERE id = $1`, [outcome.incidentId, json(policySnapshot)]);
    }
    return outcome;
  }

  /**
   * A note on an incident (any status): a `note` timeline entry, and the
   * listeners told (`note-added`: Slack replies in the incident's threads),
   * in one transaction. The incident is share-locked so that it cannot be
   * deleted under the note. Null when there is no such incident.
   */
  async addNote(incidentId: string, text: string, actor: Actor): Promise<IncidentNote | null> {
    return this.dataSource.transaction(async (em) => {
      const incident = await em.getRepository(Incident).findOne({ where: { id: incidentId }, lock: { mode: 'pessimistic_read' } });
      if (!incident) return null;
      const at = this.clock.now();
      const [row]: { id: string }[] = await em.query(
        `INSERT INTO incident_timeline (incident_id, at, type, message, actor_type, actor_id, actor_name, channel, data)
         VALUES ($1, $2, 'note', $3, $4, $5, $6, $7, $8::jsonb) RETURNING id`,
        [incidentId, at, `Note from ${actor.name ?? actor.type}: ${text}`, actor.type, actor.id ?? null, actor.name ?? null, actor.channel, json({ text })],
      );
      for (const listener of this.listeners) await listener.onIncidentEvents(em, [{ incident, event: { type: 'note-added', actor, note: text } }]);
      this.logger.log({ incident: incident.number, incidentId, actorType: actor.type, channel: actor.channel }, 'note added to incident');
      return { id: row.id, incidentId, text, author: { type: actor.type, id: actor.id ?? null, name: actor.name ?? null }, channel: actor.channel, createdAt: at };
    });
  }

  /** An action by id in the caller's transaction (timers); not-found when the incident is gone. */
  async actIn(em: EntityManager, incidentId: string, action: IncidentActionType, actor: Actor): Promise<CommandResult> {
    const [result] = await this.runIn(em, [{ kind: 'act', incidentId, action, actor }]);
    return result;
  }

  async onModuleDestroy(): Promise<void> {
    await this.queue.drained();
  }

  private runIn(em: EntityManager, commands: IncidentCommand[]): Promise<CommandResult[]> {
    return this.batches.writeIn(em, commands, this.clock.now());
  }

  /** Submits to the queue; commands that could not be decided in their batch are submitted again, alone. */
  private async submit(commands: IncidentCommand[]): Promise<CommandResult[]> {
    const results = await this.queue.submit(commands);
    for (let i = 0; i < results.length; i++) {
      for (let attempt = 1; results[i].kind === 'retry'; attempt++) {
        if (attempt >= MAX_ATTEMPTS) throw new Error(`could not open or find the incident after ${MAX_ATTEMPTS} attempts`);
        [results[i]] = await this.queue.submit([commands[i]]);
      }
    }
    return results;
  }
}

function eventCommand(target: IngestTarget, event: NormalisedEvent, raw: unknown): EventCommand {
  return { kind: 'event', target, event, dedupKey: event.dedupKey ?? randomUUID().replace(/-/g, ''), raw };
}
