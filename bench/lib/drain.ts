import type { Pool } from 'pg';
import { msUntil } from './stats';

/** Pages not yet finished and timers already due: both zero means the worker is idle. */
export async function backlog(db: Pool): Promise<{ openPages: number; dueTimers: number }> {
  const { rows } = await db.query(
    `SELECT (SELECT count(*) FROM notifications WHERE state IN ('pending', 'sending') AND due_at <= now())::int AS open_pages,
            (SELECT count(*) FROM timers WHERE due_at <= now())::int AS due_timers`,
  );
  return { openPages: rows[0].open_pages, dueTimers: rows[0].due_timers };
}

/** Waits until the outbox and the due timers are empty; returns the ms it took, or null on timeout. */
export async function waitForIdle(db: Pool, timeoutMs: number): Promise<number | null> {
  const idle = async (): Promise<boolean> => {
    const b = await backlog(db);
    return b.openPages === 0 && b.dueTimers === 0;
  };
  return msUntil(idle, timeoutMs, 100);
}
