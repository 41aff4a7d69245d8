import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { MetricsService } from '../health/metrics.service';
import type { NormalisedEvent } from '../ingest/sources/normalised-event';
import { WORK_CHANNEL } from '../notifications/outbox.service';
import type { IngestTarget, RecordOutcome } from './incident-recorder.service';
import { IncidentsService } from './incidents.service';
import { alertColumns, incidentStatementBatcher } from './batched-statement';
import type { StatementBatcher } from './statement-batcher';

/** One opening trigger as the batch statement reads it (json_to_recordset). */
interface OpenRow {
  service_id: string;
  dedup_key: string;
  integration_id: string | null;
  source: string;
  title: string;
  severity: string;
  details: unknown;
  payload: unknown;
  message: string;
  actor_type: string;
  actor_id: string | null;
  actor_name: string | null;
  channel: string;
  tl_data: unknown;
}

/**
 * The first trigger of a new incident, batched like repeated triggers
 * (StatementBatcher): one statement opens every incident of the batch, stores
 * each one's alert and "triggered" timeline entry, runs what every incident
 * listener does on 'triggered' (their `openedSql`: the engine's start and
 * auto-resolve timers, the Slack channel post) and wakes the workers. One
 * statement is atomic: each incident commits with everything it implies, or
 * nothing does.
 *
 * Null for an event this path does not take: not a plain trigger, a key that
 * is already open (ON CONFLICT on the partial unique index), a second event
 * with the same key in the batch, or a listener without `openedSql`. The
 * caller then takes the transactional path, which joins or opens as before.
 * Rows are inserted in (service, dedup key) order, so concurrent batches
 * never deadlock on the unique index.
 */
@Injectable()
export class NewIncidentWriter implements OnModuleDestroy {
  private readonly logger = new Logger(NewIncidentWriter.name);
  private readonly batcher: StatementBatcher<OpenRow, string | null>;
  private sql: string | null | undefined;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    clock: Clock,
    private readonly incidents: IncidentsService,
    metrics: MetricsService,
  ) {
    this.batcher = incidentStatementBatcher({
      dataSource,
      clock,
      metrics,
      logger: this.logger,
      name: 'klaxon_open_incidents',
      text: () => this.statement()!,
      what: 'new incidents',
    });
  }

  async open(target: IngestTarget, event: NormalisedEvent, raw: unknown): Promise<RecordOutcome | null> {
    if (event.action !== 'trigger' || event.alerts || !this.statement()) return null;
    const dedupKey = event.dedupKey ?? randomUUID().replace(/-/g, '');
    const incidentId = await this.batcher.submit({
      ...alertColumns(target, dedupKey, event, raw),
      message: `Triggered by ${target.actor.name ?? target.source}: ${event.title}`,
      actor_type: target.actor.type,
      actor_id: target.actor.id ?? null,
      actor_name: target.actor.name ?? null,
      channel: target.actor.channel,
      tl_data: { source: target.source, severity: event.severity },
    });
    return incidentId ? { dedupKey, incidentId, created: true } : null;
  }

  async onModuleDestroy(): Promise<void> {
    await this.batcher.drained();
  }

  /** Built once, after every listener has registered (they do in onModuleInit). */
  private statement(): string | null {
    if (this.sql === undefined) {
      const listeners = this.incidents.openedSql();
      this.sql = listeners ? openIncidentsSql(listeners) : null;
    }
    return this.sql;
  }
}

/** $1: a JSON array of OpenRow (each with its index `i`); $2: now. */
function openIncidentsSql(listeners: string[]): string {
  return `
WITH ev AS (
  SELECT * FROM json_to_recordset($1::json) AS e(
    i int, service_id uuid, dedup_key text, integration_id uuid, source text, title text, severity text, details jsonb,
    payload jsonb, message text, actor_type text, actor_id uuid, actor_name text, channel text, tl_data jsonb)
), firsts AS (
  SELECT DISTINCT ON (service_id, dedup_key) * FROM ev ORDER BY service_id, dedup_key, i
), opened AS (
  INSERT INTO incidents (service_id, dedup_key, status, title, severity, created_at, updated_at, last_alert_at)
  SELECT service_id, dedup_key, 'triggered', title, severity, $2::timestamptz, $2::timestamptz, $2::timestamptz
    FROM firsts ORDER BY service_id, dedup_key
  ON CONFLICT (service_id, dedup_key) WHERE status <> 'resolved' DO NOTHING
  RETURNING id, service_id, dedup_key, escalation_epoch, created_at
), made AS (
  SELECT f.*, o.id AS incident_id FROM firsts f JOIN opened o USING (service_id, dedup_key)
), alert AS (
  INSERT INTO alerts (incident_id, integration_id, source, action, fingerprint, status, title, severity, details, payload, received_at, updated_at)
  SELECT incident_id, integration_id, source, 'trigger', NULL, 'firing', title, severity, details, payload, $2::timestamptz, $2::timestamptz
    FROM made ORDER BY i
), timeline AS (
  INSERT INTO incident_timeline (incident_id, at, type, message, actor_type, actor_id, actor_name, channel, data)
  SELECT incident_id, $2::timestamptz, 'triggered', message, actor_type, actor_id, actor_name, channel, tl_data
    FROM made ORDER BY i
)${listeners.map((sql, n) => `, listener${n} AS (${sql}\n)`).join('')}
SELECT i, incident_id AS id, pg_notify('${WORK_CHANNEL}', '') IS NULL AS woke FROM made`;
}
