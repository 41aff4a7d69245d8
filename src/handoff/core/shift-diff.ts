import { HOUR_MS } from '../../schedules/resolution';
import { Interval, mergeIntervals } from './on-call-intervals';

/** A change of more than this (hours added plus hours removed) is worth a notice. */
const SHIFT_CHANGE_THRESHOLD_MS = HOUR_MS;

export interface ShiftDiff {
  /** On call after the edit and not before, within the window. */
  addedMs: number;
  /** On call before the edit and not after, within the window. */
  removedMs: number;
  before: Interval[];
  after: Interval[];
}

/** Intervals cut to [since, until), empty pieces dropped, merged. */
export function clip(intervals: readonly Interval[], since: number, until: number): Interval[] {
  const cut = intervals
    .map((i) => ({ start: Math.max(i.start, since), end: Math.min(i.end, until) }))
    .filter((i) => i.end > i.start)
    .sort((a, b) => a.start - b.start);
  return mergeIntervals(cut);
}

function totalMs(intervals: readonly Interval[]): number {
  return intervals.reduce((sum, i) => sum + (i.end - i.start), 0);
}

/** Time covered by both (inputs sorted and merged). */
function overlapMs(a: readonly Interval[], b: readonly Interval[]): number {
  let i = 0;
  let j = 0;
  let ms = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i].start, b[j].start);
    const end = Math.min(a[i].end, b[j].end);
    if (end > start) ms += end - start;
    if (a[i].end < b[j].end) i++;
    else j++;
  }
  return ms;
}

/** How a user's on-call time in [since, until) changed: the symmetric difference, in two parts. */
export function diffShifts(before: readonly Interval[], after: readonly Interval[], since: number, until: number): ShiftDiff {
  const b = clip(before, since, until);
  const a = clip(after, since, until);
  const both = overlapMs(a, b);
  return { addedMs: totalMs(a) - both, removedMs: totalMs(b) - both, before: b, after: a };
}

/** More than an hour added plus removed. */
export function isNoticeable(diff: ShiftDiff): boolean {
  return diff.addedMs + diff.removedMs > SHIFT_CHANGE_THRESHOLD_MS;
}
