import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** The audit log's retention delete (rows are otherwise only inserted, by AuditService). */
@Injectable()
export class AuditLogRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** At most `limit` entries created before `before`, oldest first (ix_audit_log_created). */
  async deleteBefore(before: Date, limit: number): Promise<number> {
    const [row]: { n: number }[] = await this.dataSource.query(
      `WITH gone AS (
         DELETE FROM audit_log WHERE seq IN (
           SELECT seq FROM audit_log WHERE created_at < $1 ORDER BY created_at, seq LIMIT $2) RETURNING 1
       ) SELECT count(*)::int AS n FROM gone`,
      [before, limit],
    );
    return row.n;
  }
}
