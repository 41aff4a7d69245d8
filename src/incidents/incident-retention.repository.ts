import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Changed } from '../database/changed-rows';

/**
 * The retention deletes of the incidents module's tables: resolved incidents
 * past their retention, and their alerts and timeline first, a bounded batch
 * per statement (each statement is its own short transaction).
 */
@Injectable()
export class IncidentRetentionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Oldest resolution first, on ix_incidents_resolved. */
  async resolvedBefore(before: Date, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM incidents WHERE status = 'resolved' AND resolved_at < $1 ORDER BY resolved_at, id LIMIT $2`,
      [before, limit],
    );
    return rows.map((r) => r.id);
  }

  /** Deletes these incidents if still resolved; what still refers to them goes by cascade. */
  async deleteIncidents(ids: readonly string[]): Promise<number> {
    return this.count(`DELETE FROM incidents WHERE id = ANY($1::uuid[]) AND status = 'resolved'`, [ids]);
  }

  /** At most `limit` alerts of these incidents, on ix_alerts_incident_received. */
  async deleteAlerts(incidentIds: readonly string[], limit: number): Promise<number> {
    return this.count(
      `DELETE FROM alerts WHERE id IN (SELECT id FROM alerts WHERE incident_id = ANY($1::uuid[]) LIMIT $2)`,
      [incidentIds, limit],
    );
  }

  /** At most `limit` timeline entries of these incidents, on ix_incident_timeline_incident_at. */
  async deleteTimeline(incidentIds: readonly string[], limit: number): Promise<number> {
    return this.count(
      `DELETE FROM incident_timeline WHERE id IN (SELECT id FROM incident_timeline WHERE incident_id = ANY($1::uuid[]) LIMIT $2)`,
      [incidentIds, limit],
    );
  }

  /** Runs a DELETE and answers how many rows it removed (the driver's affected count). */
  private async count(sql: string, params: unknown[]): Promise<number> {
    const [, n] = await this.dataSource.query<Changed<never>>(sql, params);
    return n;
  }
}
