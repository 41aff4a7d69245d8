import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface DomainCounts {
  incidents: Record<string, number>;
  outbox: Record<string, number>;
  oldestDueTimer: Date | null;
  oldestDuePage: Date | null;
}

interface DomainCountsRow {
  incidents: Record<string, number>;
  outbox: Record<string, number>;
  oldest_timer: Date | string | null;
  oldest_page: Date | string | null;
}

/**
 * The read-only gauges' one statement over other modules' tables (incidents,
 * notifications, timers). Health writes nothing; each part uses a (partial) index.
 */
@Injectable()
export class DomainMetricsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async read(now: Date): Promise<DomainCounts> {
    const rows: DomainCountsRow[] = await this.dataSource.query(
      `SELECT
         (SELECT coalesce(json_object_agg(status, n), '{}') FROM
            (SELECT status, count(*)::int AS n FROM incidents GROUP BY status) i) AS incidents,
         (SELECT coalesce(json_object_agg(state, n), '{}') FROM
            (SELECT state, count(*)::int AS n FROM notifications WHERE state IN ('pending', 'sending') GROUP BY state) o) AS outbox,
         (SELECT min(due_at) FROM timers WHERE due_at <= $1) AS oldest_timer,
         (SELECT min(due_at) FROM notifications WHERE state = 'pending' AND due_at <= $1) AS oldest_page`,
      [now],
    );
    const [row] = rows;
    const instant = (t: Date | string | null) => (t === null ? null : new Date(t));
    return { incidents: row.incidents, outbox: row.outbox, oldestDueTimer: instant(row.oldest_timer), oldestDuePage: instant(row.oldest_page) };
  }

  /** Each table's size on disk with its indexes and TOAST (pg_total_relation_size: a few file stats, no scan). */
  async tableSizes(tables: readonly string[]): Promise<{ table: string; bytes: number }[]> {
    return this.dataSource.query(
      `SELECT t AS "table", pg_total_relation_size(to_regclass(t))::float8 AS bytes
         FROM unnest($1::text[]) AS t WHERE to_regclass(t) IS NOT NULL`,
      [tables],
    );
  }
}
