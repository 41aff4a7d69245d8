import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { ActionTokenClaims } from './action-token.codec';
import type { Changed } from '../../database/changed-rows';

/** The `used_action_tokens` table: email action links already redeemed (each token id once). */
@Injectable()
export class UsedActionTokensRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async isUsed(tokenId: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(`SELECT 1 FROM used_action_tokens WHERE token_id = $1`, [tokenId]);
    return rows.length > 0;
  }

  /**
   * Marks the token used in the caller's transaction; false when it already was.
   * A concurrent redemption waits on the primary key, so exactly one gets true.
   */
  async markUsed(em: EntityManager, claims: ActionTokenClaims, usedAt: Date): Promise<boolean> {
    const inserted = await em.query<{ token_id: string }[]>(
      `INSERT INTO used_action_tokens (token_id, incident_id, action, used_at, expires_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (token_id) DO NOTHING RETURNING token_id`,
      [claims.tokenId, claims.incidentId, claims.action, usedAt, claims.expiresAt],
    );
    return inserted.length > 0;
  }

  /** Retention: at most `limit` tokens that expired before `before`, oldest expiry first (ix_used_action_tokens_expires). */
  async deleteExpiredBefore(before: Date, limit: number): Promise<number> {
    const [, n] = await this.dataSource.query<Changed<never>>(
      `DELETE FROM used_action_tokens WHERE token_id IN (SELECT token_id FROM used_action_tokens WHERE expires_at < $1 ORDER BY expires_at LIMIT $2)`,
      [before, limit],
    );
    return n;
  }
}
