import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { InboundReceiptSource } from './inbound-receipt.entity';

export interface InboundReceiptKey {
  source: InboundReceiptSource;
  receiptId: string;
}

/** The inbound_receipts table: which signed inbound answers have been acted on. */
@Injectable()
export class InboundReceiptsRepository {
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
}
