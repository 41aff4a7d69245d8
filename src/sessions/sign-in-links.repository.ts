import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, MoreThan, Repository } from 'typeorm';
import { SignInLink } from './sign-in-link.entity';
import type { Changed } from '../database/changed-rows';

/** The `sign_in_links` table, written only here. */
@Injectable()
export class SignInLinksRepository {
  constructor(@InjectRepository(SignInLink) private readonly links: Repository<SignInLink>) {}

  async insert(row: Omit<SignInLink, 'id' | 'usedAt'>): Promise<void> {
    await this.links.insert({ ...row, usedAt: null });
  }

  /** Links sent to this user since `since` (the per-address limit). */
  countSince(userId: string, since: Date): Promise<number> {
    return this.links.count({ where: { userId, createdAt: MoreThan(since) } });
  }

  /**
   * Marks the link used if it is unused and unexpired at `now`, in one
   * statement, and returns its user: of two confirmations racing, one wins.
   */
  async consume(tokenHash: string, now: Date): Promise<string | null> {
    const res = await this.links
      .createQueryBuilder()
      .update()
      .set({ usedAt: now })
      .where({ tokenHash, usedAt: IsNull(), expiresAt: MoreThan(now) })
      .returning(['userId'])
      .execute();
    const rows = res.raw as { user_id: string }[];
    return rows.length ? rows[0].user_id : null;
  }

  /** Deletes up to `limit` links that expired before `before`, oldest first (retention: they can do nothing). */
  async deleteExpiredBefore(before: Date, limit: number): Promise<number> {
    const [, affected] = await this.links.query<Changed<never>>(
      `DELETE FROM sign_in_links WHERE id IN (SELECT id FROM sign_in_links WHERE expires_at < $1 ORDER BY expires_at LIMIT $2)`,
      [before, limit],
    );
    return affected;
  }
}
