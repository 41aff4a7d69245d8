import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DueTimer, EngineTimerKindName, isEngineKind, NewTimer, TimerDataMap, TimerPayload, timerPayloadSchema } from './timer-data';

/** A `timers` row as PostgreSQL returns it, before its kind and data are checked. */
interface TimerRow {
  id: string;
  kind: string;
  incident_id: string | null;
  due_at: Date;
  data: unknown;
  attempts: number;
}

/** An incident just acknowledged, as its acknowledgement timeout needs it. */
export interface AckedIncident {
  incidentId: string;
  serviceId: string;
  acknowledgedAt: Date;
}

/** A new incident whose escalation starts now, as its start and auto-resolve timers need it. */
export interface StartingIncident {
  incidentId: string;
  serviceId: string;
  /** Its opening, or its release from maintenance: both timers count from here. */
  startsFrom: Date;
  /** False for a suppressed incident: it gets its auto-resolve timer and no escalation. */
  escalates: boolean;
}

/** A row whose kind or data matches no timer kind (timer-data.ts). */
export interface UnreadableTimer {
  id: string;
  kind: string;
  problem: string;
}

const COLUMNS = 'id, kind, incident_id, due_at, data, attempts';
const RECORD = 'kind text, incident_id uuid, due_at timestamptz, data jsonb';

function read(row: TimerRow): DueTimer | UnreadableTimer {
  const parsed = timerPayloadSchema.safeParse({ kind: row.kind, data: row.data });
  if (!parsed.success) return { id: row.id, kind: row.kind, problem: parsed.error.message };
  const base = { id: row.id, dueAt: row.due_at, attempts: row.attempts };
  const payload = parsed.data;
  if (isEngineKind(payload.kind) !== (row.incident_id === null)) {
    return { id: row.id, kind: row.kind, problem: 'incident_id does not fit the kind' };
  }
  // The check above (and the table's check constraint) pairs a null incident with the engine's kinds.
  return isEnginePayload(payload)
    ? { ...base, incidentId: null, ...payload }
    : { ...base, incidentId: row.incident_id as string, ...payload };
}

function isEnginePayload(p: TimerPayload): p is Extract<TimerPayload, { kind: EngineTimerKindName }> {
  return isEngineKind(p.kind);
}

function isDue(timer: DueTimer | UnreadableTimer): timer is DueTimer {
  return 'incidentId' in timer;
}

/** Throws for a row that matches no kind: the caller's transaction rolls back and retries it later. */
function readOrThrow(row: TimerRow): DueTimer {
  const timer = read(row);
  if (!isDue(timer)) throw new Error(`timer ${timer.id} (${timer.kind}) is unreadable: ${timer.problem}`);
  return timer;
}

function toJson(timers: readonly NewTimer[]): string {
  return JSON.stringify(timers.map((t) => ({ kind: t.kind, incident_id: t.incidentId, due_at: t.dueAt, data: t.data })));
}

/**
 * Every statement on the `timers` table. Rows come back checked against the
 * kinds' data schemas; rows are written from typed timers. Methods that take
 * an EntityManager run in the caller's transaction.
 */
@Injectable()
export class TimersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Up to `limit` due timers, oldest first, locked (SKIP LOCKED: another worker's are left alone). */
  async claimDue(em: EntityManager, now: Date, limit: number): Promise<{ timers: DueTimer[]; unreadable: UnreadableTimer[] }> {
    const rows: TimerRow[] = await em.query(
      `SELECT ${COLUMNS} FROM timers WHERE due_at <= $1 ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    const read_ = rows.map(read);
    return { timers: read_.filter(isDue), unreadable: read_.filter((t): t is UnreadableTimer => !isDue(t)) };
  }

  /** Locks the timers `ids` in id order, skipping those another transaction holds or that are gone. */
  async lock(em: EntityManager, ids: string[]): Promise<DueTimer[]> {
    const rows: TimerRow[] = await em.query(
      `SELECT ${COLUMNS} FROM timers WHERE id = ANY($1::bigint[]) ORDER BY id FOR UPDATE SKIP LOCKED`,
      [ids],
    );
    return rows.map(readOrThrow);
  }

  async lockOne(em: EntityManager, id: string): Promise<DueTimer | null> {
    const [row]: TimerRow[] = await em.query(`SELECT ${COLUMNS} FROM timers WHERE id = $1 FOR UPDATE SKIP LOCKED`, [id]);
    return row ? readOrThrow(row) : null;
  }

  async delete(em: EntityManager, ids: string[]): Promise<void> {
    if (ids.length) await em.query('DELETE FROM timers WHERE id = ANY($1::bigint[])', [ids]);
  }

  /** Deletes the fired timers and inserts the ones that follow them, in one statement. */
  async replace(em: EntityManager, fired: string[], next: readonly NewTimer[]): Promise<void> {
    if (!next.length) return this.delete(em, fired);
    if (!fired.length) return this.insert(em, next);
    await em.query(
      `WITH fired AS (DELETE FROM timers WHERE id = ANY($1::bigint[]))
       INSERT INTO timers (kind, incident_id, due_at, data)
       SELECT t.kind, t.incident_id, t.due_at, t.data FROM json_to_recordset($2::json) AS t(${RECORD})`,
      [fired, toJson(next)],
    );
  }

  async insert(em: EntityManager, timers: readonly NewTimer[]): Promise<void> {
    if (!timers.length) return;
    await em.query(
      `INSERT INTO timers (kind, incident_id, due_at, data)
       SELECT t.kind, t.incident_id, t.due_at, t.data FROM json_to_recordset($1::json) AS t(${RECORD})`,
      [toJson(timers)],
    );
  }

  /**
   * Inserts the engine timer unless one of its kind exists (a unique partial
   * index, on `cleanup` only): every worker arms it at start and exactly one
   * row results.
   */
  async insertIfAbsent(timer: NewTimer<EngineTimerKindName>): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO timers (kind, incident_id, due_at, data) VALUES ($1, NULL, $2, $3)
       ON CONFLICT (kind) WHERE kind = 'cleanup' DO NOTHING`,
      [timer.kind, timer.dueAt, JSON.stringify(timer.data)],
    );
  }

  /** Each acknowledgement's timeout timer, for the incidents whose service has one. */
  async insertAckTimeouts(em: EntityManager, acks: readonly AckedIncident[], now: Date): Promise<void> {
    if (!acks.length) return;
    const rows = acks.map((a) => {
      const data: TimerDataMap['ack-timeout'] = { acknowledgedAt: a.acknowledgedAt.toISOString() };
      return { incident_id: a.incidentId, service_id: a.serviceId, data };
    });
    await em.query(
      `INSERT INTO timers (kind, incident_id, due_at, data)
       SELECT 'ack-timeout', a.incident_id, $2::timestamptz + make_interval(mins => s.ack_timeout_minutes), a.data
         FROM json_to_recordset($1::json) AS a(incident_id uuid, service_id uuid, data jsonb)
         JOIN services s ON s.id = a.service_id
        WHERE s.ack_timeout_minutes IS NOT NULL`,
      [JSON.stringify(rows), now],
    );
  }

  /** Each starting incident's `escalation` start timer (unless it does not escalate) and its service's `auto-resolve` timer, one statement. */
  async insertStartTimers(em: EntityManager, starts: readonly StartingIncident[]): Promise<void> {
    if (!starts.length) return;
    const rows = starts.map((s) => ({ incident_id: s.incidentId, service_id: s.serviceId, starts_from: s.startsFrom, escalates: s.escalates }));
    await em.query(
      `WITH s AS (SELECT * FROM json_to_recordset($1::json) AS s(incident_id uuid, service_id uuid, starts_from timestamptz, escalates boolean))
       INSERT INTO timers (kind, incident_id, due_at, data)
       SELECT 'escalation', s.incident_id, s.starts_from, '{"input":"start"}'::jsonb FROM s WHERE s.escalates
       UNION ALL
       SELECT 'auto-resolve', s.incident_id, s.starts_from + make_interval(mins => v.auto_resolve_minutes), '{}'::jsonb
         FROM s JOIN services v ON v.id = s.service_id
        WHERE v.auto_resolve_minutes IS NOT NULL`,
      [JSON.stringify(rows)],
    );
  }

  /** After a failed firing (rolled back, so the timers are still there): again later, with backoff, so none can spin. */
  async retryLater(ids: string[], now: Date, em: EntityManager = this.dataSource.manager): Promise<void> {
    await em.query(
      `UPDATE timers SET attempts = attempts + 1,
              due_at = $2::timestamptz + make_interval(secs => least(60, power(2, least(attempts, 6))))
        WHERE id = ANY($1::bigint[])`,
      [ids, now],
    );
  }

  /** The earliest due time of any timer, for the timer loop's sleep. */
  async nextDueAt(): Promise<Date | null> {
    const [row]: { next: Date | null }[] = await this.dataSource.query('SELECT min(due_at) AS next FROM timers');
    return row?.next ?? null;
  }
}
