/**
 * The resolver's input: a plain, immutable picture of one schedule, decoupled
 * from entities and DTOs so the maths can be tested without a database.
 * Semantics are those of docs/schedules.md; intervals are half-open.
 */

export type RotationUnit = 'hour' | 'day' | 'week';

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Local-time window repeated every day; `endTime <= startTime` wraps past midnight. */
export interface DailyRestriction {
  type: 'daily';
  /** "HH:mm", local to the schedule's zone. */
  startTime: string;
  endTime: string;
}

/** Local-time window repeated every week; an end at or before the start wraps past Sunday. */
export interface WeeklyRestriction {
  type: 'weekly';
  startDay: Weekday;
  startTime: string;
  endDay: Weekday;
  endTime: string;
}

export type Restriction = DailyRestriction | WeeklyRestriction;

export interface LayerSnapshot {
  name: string;
  start: Date;
  /** Exclusive; null = forever. */
  end: Date | null;
  rotation: {
    unit: RotationUnit;
    /** Integer >= 1: a turn lasts `length` × `unit` on the wall clock. */
    length: number;
    /** The instant at which users[0] begins a turn (turn k = 0). */
    handoff: Date;
  };
  /** Rotation order; a user may appear more than once. */
  users: string[];
  /** Empty = the layer covers all of its active time. */
  restrictions: Restriction[];
}

export interface OverrideSnapshot {
  id: string;
  userId: string;
  start: Date;
  end: Date;
  createdAt: Date;
}

export interface ScheduleSnapshot {
  /** IANA zone name, e.g. "America/New_York". */
  timeZone: string;
  /** Bottom to top: the last active, covering layer decides. */
  layers: LayerSnapshot[];
  overrides: OverrideSnapshot[];
}

/** One segment of the final schedule; userId null = a gap (nobody on call). */
export interface Shift {
  userId: string | null;
  start: Date;
  end: Date;
}
