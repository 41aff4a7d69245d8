import { Segment } from './segment-ops';

/** An override with its instants parsed; `id` breaks ties between equal `createdAt`. */
export interface ParsedOverride {
  userId: string;
  id: string;
  start: number;
  end: number;
  createdAt: number;
}

/** true when `a` was created after `b` (the later override wins where they overlap). */
function newer(a: ParsedOverride, b: ParsedOverride): boolean {
  return a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id > b.id);
}

/**
 * Resolves overlapping overrides once, in O(n log n): a sweep over the sorted
 * edges with a heap of the overrides begun so far, newest on top. Ended
 * overrides are dropped only when they reach the top, since only the top
 * decides. Between consecutive edges the newest covering override wins;
 * neighbours with the same user are merged.
 */
export function overrideTimeline(overrides: ParsedOverride[]): Segment[] {
  const parsed = overrides.filter((o) => o.start < o.end);
  const edges = [...new Set(parsed.flatMap((o) => [o.start, o.end]))].sort((a, b) => a - b);
  const byStart = [...parsed].sort((a, b) => a.start - b.start);
  const heap = new NewestFirstHeap();
  const out: Segment[] = [];
  let next = 0;
  for (let e = 0; e + 1 < edges.length; e++) {
    const from = edges[e];
    while (next < byStart.length && byStart[next].start <= from) heap.push(byStart[next++]);
    while (heap.top && heap.top.end <= from) heap.pop();
    const winner = heap.top;
    if (!winner) continue;
    const last = out[out.length - 1];
    if (last && last.end === from && last.user === winner.userId) last.end = edges[e + 1];
    else out.push({ start: from, end: edges[e + 1], user: winner.userId });
  }
  return out;
}

/** A binary max-heap ordered by creation (newest on top). */
class NewestFirstHeap {
  private readonly items: ParsedOverride[] = [];

  get top(): ParsedOverride | undefined {
    return this.items[0];
  }

  push(item: ParsedOverride): void {
    const items = this.items;
    let i = items.push(item) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!newer(items[i], items[parent])) break;
      [items[i], items[parent]] = [items[parent], items[i]];
      i = parent;
    }
  }

  pop(): void {
    const items = this.items;
    const last = items.pop()!;
    if (!items.length) return;
    items[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let best = i;
      if (left < items.length && newer(items[left], items[best])) best = left;
      if (right < items.length && newer(items[right], items[best])) best = right;
      if (best === i) return;
      [items[i], items[best]] = [items[best], items[i]];
      i = best;
    }
  }
}
