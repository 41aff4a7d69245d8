import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** One service's figures for one ISO week (UTC), about the incidents opened in that week. */
export interface WeeklyIncidentFigures {
  serviceId: string;
  serviceName: string;
  /** ISO week, e.g. "2026-W10". */
  week: string;
  /** The Monday the week starts, 00:00 UTC. */
  weekStart: Date;
  opened: number;
  acknowledged: number;
  resolved: number;
  meanSecondsToAcknowledge: number | null;
  p90SecondsToAcknowledge: number | null;
  meanSecondsToResolve: number | null;
  p90SecondsToResolve: number | null;
  escalated: number;
}

interface FiguresRow {
  service_id: string;
  service_name: string;
  week: string;
  week_start: Date;
  opened: number;
  acknowledged: number;
  resolved: number;
  mean_tta: number | null;
  p90_tta: number | null;
  mean_ttr: number | null;
  p90_ttr: number | null;
  escalated: number;
}

/**
 * The incident report, computed in PostgreSQL in one statement over the
 * incidents opened in [since, until) (ix_incidents_service_created or
 * ix_incidents_created), grouped by service and ISO week in UTC.
 */
@Injectable()
export class IncidentReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async weekly(since: Date, until: Date, serviceId: string | null): Promise<WeeklyIncidentFigures[]> {
    const rows: FiguresRow[] = await this.dataSource.query(
      `WITH opened AS (
         SELECT i.service_id, date_trunc('week', i.created_at AT TIME ZONE 'UTC') AS week_start,
                extract(epoch FROM i.acknowledged_at - i.created_at)::float8 AS tta,
                extract(epoch FROM i.resolved_at - i.created_at)::float8 AS ttr,
                i.acknowledged_at IS NOT NULL AS acked, i.status = 'resolved' AS resolved,
                (i.level > 0 OR i.loop > 0) AS escalated
           FROM incidents i
          WHERE i.created_at >= $1 AND i.created_at < $2 AND ($3::uuid IS NULL OR i.service_id = $3::uuid))
       SELECT o.service_id, s.name AS service_name, to_char(o.week_start, 'IYYY-"W"IW') AS week,
              (o.week_start AT TIME ZONE 'UTC') AS week_start,
              count(*)::int AS opened, count(*) FILTER (WHERE o.acked)::int AS acknowledged,
              count(*) FILTER (WHERE o.resolved)::int AS resolved,
              avg(o.tta) AS mean_tta, percentile_cont(0.9) WITHIN GROUP (ORDER BY o.tta) AS p90_tta,
              avg(o.ttr) AS mean_ttr, percentile_cont(0.9) WITHIN GROUP (ORDER BY o.ttr) AS p90_ttr,
              count(*) FILTER (WHERE o.escalated)::int AS escalated
         FROM opened o JOIN services s ON s.id = o.service_id
        GROUP BY o.service_id, s.name, o.week_start
        ORDER BY s.name, o.service_id, o.week_start`,
      [since, until, serviceId],
    );
    return rows.map((r) => ({
      serviceId: r.service_id,
      serviceName: r.service_name,
      week: r.week,
      weekStart: r.week_start,
      opened: r.opened,
      acknowledged: r.acknowledged,
      resolved: r.resolved,
      meanSecondsToAcknowledge: r.mean_tta,
      p90SecondsToAcknowledge: r.p90_tta,
      meanSecondsToResolve: r.mean_ttr,
      p90SecondsToResolve: r.p90_ttr,
      escalated: r.escalated,
    }));
  }
}
