import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Changed } from '../../database/changed-rows';

/** A queued rewrite of an incident's Slack messages, claimed by this worker. */
export interface ClaimedSlackUpdate {
  id: string;
  incidentId: string;
  /** Counting this claim. */
  attempts: number;
}

interface ClaimedSlackUpdateRow {
  id: string;
  incident_id: string;
  attempts: number;
}

/** The `slack_message_updates` table: queued, claimed, rescheduled and deleted rewrites of Slack messages. */
@Injectable()
export class SlackMessageUpdatesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Queues a rewrite in the caller's transaction, only if the incident has a Slack
   * message sent or being sent; false when nothing was queued.
   */
  async queueIfMessaged(em: EntityManager, incidentIds: readonly string[], dueAt: Date): Promise<boolean> {
    if (!incidentIds.length) return false;
    const inserted = await em.query<{ id: string }[]>(
      `INSERT INTO slack_message_updates (incident_id, due_at)
       SELECT x.id, $2 FROM unnest($1::uuid[]) AS x(id)
        WHERE EXISTS (SELECT 1 FROM notifications
                       WHERE incident_id = x.id AND channel = 'slack' AND state IN ('sent', 'sending'))
       RETURNING id`,
      [incidentIds, dueAt],
    );
    return inserted.length > 0;
  }

  /** Claims up to `limit` rows due at `now` by pushing their due time to `claimedUntil` (SKIP LOCKED). */
  async claimDue(now: Date, claimedUntil: Date, limit: number): Promise<ClaimedSlackUpdate[]> {
    const [rows] = await this.dataSource.query<Changed<ClaimedSlackUpdateRow>>(
      `UPDATE slack_message_updates u SET due_at = $2, attempts = u.attempts + 1
        WHERE u.id IN (SELECT id FROM slack_message_updates WHERE due_at <= $1 ORDER BY due_at LIMIT $3 FOR UPDATE SKIP LOCKED)
        RETURNING u.id, u.incident_id, u.attempts`,
      [now, claimedUntil, limit],
    );
    return rows.map((r) => ({ id: r.id, incidentId: r.incident_id, attempts: r.attempts }));
  }

  async delete(ids: string[]): Promise<void> {
    if (!ids.length) return;
    await this.dataSource.query(`DELETE FROM slack_message_updates WHERE id = ANY($1::uuid[])`, [ids]);
  }

  async reschedule(ids: string[], dueAt: Date, error: string | null): Promise<void> {
    await this.dataSource.query(`UPDATE slack_message_updates SET due_at = $2, last_error = $3 WHERE id = ANY($1::uuid[])`, [ids, dueAt, error]);
  }
}
