import type { Shift } from '../../schedules/resolution';

/** A user's final on-call time, half-open [start, end), epoch milliseconds. */
export interface Interval {
  start: number;
  end: number;
}

export type EdgeType = 'oncall' | 'offcall';

/** The start (oncall) or end (offcall) of one of a user's merged intervals. */
export interface HandoffEdge {
  type: EdgeType;
  at: number;
  /** The interval the edge belongs to; a bound at the rendering's edge is null (unknown beyond it). */
  interval: { start: number | null; end: number | null };
}

/**
 * The user's on-call intervals in a rendering of the final schedule, sorted,
 * back-to-back and overlapping pieces merged into one (the resolver already
 * merges equal neighbours; shifts from several renderings may touch).
 */
export function userIntervals(shifts: readonly Shift[], userId: string): Interval[] {
  const own = shifts
    .filter((s) => s.userId === userId && s.end.getTime() > s.start.getTime())
    .map((s) => ({ start: s.start.getTime(), end: s.end.getTime() }))
    .sort((a, b) => a.start - b.start);
  return mergeIntervals(own);
}

/** Sorted input; touching or overlapping intervals become one. */
export function mergeIntervals(sorted: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ ...i });
  }
  return out;
}

/**
 * The edges of the intervals of a rendering of [since, until): an interval
 * that starts at `since` or ends at `until` was cut by the rendering, so that
 * bound is not an edge (and is unknown: null).
 */
export function handoffEdges(intervals: readonly Interval[], since: number, until: number): HandoffEdge[] {
  const edges: HandoffEdge[] = [];
  for (const i of intervals) {
    const interval = { start: i.start <= since ? null : i.start, end: i.end >= until ? null : i.end };
    if (interval.start !== null) edges.push({ type: 'oncall', at: interval.start, interval });
    if (interval.end !== null) edges.push({ type: 'offcall', at: interval.end, interval });
  }
  return edges.sort((a, b) => a.at - b.at || (a.type === 'offcall' ? -1 : 1));
}

/** The edge of this type at exactly `at`, if the user's intervals still have one there. */
export function edgeAt(intervals: readonly Interval[], since: number, until: number, type: EdgeType, at: number): HandoffEdge | null {
  return handoffEdges(intervals, since, until).find((e) => e.type === type && e.at === at) ?? null;
}

/** A change of the final on-call user (null = nobody) at `at`, with the segment that starts there. */
export interface UserChange {
  at: number;
  from: string | null;
  to: string | null;
  /** End of the segment starting at `at`; null when it reaches the rendering's end. */
  until: number | null;
  /** The user of the segment after that one; undefined when unknown (beyond the rendering). */
  next: string | null | undefined;
}

/**
 * The instants in (since, until) where the final on-call user changes. Shifts
 * must tile the rendering (as the resolver's do, gaps as null users).
 */
export function userChanges(shifts: readonly Shift[], until: number): UserChange[] {
  const changes: UserChange[] = [];
  for (let i = 1; i < shifts.length; i++) {
    const prev = shifts[i - 1];
    const cur = shifts[i];
    if (prev.userId === cur.userId) continue;
    const end = cur.end.getTime();
    changes.push({
      at: cur.start.getTime(),
      from: prev.userId,
      to: cur.userId,
      until: end >= until ? null : end,
      next: i + 1 < shifts.length ? shifts[i + 1].userId : undefined,
    });
  }
  return changes;
}
