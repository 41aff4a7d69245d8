import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** New incidents started per call; the worker calls again while there are more. */
const START_BATCH = 200;

/**
 * How escalation starts: the engine finds new incidents itself, as GoAlert's
 * escalation manager does, rather than being told by the transaction that
 * opened them. A worker pass claims incidents whose escalation has not started
 * (`escalation_started_at IS NULL`, SKIP LOCKED, so workers never wait on each
 * other or on ingest) and, in the same statement, writes each one's `start`
 * escalation timer (due when the incident opened) and the service's
 * auto-resolve timer; the timer loop then fires them as usual. Ingest's commit
 * NOTIFYs the workers, so this runs at once; a crash between that commit and
 * the claim loses nothing, the next pass (or another worker) finds the row.
 * An incident resolved before it was claimed is only stamped; a suppressed one
 * (an event router's `suppress`) gets its auto-resolve timer and no escalation.
 *
 * A maintenance incident (docs/maintenance.md) is held: not claimed while
 * `maintenance_released_at` is null (the partial index leaves it out). Once
 * released, its timers are due from the release, not from its opening: it
 * escalates from level 0 at the moment the window ended, and its auto-resolve
 * counts from then.
 */
@Injectable()
export class EscalationStartRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Returns how many incidents were claimed. */
  async startNew(now: Date, limit = START_BATCH): Promise<number> {
    const [row]: { claimed: number }[] = await this.dataSource.query(
      `WITH claimed AS (
         UPDATE incidents i SET escalation_started_at = $1
          WHERE i.id IN (SELECT id FROM incidents
                          WHERE escalation_started_at IS NULL AND NOT (maintenance AND maintenance_released_at IS NULL)
                          ORDER BY created_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING i.id, i.service_id, i.status, i.suppressed, COALESCE(i.maintenance_released_at, i.created_at) AS started_from
       ), timers AS (
         INSERT INTO timers (kind, incident_id, due_at, data)
         SELECT 'escalation', c.id, c.started_from, '{"input":"start"}'::jsonb FROM claimed c WHERE c.status <> 'resolved' AND NOT c.suppressed
         UNION ALL
         SELECT 'auto-resolve', c.id, c.started_from + make_interval(mins => s.auto_resolve_minutes), '{}'::jsonb
           FROM claimed c JOIN services s ON s.id = c.service_id
          WHERE c.status <> 'resolved' AND s.auto_resolve_minutes IS NOT NULL
       )
       SELECT count(*)::int AS claimed FROM claimed`,
      [now, limit],
    );
    return row.claimed;
  }
}
