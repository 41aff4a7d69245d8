import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RetainedTables } from '../../../common/retention';
import { APP_CONFIG, AppConfig } from '../../../config/app-config';
import { MetricsService } from '../../../health/metrics.service';
import type { DueTimer, NewTimer } from '../timer-data';
import type { EngineTimerKind } from '../timer-kind';

/** Rows deleted per statement, each its own transaction: short locks, no long stall for ingest. */
export const CLEANUP_BATCH_ROWS = 1000;
/** Expired incidents taken at a time: their pages, alerts and timeline go first, then they do. */
const INCIDENTS_PER_BATCH = 500;
/**
 * Delete statements per firing, and the pause before the next firing of a
 * run with work left: a little deletion at a time, often, so ingest never
 * meets a long stretch of it. Measured on two cores (bench `retention`,
 * docs/performance.md), a million old rows deleted under a steady ingest
 * load: 10 statements then 1 s of pause deleted 4,900 rows/s and lifted the
 * worst 5 s ingest p99 to 66 ms; 2 statements then 250 ms deleted 6,400
 * rows/s with the worst window at 50 ms. The claimer's pass waits for a
 * firing, so the statement count also bounds how long other due timers wait
 * behind the cleanup.
 */
export const CLEANUP_BATCHES_PER_FIRING = 2;
export const CLEANUP_PAUSE_MS = 250;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

type Deleted = Record<string, number>;

/**
 * The retention cleanup (docs/operations.md): deletes what the modules
 * registered in RetainedTables, past each table's retention, a batch of at
 * most CLEANUP_BATCH_ROWS rows per transaction in index order. Expired
 * incidents go with their rows: those first, table by table, then the
 * incidents. One timer across every worker (a unique index), so one worker
 * cleans at a time; it re-arms itself CLEANUP_PAUSE_MS later while a run leaves work, and
 * `KLAXON_CLEANUP_INTERVAL_MINUTES` after a run that finished. The run's
 * totals travel in the timer's data, for its one log line.
 */
@Injectable()
export class CleanupKind implements EngineTimerKind<'cleanup'> {
  readonly kind = 'cleanup';
  private readonly logger = new Logger(CleanupKind.name);

  constructor(
    private readonly retained: RetainedTables,
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The timer armed at start when none exists: a first run right away. */
  first(now: Date): NewTimer<'cleanup'> {
    return { kind: 'cleanup', incidentId: null, dueAt: now, data: {} };
  }

  isNoop(): boolean {
    return false;
  }

  async fire(_em: EntityManager, timer: DueTimer<'cleanup'>, now: Date): Promise<NewTimer[]> {
    const runStartedAt = timer.data.runStartedAt ?? now.toISOString();
    const deleted: Deleted = { ...timer.data.deleted };
    const more = await this.deleteSome(now, deleted);
    if (more) return [{ kind: 'cleanup', incidentId: null, dueAt: new Date(now.getTime() + CLEANUP_PAUSE_MS), data: { runStartedAt, deleted } }];
    const durationMs = now.getTime() - new Date(runStartedAt).getTime();
    this.logger.log({ deleted, durationMs }, 'retention cleanup run finished');
    const dueAt = new Date(now.getTime() + this.config.KLAXON_CLEANUP_INTERVAL_MINUTES * MINUTE_MS);
    return [{ kind: 'cleanup', incidentId: null, dueAt, data: {} }];
  }

  /** Runs up to CLEANUP_BATCHES_PER_FIRING delete statements that delete something; true when work is left. */
  private async deleteSome(now: Date, deleted: Deleted): Promise<boolean> {
    let batches = 0;
    // A statement that found nothing to delete was an index probe: only those that deleted count against the budget.
    const tally = (table: string, n: number) => {
      if (!n) return;
      batches++;
      deleted[table] = (deleted[table] ?? 0) + n;
      this.metrics.cleanupDeletedRows.inc({ table }, n);
    };
    const spent = () => batches >= CLEANUP_BATCHES_PER_FIRING;

    const incidents = this.retained.expiredIncidents;
    if (incidents && incidents.keepDays > 0) {
      const before = daysBefore(now, incidents.keepDays);
      for (let ids = await incidents.resolvedBefore(before, INCIDENTS_PER_BATCH); ids.length; ids = await incidents.resolvedBefore(before, INCIDENTS_PER_BATCH)) {
        for (const rows of this.retained.rowsOfIncidents) {
          for (let n = CLEANUP_BATCH_ROWS; n === CLEANUP_BATCH_ROWS; ) {
            if (spent()) return true;
            n = await rows.deleteOfIncidents(ids, CLEANUP_BATCH_ROWS);
            tally(rows.table, n);
          }
        }
        if (spent()) return true;
        tally(incidents.table, await incidents.delete(ids));
      }
    }
    for (const table of this.retained.tables) {
      if (table.keepDays <= 0) continue;
      const before = daysBefore(now, table.keepDays);
      for (let n = CLEANUP_BATCH_ROWS; n === CLEANUP_BATCH_ROWS; ) {
        if (spent()) return true;
        n = await table.deleteBefore(before, CLEANUP_BATCH_ROWS);
        tally(table.table, n);
      }
    }
    return false;
  }
}

function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}
