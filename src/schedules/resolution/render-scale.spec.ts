import { compileSchedule } from './compile-schedule';
import { LayerSnapshot, OverrideSnapshot, Restriction } from './schedule-snapshot';
import { onCallAt, shifts, userOnCallAt } from './schedule-resolver';

/**
 * The work of a rendering grows with what it returns, not with what lies
 * hidden. Bounds are generous (tens of times what the code takes on a busy
 * machine) and far below what the quadratic code took.
 */
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const BASE = Date.parse('2026-01-01T00:00:00Z');

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

describe('resolver cost', () => {
  it('resolves 20,000 nested overrides in one sweep, not one scan of the open ones per edge', () => {
    const n = 20_000;
    // Override k covers [BASE + k min, BASE + (2n - k) min) and is newer than all before it: the innermost open one wins.
    const overrides: OverrideSnapshot[] = Array.from({ length: n }, (_, k) => ({
      id: String(k).padStart(6, '0'),
      userId: `u${k}`,
      start: new Date(BASE + k * MINUTE_MS),
      end: new Date(BASE + (2 * n - k) * MINUTE_MS),
      createdAt: new Date(BASE + k),
    }));
    // Linear work grows 4x from a quarter of the overrides to all of them; one scan per edge grew 16x.
    const quarter = timed(() => compileSchedule({ timeZone: 'UTC', layers: [], overrides: overrides.slice(0, n / 4) }));
    const { value: compiled, ms } = timed(() => compileSchedule({ timeZone: 'UTC', layers: [], overrides }));
    expect(ms).toBeLessThan(Math.max(2000, 8 * quarter.ms));
    for (const k of [0, 1, 9_999, n - 1]) {
      expect(userOnCallAt(compiled, new Date(BASE + k * MINUTE_MS + 1))).toBe(`u${k}`);
      expect(userOnCallAt(compiled, new Date(BASE + (2 * n - k) * MINUTE_MS - 1))).toBe(`u${k}`);
    }
    expect(compiled.overrideTimeline).toHaveLength(2 * n - 1);
  });

  it('spends nothing on layers hidden under a layer that covers all time', () => {
    const minute = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    const busy = (i: number): LayerSnapshot => ({
      name: `busy ${i}`,
      start: new Date('2025-01-01T00:00:00Z'),
      end: null,
      rotation: { unit: 'hour', length: 1, handoff: new Date('2025-01-01T00:17:00Z') },
      users: Array.from({ length: 500 }, (_, u) => `L${i}-${u}`),
      restrictions: Array.from({ length: 50 }, (_, j): Restriction => ({ type: 'daily', startTime: minute(j * 28 + i), endTime: minute(j * 28 + i + 1) })),
    });
    const cover: LayerSnapshot = {
      name: 'cover',
      start: new Date('2025-01-01T00:00:00Z'),
      end: null,
      rotation: { unit: 'week', length: 1, handoff: new Date('2025-01-06T09:00:00Z') },
      users: ['top'],
      restrictions: [],
    };
    const compiled = compileSchedule({ timeZone: 'America/New_York', layers: [...Array.from({ length: 19 }, (_, i) => busy(i)), cover], overrides: [] });
    const year = timed(() => shifts(compiled, new Date(BASE), new Date(BASE + 366 * DAY_MS)));
    expect(year.value).toEqual([{ userId: 'top', start: new Date(BASE), end: new Date(BASE + 366 * DAY_MS) }]);
    expect(year.ms).toBeLessThan(1000);
    // On call walks a year each way looking for the ends of the segment, and cuts it there.
    const around = timed(() => onCallAt(compiled, new Date(BASE + 100 * DAY_MS)));
    expect(around.value).toEqual({ userId: 'top', start: new Date(BASE - 266 * DAY_MS), end: new Date(BASE + 466 * DAY_MS) });
    expect(around.ms).toBeLessThan(1000);
  });
});
