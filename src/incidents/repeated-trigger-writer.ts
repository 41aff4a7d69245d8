import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { MetricsService } from '../health/metrics.service';
import type { NormalisedEvent } from '../ingest/sources/normalised-event';
import { applyAction } from './domain/incident-state';
import { alertColumns, incidentStatementBatcher } from './batched-statement';
import type { StatementBatcher } from './statement-batcher';
import type { IngestTarget, RecordOutcome } from './incident-recorder.service';

/** One repeated trigger as the batch statement reads it (json_to_recordset; the batcher adds `i`). */
interface JoinRow {
  service_id: string;
  dedup_key: string;
  integration_id: string | null;
  source: string;
  title: string;
  severity: string;
  details: unknown;
  payload: unknown;
  msg_triggered: string;
  msg_acknowledged: string;
  actor_id: string | null;
  actor_name: string;
}

/**
 * The hot path of a repeated trigger (an ungrouped alert for an incident that
 * is already open): touch the incident, store the alert, write the timeline,
 * in one statement that is atomic on its own.
 *
 * Concurrent requests share statements (StatementBatcher): one round trip,
 * one commit and one WAL flush for every event that arrived while the previous
 * statement ran. Each caller still gets its answer only after the commit that
 * holds its event (a 202 still means committed).
 *
 * Incidents are locked in id order, so two batches never deadlock each other.
 * A failed batch is retried event by event, so one bad event (a deleted
 * integration, say) fails alone.
 */
@Injectable()
export class RepeatedTriggerWriter implements OnModuleDestroy {
  private readonly logger = new Logger(RepeatedTriggerWriter.name);
  private readonly batcher: StatementBatcher<JoinRow, string | null>;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly clock: Clock,
    metrics: MetricsService,
  ) {
    this.batcher = incidentStatementBatcher({
      dataSource,
      clock,
      metrics,
      logger: this.logger,
      name: 'klaxon_join_open_triggers',
      text: () => JOIN_OPEN_TRIGGERS_SQL,
      what: 'repeated triggers',
    });
  }

  /**
   * Records the event onto the open incident with its dedup key. Null when the
   * event is not a plain repeated trigger or no incident with that key is
   * open: the caller then takes the full path.
   */
  async join(target: IngestTarget, event: NormalisedEvent, raw: unknown): Promise<RecordOutcome | null> {
    if (event.action !== 'trigger' || event.alerts || !event.dedupKey) return null;
    const dedupKey = event.dedupKey;
    const by = target.actor.name ?? target.source;
    const describe = (status: 'triggered' | 'acknowledged') =>
      applyAction({ status }, { type: 'trigger', actor: { kind: 'integration', id: target.actor.id ?? undefined, name: by } }, this.clock.now())
        .timeline?.description ?? 'New alert';
    const incidentId = await this.batcher.submit({
      ...alertColumns(target, dedupKey, event, raw),
      msg_triggered: describe('triggered'),
      msg_acknowledged: describe('acknowledged'),
      actor_id: target.actor.id ?? null,
      actor_name: by,
    });
    return incidentId ? { dedupKey, incidentId, created: false } : null;
  }

  async onModuleDestroy(): Promise<void> {
    await this.batcher.drained();
  }
}

/**
 * $1: a JSON array of {@link JoinRow}; $2: now. A named prepared statement:
 * PostgreSQL parses and plans it once per connection.
 */
const JOIN_OPEN_TRIGGERS_SQL = `
WITH ev AS (
  SELECT * FROM json_to_recordset($1::json) AS e(
    i int, service_id uuid, dedup_key text, integration_id uuid, source text, title text, severity text,
    details jsonb, payload jsonb, msg_triggered text, msg_acknowledged text, actor_id uuid, actor_name text)
), locked AS (
  SELECT i.id FROM incidents i
    JOIN (SELECT DISTINCT service_id, dedup_key FROM ev) k ON i.service_id = k.service_id AND i.dedup_key = k.dedup_key
   WHERE i.status <> 'resolved'
   ORDER BY i.id
     FOR NO KEY UPDATE OF i
), inc AS (
  UPDATE incidents i SET last_alert_at = $2, updated_at = $2
    FROM locked WHERE i.id = locked.id
  RETURNING i.id, i.service_id, i.dedup_key, i.status
), joined AS (
  SELECT ev.*, inc.id AS incident_id, inc.status FROM ev JOIN inc USING (service_id, dedup_key)
), alert AS (
  INSERT INTO alerts (incident_id, integration_id, source, action, fingerprint, status, title, severity, details, payload, received_at, updated_at)
  SELECT incident_id, integration_id, source, 'trigger', NULL, 'firing', title, severity, details, payload, $2, $2
    FROM joined ORDER BY i
), timeline AS (
  INSERT INTO incident_timeline (incident_id, at, type, message, actor_type, actor_id, actor_name, channel, data)
  SELECT incident_id, $2, 'alert-added', CASE status WHEN 'acknowledged' THEN msg_acknowledged ELSE msg_triggered END,
         'integration', actor_id, actor_name, 'integration', NULL
    FROM joined ORDER BY i
)
SELECT i, incident_id AS id FROM joined`;
