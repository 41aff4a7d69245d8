/**
 * Operations on sorted, non-overlapping lists of half-open segments of
 * epoch milliseconds. Lists may have holes; `user` null never appears before
 * the final gap-filling step.
 */
export interface Segment {
  start: number;
  end: number;
  user: string | null;
}

/** Sorts intervals and merges those that overlap or touch; the intervals given are reused (and may be changed). */
export function union(intervals: Array<[number, number]>): Array<[number, number]> {
  intervals.sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const interval of intervals) {
    if (interval[0] >= interval[1]) continue;
    const last = out[out.length - 1];
    if (last && interval[0] <= last[1]) last[1] = Math.max(last[1], interval[1]);
    else out.push(interval);
  }
  return out;
}

/**
 * Turns a holey list into a tiling of [since, until): holes become gaps
 * (user null) and neighbours with the same user are merged.
 */
export function tile(segments: Segment[], since: number, until: number): Segment[] {
  const out: Segment[] = [];
  const push = (start: number, end: number, user: string | null): void => {
    if (start >= end) return;
    const last = out[out.length - 1];
    if (last && last.user === user && last.end === start) last.end = end;
    else out.push({ start, end, user });
  };
  let cursor = since;
  for (const segment of segments) {
    const start = Math.max(segment.start, since);
    const end = Math.min(segment.end, until);
    if (start >= end) continue;
    push(cursor, start, null);
    push(start, end, segment.user);
    cursor = end;
  }
  push(cursor, until, null);
  return out;
}

/** A half-open interval [start, end) of epoch milliseconds. */
export type Interval = [number, number];

/** The parts of sorted, disjoint `a` that also lie in sorted, disjoint `b`. */
export function intersectIntervals(a: Interval[], b: Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i][0], b[j][0]);
    const end = Math.min(a[i][1], b[j][1]);
    if (start < end) out.push([start, end]);
    if (a[i][1] < b[j][1]) i++;
    else j++;
  }
  return out;
}

/** Sorted, disjoint intervals cut to [from, to). */
export function clipIntervals(intervals: Interval[], from: number, to: number): Interval[] {
  const out: Interval[] = [];
  for (const [start, end] of intervals) {
    const s = Math.max(start, from);
    const e = Math.min(end, to);
    if (s < e) out.push([s, e]);
  }
  return out;
}

/**
 * The parts of the sorted, disjoint `holes` that `painted` leaves uncovered.
 * `painted` is sorted and every segment of it lies inside one hole (it was
 * painted into them), so one pass over both suffices.
 */
export function uncovered(holes: Interval[], painted: Segment[]): Interval[] {
  const out: Interval[] = [];
  let j = 0;
  for (const [start, end] of holes) {
    let cursor = start;
    for (; j < painted.length && painted[j].start < end; j++) {
      if (painted[j].start > cursor) out.push([cursor, painted[j].start]);
      cursor = painted[j].end;
    }
    if (cursor < end) out.push([cursor, end]);
  }
  return out;
}
