import type { Logger } from '@nestjs/common';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { Clock } from '../common/clock';
import type { MetricsService } from '../health/metrics.service';
import type { NormalisedEvent } from '../ingest/sources/normalised-event';
import type { IngestTarget } from './incident-recorder.service';
import { json } from './json-text';
import { StatementBatcher } from './statement-batcher';

/** At most this many events in one statement (bounded statement size and lock set). */
export const MAX_BATCH = 256;
/** Batches in flight at once: the others wait, and grow, while these run. */
export const MAX_IN_FLIGHT = 2;

/**
 * A StatementBatcher for the ingest statements: a named prepared statement
 * (parsed and planned once per connection) on the pool behind TypeORM,
 * outside any transaction, that takes `$1` the batch as a JSON array (each row
 * with its index `i`) and `$2` now, and returns `(i, id)` for each row it
 * wrote. Each caller gets the incident id of its row, or null.
 */
export function incidentStatementBatcher<Row extends object>(deps: {
  dataSource: DataSource;
  clock: Clock;
  metrics: MetricsService;
  logger: Logger;
  /** The prepared statement's name and text (the text is asked for once per batch; it must not change). */
  name: string;
  text: () => string;
  /** For the log line of a failed batch: "repeated triggers", "new incidents". */
  what: string;
}): StatementBatcher<Row, string | null> {
  const pool = () => (deps.dataSource.driver as PostgresDriver).master as Pool;
  return new StatementBatcher<Row, string | null>(
    async (batch) => {
      const rows = batch.map((row, i) => ({ i, ...row }));
      const res = await pool().query<{ i: number; id: string }>({ name: deps.name, text: deps.text(), values: [json(rows), deps.clock.now()] });
      const ids: (string | null)[] = new Array(batch.length).fill(null);
      for (const r of res.rows) ids[r.i] = r.id;
      return ids;
    },
    {
      maxBatch: MAX_BATCH,
      maxInFlight: MAX_IN_FLIGHT,
      onBatch: (n) => deps.metrics.ingestBatchEvents.observe(n),
      onBatchFailed: (err, n) => deps.logger.warn({ err, events: n }, `batched ${deps.what} failed; writing them one by one`),
    },
  );
}

/** The alert columns both ingest statements store for an ungrouped event (as `IncidentRecorder` does). */
export function alertColumns(target: IngestTarget, dedupKey: string, event: NormalisedEvent, raw: unknown) {
  return {
    service_id: target.serviceId,
    dedup_key: dedupKey,
    integration_id: target.integrationId,
    source: target.source,
    title: event.title,
    severity: event.severity,
    details: { ...event.details, links: event.links, source: event.source, occurredAt: event.occurredAt },
    payload: raw ?? null,
  };
}
