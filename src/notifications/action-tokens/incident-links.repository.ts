import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Changed } from '../../database/changed-rows';
import type { TokenAction } from './action-token.codec';

export interface NewIncidentLink {
  tokenHash: string;
  incidentId: string;
  userId: string | null;
  notificationId: string | null;
  createdAt: Date;
  expiresAt: Date;
}

/** A stored link, with its incident's resolution time (for the expiry rule). */
export interface StoredIncidentLink {
  incidentId: string;
  userId: string | null;
  expiresAt: Date;
  used: Record<TokenAction, boolean>;
  incidentResolvedAt: Date | null;
  /** The channel of the page that carried the link (`sms`, or a chat destination's `teams`, `mattermost`); null when unknown. */
  channel: string | null;
}

interface LinkRow {
  incident_id: string;
  user_id: string | null;
  expires_at: Date;
  acknowledge_used_at: Date | null;
  resolve_used_at: Date | null;
  resolved_at: Date | null;
  channel: string | null;
}

const USED_COLUMN: Record<TokenAction, string> = { acknowledge: 'acknowledge_used_at', resolve: 'resolve_used_at' };

/**
 * The `incident_links` table: the short links of SMS pages. Reads, never writes,
 * the incidents module's `resolved_at` to apply the expiry rule.
 */
@Injectable()
export class IncidentLinksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(link: NewIncidentLink): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO incident_links (token_hash, incident_id, user_id, notification_id, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [link.tokenHash, link.incidentId, link.userId, link.notificationId, link.createdAt, link.expiresAt],
    );
  }

  /** Retention: up to `limit` links that expired before `before`, oldest expiry first (ix_incident_links_expires). */
  async deleteExpiredBefore(before: Date, limit: number): Promise<number> {
    const [, n] = await this.dataSource.query<Changed<never>>(
      `DELETE FROM incident_links WHERE token_hash IN (SELECT token_hash FROM incident_links WHERE expires_at < $1 ORDER BY expires_at LIMIT $2)`,
      [before, limit],
    );
    return n;
  }

  /** Retention: up to `limit` links of incidents about to be deleted (before the incidents, so no cascade is unbounded). */
  async deleteOfIncidents(incidentIds: readonly string[], limit: number): Promise<number> {
    const [, n] = await this.dataSource.query<Changed<never>>(
      `DELETE FROM incident_links WHERE token_hash IN (SELECT token_hash FROM incident_links WHERE incident_id = ANY($1::uuid[]) LIMIT $2)`,
      [incidentIds, limit],
    );
    return n;
  }

  async find(tokenHash: string): Promise<StoredIncidentLink | null> {
    const rows = await this.dataSource.query<LinkRow[]>(
      `SELECT l.incident_id, l.user_id, l.expires_at, l.acknowledge_used_at, l.resolve_used_at, i.resolved_at, n.channel
         FROM incident_links l JOIN incidents i ON i.id = l.incident_id
         LEFT JOIN notifications n ON n.id = l.notification_id
        WHERE l.token_hash = $1`,
      [tokenHash],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      incidentId: r.incident_id,
      userId: r.user_id,
      expiresAt: r.expires_at,
      used: { acknowledge: r.acknowledge_used_at !== null, resolve: r.resolve_used_at !== null },
      incidentResolvedAt: r.resolved_at,
      channel: r.channel,
    };
  }

  /**
   * Marks the link's action used in the caller's transaction; false when it already
   * was. A concurrent use waits on the row lock, then finds the column set: exactly
   * one gets true.
   */
  async markUsed(em: EntityManager, tokenHash: string, action: TokenAction, usedAt: Date): Promise<boolean> {
    const column = USED_COLUMN[action];
    const [, affected] = await em.query<Changed<never>>(
      `UPDATE incident_links SET ${column} = $2 WHERE token_hash = $1 AND ${column} IS NULL`,
      [tokenHash, usedAt],
    );
    return affected > 0;
  }
}
