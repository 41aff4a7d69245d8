import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Changed } from '../database/changed-rows';

/** The audit log's retention delete (rows are otherwise only inserted, by AuditService). */
@Injectable()
export class AuditLogRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** At most `limit` entries created before `before`, oldest first (ix_audit_log_created). */
  async deleteBefore(before: Date, limit: number): Promise<number> {
    const [, n] = await this.dataSource.query<Changed<never>>(
      `DELETE FROM audit_log WHERE seq IN (SELECT seq FROM audit_log WHERE created_at < $1 ORDER BY created_at, seq LIMIT $2)`,
      [before, limit],
    );
    return n;
  }
}
