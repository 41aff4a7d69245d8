import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Changed } from '../database/changed-rows';
import { WORK_CHANNEL, type WorkKind } from '../database/work-channel';

export type HandoffMessageKind = 'oncall' | 'offcall' | 'on-call-now' | 'shift-change';
export type HandoffChannel = 'sms' | 'email' | 'slack';
export type HandoffMessageState = 'pending' | 'sending' | 'sent' | 'failed';

export interface NewHandoffMessage {
  /** Unique: a message with the same key already written makes this one a no-op. */
  key: string;
  kind: HandoffMessageKind;
  userId: string | null;
  scheduleId: string | null;
  channel: HandoffChannel;
  address: string;
  subject: string;
  text: string;
  dueAt: Date;
}

export interface HandoffMessage extends NewHandoffMessage {
  id: string;
  state: HandoffMessageState;
  attempts: number;
  providerMessageId: string | null;
  error: string | null;
  sentAt: Date | null;
  createdAt: Date;
}

export interface HandoffMessageOutcome {
  state: Exclude<HandoffMessageState, 'sending'>;
  providerMessageId: string | null;
  error: string | null;
  at: Date;
  retryAt: Date | null;
}

interface MessageRow {
  id: string;
  key: string;
  kind: HandoffMessageKind;
  user_id: string | null;
  schedule_id: string | null;
  channel: HandoffChannel;
  address: string;
  subject: string;
  text: string;
  due_at: Date;
  state: HandoffMessageState;
  attempts: number;
  provider_message_id: string | null;
  error: string | null;
  sent_at: Date | null;
  created_at: Date;
}

const COLUMNS =
  'm.id, m.key, m.kind, m.user_id, m.schedule_id, m.channel, m.address, m.subject, m.text, m.due_at, m.state, m.attempts, m.provider_message_id, m.error, m.sent_at, m.created_at';

function toMessage(r: MessageRow): HandoffMessage {
  return {
    id: r.id,
    key: r.key,
    kind: r.kind,
    userId: r.user_id,
    scheduleId: r.schedule_id,
    channel: r.channel,
    address: r.address,
    subject: r.subject,
    text: r.text,
    dueAt: r.due_at,
    state: r.state,
    attempts: r.attempts,
    providerMessageId: r.provider_message_id,
    error: r.error,
    sentAt: r.sent_at,
    createdAt: r.created_at,
  };
}

/**
 * `handoff_messages`, the outbox of handoff, "On call now" and shift-change
 * messages: written in the transaction that decides them, claimed by one
 * worker (SKIP LOCKED, state `sending` with a claim expiry), sent, retried
 * with backoff. The unique key makes writing the same message twice a no-op.
 */
@Injectable()
export class HandoffMessagesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts the messages whose key is new, and wakes the workers at commit; returns how many were new. */
  async insert(em: EntityManager, messages: readonly NewHandoffMessage[]): Promise<number> {
    if (!messages.length) return 0;
    const rows = messages.map((m) => ({
      key: m.key,
      kind: m.kind,
      user_id: m.userId,
      schedule_id: m.scheduleId,
      channel: m.channel,
      address: m.address,
      subject: m.subject,
      text: m.text,
      due_at: m.dueAt,
    }));
    const [, n] = await em.query<Changed<never>>(
      `INSERT INTO handoff_messages (key, kind, user_id, schedule_id, channel, address, subject, text, due_at)
       SELECT m.key, m.kind, m.user_id, m.schedule_id, m.channel, m.address, m.subject, m.text, m.due_at
         FROM json_to_recordset($1::json) AS m(key text, kind text, user_id uuid, schedule_id uuid, channel text, address text,
                                               subject text, text text, due_at timestamptz)
       ON CONFLICT (key) DO NOTHING`,
      [JSON.stringify(rows)],
    );
    if (n > 0) await em.query(`SELECT pg_notify('${WORK_CHANNEL}', '${'outbox' satisfies WorkKind}')`);
    return n;
  }

  /** Claims up to `limit` due pending messages for `workerId` until `claimedUntil`. */
  async claimDue(now: Date, claimedUntil: Date, workerId: string, limit: number): Promise<HandoffMessage[]> {
    const [rows] = await this.dataSource.query<Changed<MessageRow>>(
      `UPDATE handoff_messages m
          SET state = 'sending', attempts = m.attempts + 1, claimed_until = $2, claimed_by = $3
        WHERE m.id IN (SELECT id FROM handoff_messages WHERE state = 'pending' AND due_at <= $1
                        ORDER BY due_at LIMIT $4 FOR UPDATE SKIP LOCKED)
        RETURNING ${COLUMNS}`,
      [now, claimedUntil, workerId, limit],
    );
    return rows.map(toMessage);
  }

  /** Records a claimed send's outcome; false when the row is no longer `sending` (another worker took it over). */
  async recordOutcome(id: string, o: HandoffMessageOutcome): Promise<boolean> {
    const [, n] = await this.dataSource.query<Changed<never>>(
      `UPDATE handoff_messages
          SET state = $2, provider_message_id = COALESCE($3, provider_message_id), error = $4,
              sent_at = CASE WHEN $2 = 'sent' THEN $5::timestamptz ELSE sent_at END,
              due_at = COALESCE($6, due_at), claimed_until = NULL, claimed_by = NULL
        WHERE id = $1 AND state = 'sending'`,
      [id, o.state, o.providerMessageId, o.error, o.at, o.retryAt],
    );
    return n > 0;
  }

  /** Claims that expired (a worker that died) go back to pending. */
  async releaseExpiredClaims(now: Date): Promise<number> {
    const [, n] = await this.dataSource.query<Changed<never>>(
      `UPDATE handoff_messages SET state = 'pending', claimed_until = NULL, claimed_by = NULL WHERE state = 'sending' AND claimed_until < $1`,
      [now],
    );
    return n;
  }

  async releaseClaimsOf(workerId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE handoff_messages SET state = 'pending', claimed_until = NULL, claimed_by = NULL WHERE state = 'sending' AND claimed_by = $1`,
      [workerId],
    );
  }

  async nextDueAt(): Promise<Date | null> {
    const [row]: { next: Date | null }[] = await this.dataSource.query(`SELECT min(due_at) AS next FROM handoff_messages WHERE state = 'pending'`);
    return row?.next ?? null;
  }

  /** Retention: at most `limit` sent or failed messages created before `before`. */
  async deleteDoneBefore(before: Date, limit: number): Promise<number> {
    const [, n] = await this.dataSource.query<Changed<never>>(
      `DELETE FROM handoff_messages WHERE id IN (
         SELECT id FROM handoff_messages WHERE state IN ('sent', 'failed') AND created_at < $1 ORDER BY created_at LIMIT $2)`,
      [before, limit],
    );
    return n;
  }

  /** A user's latest messages, newest first. */
  async ofUser(userId: string, limit: number): Promise<HandoffMessage[]> {
    const rows: MessageRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM handoff_messages m WHERE m.user_id = $1 ORDER BY m.created_at DESC, m.id LIMIT $2`,
      [userId, limit],
    );
    return rows.map(toMessage);
  }
}
