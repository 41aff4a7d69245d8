import type { FieldError } from '../common/errors';

/** The longest window: 30 days from its start. */
export const MAX_WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;

export type WindowState = 'upcoming' | 'active' | 'ended';
export const WINDOW_STATES: readonly WindowState[] = ['upcoming', 'active', 'ended'];

export interface WindowTimes {
  startAt: Date;
  endAt: Date;
  /** Set when ended early. */
  endedAt: Date | null;
}

/** When the window stops covering its services: its early end, or its planned end. */
export function effectiveEnd(w: WindowTimes): Date {
  return w.endedAt ?? w.endAt;
}

/** A window covers its services on [start, effective end). */
export function windowState(w: WindowTimes, now: Date): WindowState {
  if (now.getTime() < w.startAt.getTime()) return 'upcoming';
  return now.getTime() < effectiveEnd(w).getTime() ? 'active' : 'ended';
}

/**
 * The problems of a window's times, naming the field a client should fix:
 * the end must come after the start, at most MAX_WINDOW_DAYS later, and in
 * the future (a window over before it is written would cover nothing).
 */
export function timeProblems(start: Date, end: Date, now: Date): FieldError[] {
  if (end.getTime() <= start.getTime()) return [{ field: 'end', message: 'must be after start' }];
  if (end.getTime() - start.getTime() > MAX_WINDOW_DAYS * DAY_MS) {
    return [{ field: 'end', message: `must be at most ${MAX_WINDOW_DAYS} days after start` }];
  }
  if (end.getTime() <= now.getTime()) return [{ field: 'end', message: 'must be in the future' }];
  return [];
}
