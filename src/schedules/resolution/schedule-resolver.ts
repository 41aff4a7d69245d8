import { CompiledSchedule, compileSchedule, DAY_MS } from './compile-schedule';
import { renderChunks, runToEnd } from './render-window';
import { restrictionsCover } from './restriction-windows';
import { ScheduleSnapshot, Shift } from './schedule-snapshot';
import { Segment } from './segment-ops';
import { turnIndexAt, userOfTurn } from './turn-boundaries';

/**
 * "Who is on call" for a schedule (docs/schedules.md), as pure functions of
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
  const out: Shift[] = [];
  for (const chunk of shiftChunks(schedule, since, until)) for (const shift of chunk) out.push(shift);
  return out;
}

/**
 * `shifts`, produced one day of rendering at a time: each yield holds the
 * shifts completed so far (possibly none), and together they are exactly
 * `shifts(schedule, since, until)`. Callers stop iterating when they have
 * enough, and may give the event loop a turn between yields.
 */
export function* shiftChunks(schedule: ResolvableSchedule, since: Date, until: Date): Generator<Shift[]> {
  for (const chunk of segmentChunks(schedule, since, until)) yield chunk.map(toShift);
}

/**
 * `shiftChunks` as plain segments of epoch milliseconds (user null = gap): for
 * callers that count or sum a long rendering and would only throw the Dates away.
 */
export function segmentChunks(schedule: ResolvableSchedule, since: Date, until: Date): Generator<Segment[]> {
  return renderChunks(compiled(schedule), toMs(since, 'since'), toMs(until, 'until'));
}

/**
 * The maximal final-schedule segment containing t (userId null = gap). A
 * segment reaching further than ON_CALL_HORIZON_MS from t is cut there, so
 * `start` or `end` equal to t ∓ ON_CALL_HORIZON_MS means "beyond the horizon".
 */
export function onCallAt(schedule: ResolvableSchedule, t: Date): Shift {
  return runToEnd(onCallSearch(schedule, t));
}

/**
 * `onCallAt` as a search that pauses (yields) after each day rendered, for
 * callers that give the event loop a turn while a long segment is walked:
 * forward from t until the user changes, then backward from t.
 */
export function* onCallSearch(schedule: ResolvableSchedule, t: Date): Generator<void, Shift> {
  const compiledSchedule = compiled(schedule);
  const at = toMs(t, 't');
  let ahead: Segment | undefined;
  for (const done of renderChunks(compiledSchedule, at, at + ON_CALL_HORIZON_MS)) {
    ahead = done[0];
    if (ahead) break;
    yield;
  }
  let behind: Segment | undefined;
  for (const done of renderChunks(compiledSchedule, at - ON_CALL_HORIZON_MS, at, true)) {
    behind = done[0];
    if (behind) break;
    yield;
  }
  const segment = ahead!;
  const start = behind && behind.user === segment.user ? behind.start : at;
  return { userId: segment.user, start: new Date(start), end: new Date(segment.end) };
}

export function toShift(segment: Segment): Shift {
  return { userId: segment.user, start: new Date(segment.start), end: new Date(segment.end) };
}
