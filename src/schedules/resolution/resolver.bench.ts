import { compileSchedule } from './compile-schedule';
import { LayerSnapshot, OverrideSnapshot, ScheduleSnapshot } from './schedule-snapshot';
import { onCallAt, shifts, userOnCallAt } from './schedule-resolver';

/**
 * Benchmark behind docs/performance.md (run by `npm run bench`): a schedule
 * with 5 layers, restrictions and 100 overrides in America/New_York.
 * lookupMedianMicros: median onCallAt (segment with its bounds) over random
 * instants of 2026; userLookupMedianMicros: the same for userOnCallAt;
 * renderYearMillis: median of 20 renderings of the whole year.
 */
export interface ResolverBenchmark {
  lookupMedianMicros: number;
  userLookupMedianMicros: number;
  renderYearMillis: number;
}

const YEAR_START = Date.UTC(2026, 0, 1, 5);
const YEAR_END = Date.UTC(2027, 0, 1, 5);

/** Deterministic PRNG (mulberry32) so runs are comparable. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x ^= x + Math.imul(x ^ (x >>> 7), 61 | x);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

export function benchmarkSchedule(): ScheduleSnapshot {
  const users = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
  const layer = (name: string, partial: Omit<LayerSnapshot, 'name' | 'start' | 'end'>): LayerSnapshot => ({
    name,
    start: new Date('2025-06-01T00:00:00Z'),
    end: null,
    ...partial,
  });
  const layers: LayerSnapshot[] = [
    layer('weekly primary', {
      rotation: { unit: 'week', length: 1, handoff: new Date('2025-01-06T14:00:00Z') },
      users: users('primary', 6),
      restrictions: [],
    }),
    layer('follow the sun', {
      rotation: { unit: 'hour', length: 8, handoff: new Date('2024-03-10T05:00:00Z') },
      users: users('sun', 3),
      restrictions: [{ type: 'daily', startTime: '22:00', endTime: '06:00' }],
    }),
    layer('weekend', {
      rotation: { unit: 'day', length: 2, handoff: new Date('2025-11-02T06:30:00Z') },
      users: users('weekend', 4),
      restrictions: [{ type: 'weekly', startDay: 'fri', startTime: '18:00', endDay: 'mon', endTime: '08:00' }],
    }),
    layer('business hours', {
      rotation: { unit: 'day', length: 1, handoff: new Date('2026-03-08T13:00:00Z') },
      users: users('biz', 5),
      restrictions: [
        { type: 'daily', startTime: '09:00', endTime: '12:00' },
        { type: 'daily', startTime: '13:00', endTime: '17:30' },
      ],
    }),
    layer('holiday cover', {
      rotation: { unit: 'week', length: 2, handoff: new Date('2030-01-01T00:00:00Z') },
      users: ['cover-a', 'cover-b', 'cover-a'],
      restrictions: [{ type: 'weekly', startDay: 'wed', startTime: '12:00', endDay: 'thu', endTime: '12:00' }],
    }),
  ];
  layers[4].end = new Date('2026-10-01T00:00:00Z');
  const next = random(42);
  const overrides: OverrideSnapshot[] = Array.from({ length: 100 }, (_, i) => {
    const start = YEAR_START + Math.floor(next() * (YEAR_END - YEAR_START));
    return {
      id: `override-${i}`,
      userId: `standin-${i % 7}`,
      start: new Date(start),
      end: new Date(start + (1 + Math.floor(next() * 72)) * 3_600_000),
      createdAt: new Date(Date.UTC(2025, 11, 1) + i * 60_000),
    };
  });
  return { timeZone: 'America/New_York', layers, overrides };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function microsOf(run: () => unknown): number {
  const started = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - started) / 1000;
}

export function benchmarkResolver(): ResolverBenchmark {
  const schedule = compileSchedule(benchmarkSchedule());
  const next = random(7);
  const instants = Array.from({ length: 20_000 }, () => new Date(YEAR_START + Math.floor(next() * (YEAR_END - YEAR_START))));
  const since = new Date(YEAR_START);
  const until = new Date(YEAR_END);

  // Warm up: JIT and the zone offset table for the year and its neighbours.
  for (let i = 0; i < 3; i++) shifts(schedule, since, until);
  for (const t of instants.slice(0, 2000)) {
    onCallAt(schedule, t);
    userOnCallAt(schedule, t);
  }

  const lookups = instants.map((t) => microsOf(() => onCallAt(schedule, t)));
  const userLookups = instants.map((t) => microsOf(() => userOnCallAt(schedule, t)));
  const renders = Array.from({ length: 20 }, () => microsOf(() => shifts(schedule, since, until)) / 1000);
  return {
    lookupMedianMicros: median(lookups),
    userLookupMedianMicros: median(userLookups),
    renderYearMillis: median(renders),
  };
}
