import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Changed } from '../../database/changed-rows';

/** A queued rewrite of an incident's Slack messages, or a note's reply in one thread, claimed by this worker. */
export type ClaimedSlackUpdate =
  | { kind: 'rewrite'; id: string; incidentId: string; /** Counting this claim. */ attempts: number }
  | { kind: 'note-reply'; id: string; incidentId: string; attempts: number; notificationId: string; replyText: string };

interface ClaimedSlackUpdateRow {
  id: string;
  incident_id: string;
  attempts: number;
  kind: 'rewrite' | 'note-reply';
  notification_id: string | null;
  reply_text: string | null;
  created_at: Date;
}

function toClaimed(r: ClaimedSlackUpdateRow): ClaimedSlackUpdate {
  const base = { id: r.id, incidentId: r.incident_id, attempts: r.attempts };
  if (r.kind === 'note-reply' && r.notification_id && r.reply_text !== null) {
    return { ...base, kind: 'note-reply', notificationId: r.notification_id, replyText: r.reply_text };
  }
  return { ...base, kind: 'rewrite' };
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
                       WHERE incident_id = x.id AND channel IN ('slack', 'slack-channel') AND state IN ('sent', 'sending'))
       RETURNING id`,
      [incidentIds, dueAt],
    );
    return inserted.length > 0;
  }

  /**
   * Queues, in the caller's transaction, one reply per Slack message of each
   * incident sent or being sent (the channel post and every direct message):
   * each thread gets its reply, retried on its own. Messages posted after the
   * note get none. False when nothing was queued.
   */
  async queueNoteReplies(em: EntityManager, replies: readonly { incidentId: string; text: string }[], dueAt: Date): Promise<boolean> {
    if (!replies.length) return false;
    const inserted = await em.query<{ id: string }[]>(
      `INSERT INTO slack_message_updates (incident_id, due_at, kind, notification_id, reply_text)
       SELECT n.incident_id, $3, 'note-reply', n.id, r.text
         FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS r(incident_id, text, ord)
         JOIN notifications n ON n.incident_id = r.incident_id AND n.channel IN ('slack', 'slack-channel') AND n.state IN ('sent', 'sending')
        ORDER BY r.ord, n.created_at, n.id
       RETURNING id`,
      [replies.map((r) => r.incidentId), replies.map((r) => r.text), dueAt],
    );
    return inserted.length > 0;
  }

  /** Claims up to `limit` rows due at `now` by pushing their due time to `claimedUntil` (SKIP LOCKED), oldest first. */
  async claimDue(now: Date, claimedUntil: Date, limit: number): Promise<ClaimedSlackUpdate[]> {
    const [rows] = await this.dataSource.query<Changed<ClaimedSlackUpdateRow>>(
      `UPDATE slack_message_updates u SET due_at = $2, attempts = u.attempts + 1
        WHERE u.id IN (SELECT id FROM slack_message_updates WHERE due_at <= $1 ORDER BY due_at, created_at LIMIT $3 FOR UPDATE SKIP LOCKED)
        RETURNING u.id, u.incident_id, u.attempts, u.kind, u.notification_id, u.reply_text, u.created_at`,
      [now, claimedUntil, limit],
    );
    // RETURNING gives no order: replies of one thread are posted in the order they were queued.
    return [...rows].sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || a.id.localeCompare(b.id)).map(toClaimed);
  }

  async delete(ids: string[]): Promise<void> {
    if (!ids.length) return;
    await this.dataSource.query(`DELETE FROM slack_message_updates WHERE id = ANY($1::uuid[])`, [ids]);
  }

  async reschedule(ids: string[], dueAt: Date, error: string | null): Promise<void> {
    await this.dataSource.query(`UPDATE slack_message_updates SET due_at = $2, last_error = $3 WHERE id = ANY($1::uuid[])`, [ids, dueAt, error]);
  }
}
