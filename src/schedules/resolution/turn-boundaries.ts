import { CompiledLayer } from './compile-schedule';
import { Segment } from './segment-ops';
import { ZoneOffsetTable } from './zone-offset-table';

/**
 * Turn k begins at boundary b(k) = instant of the wall time L0 + k × turn
 * (docs/schedules.md). The turn containing t is the one with the greatest boundary
 * <= t; among equal boundaries (empty turns) the largest k wins.
 *
 * Boundaries are found in O(1): every boundary satisfies
 *   wall(k) - maxOffset <= b(k) <= wall(k) - minOffset
 * for the offsets in force near it, so only the few k whose wall time lies in
 * [t + minOffset - (maxOffset - minOffset), t + maxOffset] can be the answer.
 * Away from a transition that is exactly one k.
 */

export function boundaryAt(layer: CompiledLayer, zone: ZoneOffsetTable, k: number): number {
  return zone.toInstant(layer.handoffWallMs + k * layer.turnMs);
}

export function userOfTurn(layer: CompiledLayer, k: number): string {
  const n = layer.users.length;
  return layer.users[((k % n) + n) % n];
}

/** Index of the turn containing instant t. */
export function turnIndexAt(layer: CompiledLayer, zone: ZoneOffsetTable, t: number): number {
  const { minMs, maxMs } = zone.offsetRange(t, t);
  const low = lowestCandidate(layer, t, minMs, maxMs);
  const high = Math.floor((t + maxMs - layer.handoffWallMs) / layer.turnMs);
  let best = low;
  let bestAt = boundaryAt(layer, zone, low);
  for (let k = low + 1; k <= high; k++) {
    const at = boundaryAt(layer, zone, k);
    if (at <= t && at >= bestAt) {
      best = k;
      bestAt = at;
    }
  }
  return best;
}

/** The turns tiling [since, until), as segments carrying each turn's user. */
export function turnSegments(layer: CompiledLayer, zone: ZoneOffsetTable, since: number, until: number): Segment[] {
  if (since >= until) return [];
  const { minMs, maxMs } = zone.offsetRange(since, until);
  const low = lowestCandidate(layer, since, minMs, maxMs);
  const high = Math.floor((until + maxMs - layer.handoffWallMs) / layer.turnMs);
  const count = high - low + 1;
  // Two arrays of numbers rather than an object per turn: this runs for every visible piece of every layer.
  let ks: number[] = new Array<number>(count);
  let ats: number[] = new Array<number>(count);
  let sorted = true;
  for (let i = 0; i < count; i++) {
    ks[i] = low + i;
    ats[i] = boundaryAt(layer, zone, low + i);
    if (i > 0 && ats[i] < ats[i - 1]) sorted = false;
  }
  // Boundaries go backwards only across a gap longer than a turn (rare); order by (instant, k).
  if (!sorted) {
    const turns = ks.map((k, i) => ({ k, at: ats[i] })).sort((a, b) => a.at - b.at || a.k - b.k);
    ks = turns.map((t) => t.k);
    ats = turns.map((t) => t.at);
  }

  let first = 0;
  while (first + 1 < count && ats[first + 1] <= since) first++;
  const out: Segment[] = [];
  let segmentStart = since;
  let k = ks[first];
  for (let i = first + 1; i < count && ats[i] < until; i++) {
    if (ats[i] > segmentStart) {
      out.push({ start: segmentStart, end: ats[i], user: userOfTurn(layer, k) });
      segmentStart = ats[i];
    }
    k = ks[i];
  }
  out.push({ start: segmentStart, end: until, user: userOfTurn(layer, k) });
  return out;
}

/**
 * A k whose boundary is certainly <= t and such that no smaller k can have a
 * greater boundary: wall(k) <= t + minOffset, stepped back far enough to
 * cover boundaries that a long gap could push past it.
 */
function lowestCandidate(layer: CompiledLayer, t: number, minMs: number, maxMs: number): number {
  const spread = Math.ceil((maxMs - minMs) / layer.turnMs);
  return Math.floor((t + minMs - layer.handoffWallMs) / layer.turnMs) - spread;
}
