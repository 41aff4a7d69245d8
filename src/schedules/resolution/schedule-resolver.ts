import { CompiledLayer, CompiledSchedule, compileSchedule, DAY_MS } from './compile-schedule';
import { restrictionsCover, restrictionWindows } from './restriction-windows';
import { ScheduleSnapshot, Shift } from './schedule-snapshot';
import { intersect, overlay, Segment, tile } from './segment-ops';
import { turnIndexAt, turnSegments, userOfTurn } from './turn-boundaries';

/**
 * "Who is on call" for a schedule (schedules.md), as pure functions of
 * (schedule, instant). Every function accepts a snapshot or a compiled
 * schedule. A snapshot is compiled afresh on every call (no hidden cache, so
 * a mutated snapshot can never give a stale answer); callers that resolve the
 * same schedule repeatedly should call `compileSchedule` once and pass the
 * result.
 */
export type ResolvableSchedule = ScheduleSnapshot | CompiledSchedule;

/** onCallAt looks at most this far either side of t for the ends of a segment. */
export const ON_CALL_HORIZON_MS = 366 * DAY_MS;

function compiled(schedule: ResolvableSchedule): CompiledSchedule {
  return schedule instanceof CompiledSchedule ? schedule : compileSchedule(schedule);
}

function toMs(value: Date, name: string): number {
  const ms = value instanceof Date ? value.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`${name} must be a valid Date`);
  return ms;
}

/** The user on call at t, or null in a gap. The hot path: no allocation beyond lookups. */
export function userOnCallAt(schedule: ResolvableSchedule, t: Date): string | null {
  return resolveUser(compiled(schedule), toMs(t, 't'));
}

function resolveUser(schedule: CompiledSchedule, t: number): string | null {
  const overrides = schedule.overrideTimeline;
  let lo = 0;
  let hi = overrides.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (overrides[mid].end <= t) lo = mid + 1;
    else hi = mid;
  }
  if (lo < overrides.length && overrides[lo].start <= t) return overrides[lo].user;

  for (let i = schedule.layers.length - 1; i >= 0; i--) {
    const layer = schedule.layers[i];
    if (layer.users.length === 0 || t < layer.startMs || t >= layer.endMs) continue;
    if (!restrictionsCover(layer, schedule.zone, t)) continue;
    return userOfTurn(layer, turnIndexAt(layer, schedule.zone, t));
  }
  return null;
}

/**
 * The final schedule over [since, until): segments that tile the interval
 * exactly, adjacent equal users merged, gaps as userId null. Built from turn
 * boundaries, restriction edges, layer start/end and override edges.
 * An empty or inverted interval renders as [].
 */
export function shifts(schedule: ResolvableSchedule, since: Date, until: Date): Shift[] {
  return render(compiled(schedule), toMs(since, 'since'), toMs(until, 'until')).map((segment) => ({
    userId: segment.user,
    start: new Date(segment.start),
    end: new Date(segment.end),
  }));
}

/**
 * The maximal final-schedule segment containing t (userId null = gap). A
 * segment reaching further than ON_CALL_HORIZON_MS from t is cut there, so
 * `start` or `end` equal to t ∓ ON_CALL_HORIZON_MS means "beyond the horizon".
 */
export function onCallAt(schedule: ResolvableSchedule, t: Date): Shift {
  const compiledSchedule = compiled(schedule);
  const at = toMs(t, 't');
  const horizonStart = at - ON_CALL_HORIZON_MS;
  const horizonEnd = at + ON_CALL_HORIZON_MS;
  // Render a small window around t and widen whichever side the segment touches.
  let back = DAY_MS;
  let ahead = DAY_MS;
  for (;;) {
    const since = Math.max(at - back, horizonStart);
    const until = Math.min(at + ahead, horizonEnd);
    const segments = render(compiledSchedule, since, until);
    const segment = segments.find((s) => s.start <= at && at < s.end) as Segment;
    const openBefore = segment.start === since && since > horizonStart;
    const openAfter = segment.end === until && until < horizonEnd;
    if (!openBefore && !openAfter) {
      return { userId: segment.user, start: new Date(segment.start), end: new Date(segment.end) };
    }
    if (openBefore) back *= 8;
    if (openAfter) ahead *= 8;
  }
}

function render(schedule: CompiledSchedule, since: number, until: number): Segment[] {
  if (!(since < until)) return [];
  let painted: Segment[] = [];
  for (const layer of schedule.layers) painted = overlay(painted, layerSegments(schedule, layer, since, until));
  painted = overlay(painted, overridesWithin(schedule.overrideTimeline, since, until));
  return tile(painted, since, until);
}

/** Where, within [since, until), the layer covers time, with its turn's user. */
function layerSegments(schedule: CompiledSchedule, layer: CompiledLayer, since: number, until: number): Segment[] {
  const from = Math.max(since, layer.startMs);
  const to = Math.min(until, layer.endMs);
  if (layer.users.length === 0 || from >= to) return [];
  const turns = turnSegments(layer, schedule.zone, from, to);
  if (layer.restrictions.length === 0) return turns;
  return intersect(turns, restrictionWindows(layer, schedule.zone, from, to));
}

function overridesWithin(timeline: Segment[], since: number, until: number): Segment[] {
  const out: Segment[] = [];
  for (const segment of timeline) {
    if (segment.end <= since) continue;
    if (segment.start >= until) break;
    out.push({ start: Math.max(segment.start, since), end: Math.min(segment.end, until), user: segment.user });
  }
  return out;
}
