import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Changed } from '../../../database/changed-rows';

/** The `sms_help_replies` table: help texts sent to a number since its last valid reply. */
@Injectable()
export class SmsHelpRepliesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Counts one more help text for the number in the caller's transaction, unless it
   * already got `limit`; answers the new count, or null when the limit was reached.
   * One statement, so concurrent texts from one number cannot pass the limit.
   */
  async countOne(em: EntityManager, address: string, at: Date, limit: number): Promise<number | null> {
    const rows = await em.query<{ count: number }[]>(
      `INSERT INTO sms_help_replies (address, count, updated_at) VALUES ($1, 1, $2)
       ON CONFLICT (address) DO UPDATE SET count = sms_help_replies.count + 1, updated_at = $2
         WHERE sms_help_replies.count < $3
       RETURNING count`,
      [address, at, limit],
    );
    return rows.length ? rows[0].count : null;
  }

  /** A valid reply starts the count again. */
  async reset(em: EntityManager, address: string): Promise<void> {
    await em.query(`DELETE FROM sms_help_replies WHERE address = $1`, [address]);
  }

  /** Retention: at most `limit` counters untouched since before `before`, oldest first (ix_sms_help_replies_updated). */
  async deleteIdleBefore(before: Date, limit: number): Promise<number> {
    const [, n] = await this.dataSource.query<Changed<never>>(
      `DELETE FROM sms_help_replies WHERE address IN (SELECT address FROM sms_help_replies WHERE updated_at < $1 ORDER BY updated_at LIMIT $2)`,
      [before, limit],
    );
    return n;
  }
}
