import type { Pool } from 'pg';
import { sleep } from './stats';

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
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const b = await backlog(db);
    if (b.openPages === 0 && b.dueTimers === 0) return Date.now() - started;
    await sleep(100);
  }
  return null;
}
