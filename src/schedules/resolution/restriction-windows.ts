import { CompiledLayer, CompiledRestriction, DAY_MS, WEEK_MS } from './compile-schedule';
import { union } from './segment-ops';
import { ZoneOffsetTable } from './zone-offset-table';

/**
 * A restriction window is the instant interval between its two local edges,
 * each converted like a turn boundary (a nonexistent time moves forward by the
 * gap, a repeated time takes the earlier occurrence). A window whose edges map
 * to the same instant or cross (a window lying inside a DST gap) is empty.
 */

/**
 * Bounds how far an instant can be from its local wall value relative to
 * another nearby instant: the largest offset change within one zone (Samoa
 * skipped a whole day in 2011) plus a margin.
 */
const SLACK_MS = DAY_MS + 2 * 3_600_000;

/** Periods whose window (at most two periods past its period start) can reach [fromWall, toWall]. */
function periodRange(restriction: CompiledRestriction, fromWall: number, toWall: number): [number, number] {
  const { periodMs, originMs } = restriction;
  return [
    Math.floor((fromWall - SLACK_MS - 2 * periodMs - originMs) / periodMs),
    Math.floor((toWall + SLACK_MS - originMs) / periodMs),
  ];
}

function windowAt(zone: ZoneOffsetTable, restriction: CompiledRestriction, periodStartWall: number): [number, number] {
  return [
    zone.toInstant(periodStartWall + restriction.startOffsetMs),
    zone.toInstant(periodStartWall + restriction.endOffsetMs),
  ];
}

/** True when the layer has no restrictions or one of its windows contains t. */
export function restrictionsCover(layer: CompiledLayer, zone: ZoneOffsetTable, t: number): boolean {
  if (layer.restrictions.length === 0) return true;
  const wall = zone.toWall(t);
  for (const restriction of layer.restrictions) {
    const { periodMs, originMs, startOffsetMs, endOffsetMs } = restriction;
    const [first, last] = periodRange(restriction, wall, wall);
    for (let p = first; p <= last; p++) {
      const periodStart = originMs + p * periodMs;
      // Cheap wall-clock rejection before converting edges to instants.
      if (wall + SLACK_MS < periodStart + startOffsetMs || wall - SLACK_MS >= periodStart + endOffsetMs) continue;
      const [start, end] = windowAt(zone, restriction, periodStart);
      if (start <= t && t < end) return true;
    }
  }
  return false;
}

/**
 * The union of the layer's restriction windows, clipped to [since, until).
 * A window's instants lie between its wall edges shifted by the smallest and
 * largest offsets in force around it, so periods whose window cannot reach
 * the interval are skipped on the wall clock before any edge is converted:
 * a short interval costs about one period per restriction, not the whole
 * slack-widened range.
 */
export function restrictionWindows(
  layer: CompiledLayer,
  zone: ZoneOffsetTable,
  since: number,
  until: number,
): Array<[number, number]> {
  const windows: Array<[number, number]> = [];
  // Every edge that can matter lies within a week (the longest period) and a day of the interval.
  const { minMs, maxMs } = zone.offsetRange(since - WEEK_MS - DAY_MS, until + WEEK_MS + DAY_MS);
  for (const restriction of layer.restrictions) {
    const { periodMs, originMs, startOffsetMs, endOffsetMs } = restriction;
    // Instants stand in for wall values here: they differ by less than a day, inside the slack.
    const [first, last] = periodRange(restriction, since - DAY_MS, until + DAY_MS);
    for (let p = first; p <= last; p++) {
      const periodStart = originMs + p * periodMs;
      if (periodStart + endOffsetMs - minMs <= since || periodStart + startOffsetMs - maxMs >= until) continue;
      // windowAt, inline: no tuple per period on this path.
      const clippedStart = Math.max(zone.toInstant(periodStart + startOffsetMs), since);
      const clippedEnd = Math.min(zone.toInstant(periodStart + endOffsetMs), until);
      if (clippedStart < clippedEnd) windows.push([clippedStart, clippedEnd]);
    }
  }
  return union(windows);
}
