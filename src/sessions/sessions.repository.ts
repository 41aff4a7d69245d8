import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, IsNull, Repository } from 'typeorm';
import type { ApiKeyRole } from '../auth/api-key.entity';
import { Session } from './session.entity';
import type { Changed } from '../database/changed-rows';

export type NewSession = Omit<Session, 'id' | 'revokedAt'>;

/** A live session with what the guard and GET /api/v1/session show of its user (null for a key session). */
export interface LiveSession {
  session: Session;
  user: { id: string; name: string; email: string; timeZone: string; role: ApiKeyRole } | null;
}

interface LiveSessionRow {
  id: string;
  token_hash: string;
  user_id: string | null;
  api_key_id: string | null;
  principal_name: string;
  role: ApiKeyRole;
  sign_in_method: Session['signInMethod'];
  csrf_token: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  user_name: string | null;
  user_email: string | null;
  user_time_zone: string | null;
  user_role: ApiKeyRole | null;
}

/** The `sessions` table, written only here. */
@Injectable()
export class SessionsRepository {
  constructor(
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  insert(row: NewSession): Promise<Session> {
    return this.sessions.save(this.sessions.create({ ...row, revokedAt: null }));
  }

  /**
   * The session with this token hash if it is neither revoked nor expired at
   * `now`, with its user's current name, email, time zone and role (read in
   * the same statement: a role change applies to the next request).
   */
  async findLive(tokenHash: string, now: Date): Promise<LiveSession | null> {
    const rows = await this.dataSource.query<LiveSessionRow[]>(
      `SELECT s.id, s.token_hash, s.user_id, s.api_key_id, s.principal_name, s.role, s.sign_in_method, s.csrf_token,
              s.created_at, s.last_seen_at, s.expires_at, u.name AS user_name, u.email AS user_email, u.time_zone AS user_time_zone, u.role AS user_role
         FROM sessions s LEFT JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2`,
      [tokenHash, now],
    );
    if (!rows.length) return null;
    const r = rows[0];
    const session: Session = {
      id: r.id,
      tokenHash: r.token_hash,
      userId: r.user_id,
      apiKeyId: r.api_key_id,
      principalName: r.principal_name,
      role: r.role,
      signInMethod: r.sign_in_method,
      csrfToken: r.csrf_token,
      createdAt: r.created_at,
      lastSeenAt: r.last_seen_at,
      expiresAt: r.expires_at,
      revokedAt: null,
    };
    const user =
      session.userId && r.user_name !== null
        ? { id: session.userId, name: r.user_name, email: r.user_email ?? '', timeZone: r.user_time_zone ?? 'UTC', role: r.user_role ?? 'read-only' }
        : null;
    return { session, user };
  }

  /** Sliding expiry: the session was used at `now` and now lasts until `expiresAt`. */
  async renew(id: string, now: Date, expiresAt: Date): Promise<void> {
    await this.sessions.update({ id, revokedAt: IsNull() }, { lastSeenAt: now, expiresAt });
  }

  async revoke(id: string, at: Date): Promise<boolean> {
    const res = await this.sessions.update({ id, revokedAt: IsNull() }, { revokedAt: at });
    return (res.affected ?? 0) > 0;
  }

  /** Deletes up to `limit` sessions that expired before `before`, oldest first (retention). */
  async deleteExpiredBefore(before: Date, limit: number): Promise<number> {
    const [, affected] = await this.sessions.query<Changed<never>>(
      `DELETE FROM sessions WHERE id IN (SELECT id FROM sessions WHERE expires_at < $1 ORDER BY expires_at LIMIT $2)`,
      [before, limit],
    );
    return affected;
  }

  findById(id: string): Promise<Session | null> {
    return this.sessions.findOneBy({ id });
  }

  /** Sessions neither revoked nor expired at `now`, newest first; of one user when `userId` is given. */
  listLive(now: Date, userId?: string): Promise<Session[]> {
    const qb = this.sessions
      .createQueryBuilder('s')
      .where('s.revokedAt IS NULL AND s.expiresAt > :now', { now })
      .orderBy('s.createdAt', 'DESC')
      .limit(500);
    if (userId) qb.andWhere('s.userId = :userId', { userId });
    return qb.getMany();
  }
}
