import { IANAZone } from 'luxon';

/**
 * Fast UTC-offset arithmetic for one IANA zone.
 *
 * luxon's `IANAZone.offset` goes through `Intl` and costs microseconds per
 * call, far too slow for the on-call hot path. The table asks luxon once per
 * sample and caches, per ~24.9-day chunk of UTC time, the offset at the chunk
 * start and every transition inside it (located to the second by bisection).
 * Chunks are filled lazily, so a handoff decades away costs one chunk.
 *
 * "Wall" values are local date-times encoded as milliseconds since
 * 1970-01-01T00:00 on a clock without DST (local-as-UTC), which makes
 * "add k hours / days on the clock face" plain addition.
 *
 * Assumption (true of every zone in the IANA database since 1970 except
 * contrived cases): two transitions are never less than a day apart.
 */

const CHUNK_BITS = 31;
const CHUNK_MS = 2 ** CHUNK_BITS;
const SAMPLE_MS = 24 * 3_600_000;
const SECOND_MS = 1000;
/** A window wide enough to contain every transition that can affect a local time near an instant. */
const NEIGHBOURHOOD_MS = 3 * 24 * 3_600_000;
const DAY_MS = 24 * 3_600_000;

interface Chunk {
  startOffsetMs: number;
  /** Instants at which a new offset takes effect, ascending, within the chunk. */
  transitionAt: number[];
  offsetAfterMs: number[];
}

export class ZoneOffsetTable {
  private readonly zone: IANAZone;
  private readonly chunks = new Map<number, Chunk>();

  constructor(readonly zoneName: string) {
    if (!IANAZone.isValidZone(zoneName)) {
      throw new RangeError(`Unknown IANA time zone: ${zoneName}`);
    }
    this.zone = IANAZone.create(zoneName);
  }

  /** UTC offset (ms, local minus UTC) in effect at `instantMs`. */
  offsetAt(instantMs: number): number {
    const chunk = this.chunk(Math.floor(instantMs / CHUNK_MS));
    let offset = chunk.startOffsetMs;
    const at = chunk.transitionAt;
    for (let i = 0; i < at.length && at[i] <= instantMs; i++) offset = chunk.offsetAfterMs[i];
    return offset;
  }

  /** Local wall value of an instant. */
  toWall(instantMs: number): number {
    return instantMs + this.offsetAt(instantMs);
  }

  /**
   * The instant of a local date-time. A local time that occurs twice takes the
   * earlier occurrence; one that does not exist (spring-forward gap) moves
   * forward by the length of the gap, i.e. is read with the offset in force
   * before the gap (02:30 in a 02:00→03:00 gap becomes 03:30).
   */
  toInstant(wallMs: number): number {
    const before = this.offsetAt(wallMs - DAY_MS);
    const after = this.offsetAt(wallMs + DAY_MS);
    let best = Number.POSITIVE_INFINITY;
    if (this.offsetAt(wallMs - before) === before) best = wallMs - before;
    if (after !== before && this.offsetAt(wallMs - after) === after) best = Math.min(best, wallMs - after);
    return best === Number.POSITIVE_INFINITY ? wallMs - before : best;
  }

  /** Smallest and largest offsets in force anywhere near [fromMs, toMs]. */
  offsetRange(fromMs: number, toMs: number): { minMs: number; maxMs: number } {
    const lo = fromMs - NEIGHBOURHOOD_MS;
    const hi = toMs + NEIGHBOURHOOD_MS;
    let minMs = this.offsetAt(lo);
    let maxMs = minMs;
    for (let index = Math.floor(lo / CHUNK_MS); index <= Math.floor(hi / CHUNK_MS); index++) {
      const chunk = this.chunk(index);
      for (let i = 0; i < chunk.transitionAt.length; i++) {
        const at = chunk.transitionAt[i];
        if (at <= lo || at > hi) continue;
        minMs = Math.min(minMs, chunk.offsetAfterMs[i]);
        maxMs = Math.max(maxMs, chunk.offsetAfterMs[i]);
      }
    }
    return { minMs, maxMs };
  }

  private chunk(index: number): Chunk {
    const cached = this.chunks.get(index);
    if (cached) return cached;
    const start = index * CHUNK_MS;
    const end = start + CHUNK_MS;
    const chunk: Chunk = { startOffsetMs: this.luxonOffset(start), transitionAt: [], offsetAfterMs: [] };
    let previousAt = start;
    let previousOffset = chunk.startOffsetMs;
    for (let sample = start + SAMPLE_MS; previousAt < end; sample += SAMPLE_MS) {
      const at = Math.min(sample, end);
      const offset = this.luxonOffset(at);
      if (offset !== previousOffset) {
        const transition = this.bisect(previousAt, at, previousOffset);
        if (transition < end) {
          chunk.transitionAt.push(transition);
          chunk.offsetAfterMs.push(this.luxonOffset(transition));
        }
      }
      previousAt = at;
      previousOffset = offset;
    }
    this.chunks.set(index, chunk);
    return chunk;
  }

  /**
   * First instant in (lo, hi] whose offset differs from `offsetAtLo`.
   * Transitions fall on whole seconds, so the search runs on the second grid.
   */
  private bisect(lo: number, hi: number, offsetAtLo: number): number {
    let loSecond = Math.ceil(lo / SECOND_MS);
    if (this.luxonOffset(loSecond * SECOND_MS) !== offsetAtLo) return loSecond * SECOND_MS;
    let hiSecond = Math.ceil(hi / SECOND_MS);
    while (hiSecond - loSecond > 1) {
      const mid = Math.floor((loSecond + hiSecond) / 2);
      if (this.luxonOffset(mid * SECOND_MS) === offsetAtLo) loSecond = mid;
      else hiSecond = mid;
    }
    return hiSecond * SECOND_MS;
  }

  private luxonOffset(instantMs: number): number {
    return Math.round(this.zone.offset(instantMs) * 60_000);
  }
}

const tables = new Map<string, ZoneOffsetTable>();

/**
 * Shared per-zone tables. Caching is safe because a table is a deterministic
 * function of the zone name and the tz database compiled into the runtime.
 */
export function zoneOffsetTable(zoneName: string): ZoneOffsetTable {
  let table = tables.get(zoneName);
  if (!table) {
    table = new ZoneOffsetTable(zoneName);
    tables.set(zoneName, table);
  }
  return table;
}
