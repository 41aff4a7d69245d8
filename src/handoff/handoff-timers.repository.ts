import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { EdgeType } from './core';

/** A handoff timer: a user's rule at one edge, a change of a schedule's on-call user, or the daily horizon pass. */
export type HandoffTimer =
  | { id: string; kind: 'rule'; scheduleId: string; ruleId: string; userId: string; edgeType: EdgeType; edgeAt: Date; dueAt: Date; attempts: number }
  | { id: string; kind: 'edge'; scheduleId: string; edgeAt: Date; dueAt: Date; attempts: number }
  | { id: string; kind: 'horizon'; dueAt: Date; attempts: number };

export type NewHandoffTimer =
  | { kind: 'rule'; scheduleId: string; ruleId: string; userId: string; edgeType: EdgeType; edgeAt: Date; dueAt: Date }
  | { kind: 'edge'; scheduleId: string; edgeAt: Date; dueAt: Date };

interface TimerRow {
  id: string;
  kind: 'rule' | 'edge' | 'horizon';
  schedule_id: string | null;
  rule_id: string | null;
  user_id: string | null;
  edge_type: EdgeType | null;
  edge_at: Date | null;
  due_at: Date;
  attempts: number;
}

const COLUMNS = 'id, kind, schedule_id, rule_id, user_id, edge_type, edge_at, due_at, attempts';

function toTimer(r: TimerRow): HandoffTimer {
  const base = { id: r.id, dueAt: r.due_at, attempts: r.attempts };
  // The table's check constraint ties each kind to the columns it fills.
  if (r.kind === 'horizon') return { ...base, kind: 'horizon' };
  if (r.kind === 'edge') return { ...base, kind: 'edge', scheduleId: r.schedule_id!, edgeAt: r.edge_at! };
  return { ...base, kind: 'rule', scheduleId: r.schedule_id!, ruleId: r.rule_id!, userId: r.user_id!, edgeType: r.edge_type!, edgeAt: r.edge_at! };
}

/**
 * Every statement on `handoff_timers`. Timers are claimed one at a time with
 * `FOR UPDATE SKIP LOCKED` and deleted in the transaction that fires them.
 */
@Injectable()
export class HandoffTimersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Replaces the pending (due from `now` on) rule and edge timers of these
   * schedules with `timers`, in the caller's transaction. Timers already due
   * are left to fire: they re-check the schedule when they do.
   */
  async replaceForSchedules(em: EntityManager, scheduleIds: readonly string[], now: Date, timers: readonly NewHandoffTimer[]): Promise<void> {
    if (!scheduleIds.length) return;
    await em.query(`DELETE FROM handoff_timers WHERE schedule_id = ANY($1::uuid[]) AND due_at >= $2`, [[...scheduleIds], now]);
    if (!timers.length) return;
    const rows = timers.map((t) => ({
      kind: t.kind,
      schedule_id: t.scheduleId,
      rule_id: t.kind === 'rule' ? t.ruleId : null,
      user_id: t.kind === 'rule' ? t.userId : null,
      edge_type: t.kind === 'rule' ? t.edgeType : null,
      edge_at: t.edgeAt,
      due_at: t.dueAt,
    }));
    await em.query(
      `INSERT INTO handoff_timers (kind, schedule_id, rule_id, user_id, edge_type, edge_at, due_at)
       SELECT t.kind, t.schedule_id, t.rule_id, t.user_id, t.edge_type, t.edge_at, t.due_at
         FROM json_to_recordset($1::json) AS t(kind text, schedule_id uuid, rule_id uuid, user_id uuid, edge_type text, edge_at timestamptz, due_at timestamptz)`,
      [JSON.stringify(rows)],
    );
  }

  /** The daily horizon timer, unless it exists (a unique partial index keeps one). */
  async ensureHorizon(dueAt: Date, em: EntityManager = this.dataSource.manager): Promise<void> {
    await em.query(
      `INSERT INTO handoff_timers (kind, due_at) VALUES ('horizon', $1) ON CONFLICT (kind) WHERE kind = 'horizon' DO NOTHING`,
      [dueAt],
    );
  }

  /** Ids of up to `limit` due timers, oldest first (not locked: each is locked when fired). */
  async dueIds(now: Date, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      'SELECT id FROM handoff_timers WHERE due_at <= $1 ORDER BY due_at, id LIMIT $2',
      [now, limit],
    );
    return rows.map((r) => r.id);
  }

  /** Locks one timer (SKIP LOCKED: another worker is firing it) if it is still due. */
  async lockDue(em: EntityManager, id: string, now: Date): Promise<HandoffTimer | null> {
    const rows: TimerRow[] = await em.query(`SELECT ${COLUMNS} FROM handoff_timers WHERE id = $1 AND due_at <= $2 FOR UPDATE SKIP LOCKED`, [id, now]);
    return rows[0] ? toTimer(rows[0]) : null;
  }

  async delete(em: EntityManager, id: string): Promise<void> {
    await em.query('DELETE FROM handoff_timers WHERE id = $1', [id]);
  }

  /** After a failed firing: again later, with backoff (at most a minute). */
  async retryLater(id: string, now: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE handoff_timers SET attempts = attempts + 1, due_at = $2::timestamptz + make_interval(secs => least(60, power(2, least(attempts, 6))))
        WHERE id = $1`,
      [id, now],
    );
  }

  async nextDueAt(): Promise<Date | null> {
    const [row]: { next: Date | null }[] = await this.dataSource.query('SELECT min(due_at) AS next FROM handoff_timers');
    return row?.next ?? null;
  }
}
