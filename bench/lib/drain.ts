import type { Pool } from 'pg';
import { msUntil } from './stats';

export interface Backlog {
  openPages: number;
  dueTimers: number;
  unclaimedIncidents: number;
}

/**
 * What the worker has still to do: pages not yet finished, timers already
 * due, and new incidents its claim has not taken yet (the start claim's
 * condition, src/incidents/incident-openings.repository.ts: a new incident's
 * first step fires in that claim, with no timer of its own, so without this
 * count the worker looks idle before it has started them).
 */
export async function backlog(db: Pool): Promise<Backlog> {
  const { rows } = await db.query(
    `SELECT (SELECT count(*) FROM notifications WHERE state IN ('pending', 'sending') AND due_at <= now())::int AS open_pages,
            (SELECT count(*) FROM timers WHERE due_at <= now())::int AS due_timers,
            (SELECT count(*) FROM incidents
              WHERE escalation_started_at IS NULL AND NOT (maintenance AND maintenance_released_at IS NULL))::int AS unclaimed`,
  );
  return { openPages: rows[0].open_pages, dueTimers: rows[0].due_timers, unclaimedIncidents: rows[0].unclaimed };
}

/** Nothing left for the worker: no open page, no due timer, no unclaimed incident. */
export function isIdle(b: Backlog): boolean {
  return b.openPages === 0 && b.dueTimers === 0 && b.unclaimedIncidents === 0;
}

/** Waits until the worker is idle (isIdle); returns the ms it took, or null on timeout. */
export async function waitForIdle(db: Pool, timeoutMs: number): Promise<number | null> {
  return msUntil(async () => isIdle(await backlog(db)), timeoutMs, 100);
}
