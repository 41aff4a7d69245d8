import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThan, MoreThan, Repository } from 'typeorm';
import { SignInLink } from './sign-in-link.entity';

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
    const rows = await this.links.find({ select: { id: true }, where: { expiresAt: LessThan(before) }, order: { expiresAt: 'ASC' }, take: limit });
    if (!rows.length) return 0;
    return (await this.links.delete(rows.map((r) => r.id))).affected ?? 0;
  }
}
