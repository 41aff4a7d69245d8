import { CompiledLayer, CompiledSchedule, DAY_MS } from './compile-schedule';
import { restrictionWindows } from './restriction-windows';
import { clipIntervals, intersectIntervals, Interval, Segment, tile, uncovered } from './segment-ops';
import { turnSegments } from './turn-boundaries';

/**
 * Renderings are computed one chunk of this much time at a time, so that a
 * caller can stop early (a cap on segments, the first segment found) and give
 * the event loop a turn between chunks. A day of the densest schedule the API
 * accepts renders in a few milliseconds.
 */
const RENDER_CHUNK_MS = DAY_MS;

/**
 * The final schedule over [since, until) as a tiling (gaps have user null,
 * equal neighbours merged). Painted top-down: overrides first, then each layer
 * from the top, each only into the holes that everything above it left. A layer
 * hidden under the ones above it costs nothing, and the work is proportional to
 * the visible pieces rather than to everything every layer would show alone.
 */
export function renderWindow(schedule: CompiledSchedule, since: number, until: number): Segment[] {
  return runToEnd(paintWindow(schedule, since, until));
}

/** Runs a generator that pauses between steps to its end, at once, and returns its answer. */
export function runToEnd<T>(steps: Generator<unknown, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** `renderWindow`, pausing (yielding) after each layer painted: a caller can give the event loop a turn there. */
function* paintWindow(schedule: CompiledSchedule, since: number, until: number): Generator<void, Segment[]> {
  if (!(since < until)) return [];
  const painted = overridesWithin(schedule.overrideTimeline, since, until);
  let holes = uncovered([[since, until]], painted);
  for (let i = schedule.layers.length - 1; i >= 0 && holes.length > 0; i--) {
    const pieces = layerPieces(schedule, schedule.layers[i], holes);
    if (pieces.length > 0) {
      holes = uncovered(holes, pieces);
      for (const piece of pieces) painted.push(piece);
    }
    yield;
  }
  painted.sort((a, b) => a.start - b.start);
  return tile(painted, since, until);
}

/**
 * The rendering of [since, until), one chunk at a time (in reverse when
 * `backward`: latest segment first). Each yield holds the segments completed
 * so far, merged across chunk seams, so the concatenation of all yields is
 * exactly `renderWindow(schedule, since, until)` (reversed when backward). A
 * yield may be empty: a segment still running on, or a pause after a layer.
 * The last yield flushes the segment still held.
 */
export function* renderChunks(schedule: CompiledSchedule, since: number, until: number, backward = false): Generator<Segment[]> {
  if (!(since < until)) return;
  let held: Segment | null = null;
  const count = Math.ceil((until - since) / RENDER_CHUNK_MS);
  for (let i = 0; i < count; i++) {
    const from = backward ? Math.max(since, until - (i + 1) * RENDER_CHUNK_MS) : since + i * RENDER_CHUNK_MS;
    const to = backward ? until - i * RENDER_CHUNK_MS : Math.min(until, since + (i + 1) * RENDER_CHUNK_MS);
    // Each layer painted is a pause (an empty yield), so that no caller waits for a whole day of twenty layers at once.
    const steps = paintWindow(schedule, from, to);
    let step = steps.next();
    for (; !step.done; step = steps.next()) yield [];
    const part = step.value;
    if (backward) part.reverse();
    const done: Segment[] = [];
    for (const segment of part) {
      if (held && held.user === segment.user) {
        if (backward) held.start = segment.start;
        else held.end = segment.end;
      } else {
        if (held) done.push(held);
        held = segment;
      }
    }
    yield done;
  }
  if (held) yield [held];
}

/** Where, inside the holes, the layer covers time, with its turn's user; sorted. */
function layerPieces(schedule: CompiledSchedule, layer: CompiledLayer, holes: Interval[]): Segment[] {
  if (layer.users.length === 0) return [];
  let open = clipIntervals(holes, layer.startMs, layer.endMs);
  if (open.length === 0) return [];
  if (layer.restrictions.length > 0) {
    const windows = restrictionWindows(layer, schedule.zone, open[0][0], open[open.length - 1][1]);
    open = intersectIntervals(open, windows);
  }
  const out: Segment[] = [];
  for (const [start, end] of open) {
    for (const segment of turnSegments(layer, schedule.zone, start, end)) out.push(segment);
  }
  return out;
}

/** The override timeline cut to [since, until); a binary search finds the first piece. */
function overridesWithin(timeline: Segment[], since: number, until: number): Segment[] {
  let lo = 0;
  let hi = timeline.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (timeline[mid].end <= since) lo = mid + 1;
    else hi = mid;
  }
  const out: Segment[] = [];
  for (let i = lo; i < timeline.length && timeline[i].start < until; i++) {
    const segment = timeline[i];
    out.push({ start: Math.max(segment.start, since), end: Math.min(segment.end, until), user: segment.user });
  }
  return out;
}
