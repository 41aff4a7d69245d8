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

/** Paints `top` over `base`: where `top` has a segment, it wins. */
export function overlay(base: Segment[], top: Segment[]): Segment[] {
  if (top.length === 0) return base;
  if (base.length === 0) return top;
  const out: Segment[] = [];
  let i = 0;
  let current: Segment | undefined = base[0];
  const advance = (): Segment | undefined => base[++i];
  for (const painted of top) {
    while (current && current.end <= painted.start) {
      out.push(current);
      current = advance();
    }
    if (current && current.start < painted.start) {
      out.push({ start: current.start, end: painted.start, user: current.user });
      current = { start: painted.start, end: current.end, user: current.user };
    }
    out.push(painted);
    while (current && current.end <= painted.end) current = advance();
    if (current && current.start < painted.end) {
      current = { start: painted.end, end: current.end, user: current.user };
    }
  }
  while (current) {
    out.push(current);
    current = advance();
  }
  return out;
}

/** Keeps the parts of `segments` that lie inside the sorted, disjoint `windows`. */
export function intersect(segments: Segment[], windows: Array<[number, number]>): Segment[] {
  const out: Segment[] = [];
  let j = 0;
  for (const segment of segments) {
    while (j < windows.length && windows[j][1] <= segment.start) j++;
    for (let w = j; w < windows.length && windows[w][0] < segment.end; w++) {
      const start = Math.max(segment.start, windows[w][0]);
      const end = Math.min(segment.end, windows[w][1]);
      if (start < end) out.push({ start, end, user: segment.user });
    }
  }
  return out;
}

/** Sorts intervals and merges those that overlap or touch. */
export function union(intervals: Array<[number, number]>): Array<[number, number]> {
  intervals.sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [start, end] of intervals) {
    if (start >= end) continue;
    const last = out[out.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
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
