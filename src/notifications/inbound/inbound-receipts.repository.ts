import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { InboundReceiptSource } from './inbound-receipt.entity';
import type { Changed } from '../../database/changed-rows';

export interface InboundReceiptKey {
  source: InboundReceiptSource;
  receiptId: string;
}

/** The inbound_receipts table: which signed inbound answers have been acted on. */
@Injectable()
export class InboundReceiptsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Records the receipt in the caller's transaction; false when it was already
   * there. A concurrent transaction holding the same key makes this wait for its
   * outcome (the primary key), so of two deliveries exactly one gets true, and a
   * rolled-back action leaves the key free for a retry.
   */
  async claim(em: EntityManager, key: InboundReceiptKey, receivedAt: Date): Promise<boolean> {
    const inserted: unknown[] = await em.query(
      `INSERT INTO inbound_receipts (source, receipt_id, received_at) VALUES ($1, $2, $3)
       ON CONFLICT (source, receipt_id) DO NOTHING RETURNING 1`,
      [key.source, key.receiptId, receivedAt],
    );
    return inserted.length > 0;
  }

  /**
   * Retention: at most `limit` receipts of these sources received before
   * `before`, oldest first per source (ix_inbound_receipts_source_received),
   * one statement (one short transaction) per source.
   */
  async deleteBefore(sources: readonly InboundReceiptSource[], before: Date, limit: number): Promise<number> {
    let deleted = 0;
    for (const source of sources) {
      if (deleted >= limit) break;
      const [, n] = await this.dataSource.query<Changed<never>>(
        `DELETE FROM inbound_receipts WHERE (source, receipt_id) IN (SELECT source, receipt_id FROM inbound_receipts WHERE source = $1 AND received_at < $2 ORDER BY received_at LIMIT $3)`,
        [source, before, limit - deleted],
      );
      deleted += n;
    }
    return deleted;
  }
}
