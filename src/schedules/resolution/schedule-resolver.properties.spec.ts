import fc from 'fast-check';
import { compileSchedule } from './compile-schedule';
import { LayerSnapshot, OverrideSnapshot, Restriction, ScheduleSnapshot, Shift, WEEKDAYS } from './schedule-snapshot';
import { onCallAt, shifts, userOnCallAt } from './schedule-resolver';
import { referenceUserAt } from './reference-resolver.test-helper';
import { renderChunks, renderWindow } from './render-window';

const ZONES = ['America/New_York', 'Europe/London', 'Australia/Sydney', 'Australia/Lord_Howe', 'Asia/Kolkata'];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The 2026 transitions of the zones above: instants near them are drawn often. */
const TRANSITIONS = ['2026-03-08T07:00Z', '2026-11-01T06:00Z', '2026-03-29T01:00Z', '2026-10-25T01:00Z', '2026-04-04T16:00Z', '2026-10-03T16:00Z', '2026-04-04T15:00Z', '2026-10-03T15:30Z'].map(Date.parse);
const YEAR_2026 = Date.parse('2026-01-01T00:00Z');

/**
 * Instants on a 15-minute grid: mostly within hours of a DST change (where
 * boundaries and window edges fall into gaps and repeated hours), sometimes
 * within days of one, sometimes anywhere in 2024-2028.
 */
const nearTransition = (quarters: number) =>
  fc.tuple(fc.constantFrom(...TRANSITIONS), fc.integer({ min: -quarters, max: quarters })).map(([at, q]) => at + q * 15 * 60_000);
const instant = fc.oneof(
  { arbitrary: nearTransition(16), weight: 3 },
  { arbitrary: nearTransition(192), weight: 2 },
  { arbitrary: fc.integer({ min: -2 * 365 * 96, max: 3 * 365 * 96 }).map((q) => YEAR_2026 + q * 15 * 60_000), weight: 1 },
);
const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45)).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const restriction: fc.Arbitrary<Restriction> = fc.oneof(
  fc.record({ type: fc.constant('daily' as const), startTime: time, endTime: time }),
  fc.record({ type: fc.constant('weekly' as const), startDay: fc.constantFrom(...WEEKDAYS), startTime: time, endDay: fc.constantFrom(...WEEKDAYS), endTime: time }),
);
const layerArb: fc.Arbitrary<LayerSnapshot> = fc
  .record({
    unit: fc.constantFrom('hour' as const, 'day' as const, 'week' as const),
    length: fc.integer({ min: 1, max: 12 }),
    handoff: instant,
    users: fc.array(fc.constantFrom('ann', 'bob', 'cy', 'dee'), { maxLength: 4 }),
    restrictions: fc.array(restriction, { maxLength: 2 }),
    start: instant,
    lengthDays: fc.option(fc.integer({ min: 1, max: 400 }), { nil: null }),
  })
  .map((l) => ({
    name: 'layer',
    start: new Date(l.start - 30 * DAY),
    end: l.lengthDays === null ? null : new Date(l.start + l.lengthDays * HOUR * 6),
    rotation: { unit: l.unit, length: l.unit === 'week' ? Math.min(l.length, 3) : l.length, handoff: new Date(l.handoff) },
    users: l.users,
    restrictions: l.restrictions,
  }));
const overrideArb = (i: number): fc.Arbitrary<OverrideSnapshot> =>
  fc.record({ start: instant, hours: fc.integer({ min: 1, max: 72 }), user: fc.constantFrom('ann', 'ovr', 'zed'), created: fc.integer({ min: 0, max: 5 }) }).map((o) => ({
    id: `o${i}`,
    userId: o.user,
    start: new Date(o.start),
    end: new Date(o.start + o.hours * HOUR),
    createdAt: new Date(YEAR_2026 + o.created * DAY),
  }));
const scheduleArb: fc.Arbitrary<ScheduleSnapshot> = fc.record({
  timeZone: fc.constantFrom(...ZONES),
  layers: fc.array(layerArb, { maxLength: 3 }),
  overrides: fc.integer({ min: 0, max: 4 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => overrideArb(i)))),
});
/** A window near DST changes: [since, since + span). */
const windowArb = fc.tuple(instant, fc.integer({ min: 1, max: 14 * 96 })).map(([since, q]) => [since, since + q * 15 * 60_000] as const);

function assertTiling(list: Shift[], since: number, until: number): void {
  expect(list.length).toBeGreaterThan(0);
  expect(list[0].start.getTime()).toBe(since);
  expect(list[list.length - 1].end.getTime()).toBe(until);
  list.forEach((s, i) => {
    expect(s.start.getTime()).toBeLessThan(s.end.getTime());
    if (i > 0) {
      expect(s.start.getTime()).toBe(list[i - 1].end.getTime());
      expect(s.userId).not.toBe(list[i - 1].userId);
    }
  });
}

function mergeAtSeam(left: Shift[], right: Shift[]): Shift[] {
  const last = left[left.length - 1];
  if (last && right[0] && last.userId === right[0].userId) {
    return [...left.slice(0, -1), { ...last, end: right[0].end }, ...right.slice(1)];
  }
  return [...left, ...right];
}

describe('resolver properties on random schedules', () => {
  it('userOnCallAt agrees with a naive luxon reading of the spec', () => {
    fc.assert(
      fc.property(scheduleArb, fc.array(instant, { minLength: 1, maxLength: 4 }), (snapshot, instants) => {
        const compiled = compileSchedule(snapshot);
        for (const t of instants) expect(userOnCallAt(compiled, new Date(t))).toBe(referenceUserAt(snapshot, t));
      }),
      { numRuns: 250 },
    );
  });

  it('shifts tile [since, until) exactly and agree with point lookups at every edge', () => {
    fc.assert(
      fc.property(scheduleArb, windowArb, (snapshot, [since, until]) => {
        const compiled = compileSchedule(snapshot);
        const list = shifts(compiled, new Date(since), new Date(until));
        assertTiling(list, since, until);
        for (const s of list) {
          expect(userOnCallAt(compiled, s.start)).toBe(s.userId);
          expect(userOnCallAt(compiled, new Date(s.end.getTime() - 1))).toBe(s.userId);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('edges of the rendering match the oracle on both sides', () => {
    fc.assert(
      fc.property(scheduleArb, windowArb, (snapshot, [since, until]) => {
        for (const s of shifts(snapshot, new Date(since), new Date(until))) {
          expect(referenceUserAt(snapshot, s.start.getTime())).toBe(s.userId);
          expect(referenceUserAt(snapshot, s.end.getTime() - 1)).toBe(s.userId);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('onCallAt(t) is the segment containing t, and contains the rendered one', () => {
    fc.assert(
      fc.property(scheduleArb, windowArb, fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), (snapshot, [since, until], fraction) => {
        const compiled = compileSchedule(snapshot);
        const t = since + Math.floor((until - since) * fraction);
        const segment = shifts(compiled, new Date(since), new Date(until)).find((s) => s.start.getTime() <= t && t < s.end.getTime()) as Shift;
        const shift = onCallAt(compiled, new Date(t));
        expect(shift.userId).toBe(segment.userId);
        if (segment.start.getTime() > since) expect(shift.start).toEqual(segment.start);
        else expect(shift.start.getTime()).toBeLessThanOrEqual(since);
        if (segment.end.getTime() < until) expect(shift.end).toEqual(segment.end);
        else expect(shift.end.getTime()).toBeGreaterThanOrEqual(until);
      }),
      { numRuns: 150 },
    );
  });

  it('rendering two halves and joining them at the seam equals rendering the whole', () => {
    fc.assert(
      fc.property(scheduleArb, windowArb, fc.double({ min: 0, max: 1, noNaN: true }), (snapshot, [since, until], fraction) => {
        const compiled = compileSchedule(snapshot);
        const middle = since + Math.floor((until - since) * fraction);
        const whole = shifts(compiled, new Date(since), new Date(until));
        const joined = mergeAtSeam(shifts(compiled, new Date(since), new Date(middle)), shifts(compiled, new Date(middle), new Date(until)));
        expect(joined).toEqual(whole);
      }),
      { numRuns: 200 },
    );
  });

  it('rendering a day at a time, forward or backward, equals rendering the window at once', () => {
    fc.assert(
      fc.property(scheduleArb, windowArb, (snapshot, [since, until]) => {
        const compiled = compileSchedule(snapshot);
        const whole = renderWindow(compiled, since, until);
        expect([...renderChunks(compiled, since, until)].flat()).toEqual(whole);
        expect([...renderChunks(compiled, since, until, true)].flat()).toEqual([...whole].reverse());
      }),
      { numRuns: 200 },
    );
  });

  it('many overlapping overrides resolve as the oracle says (the newest covering one wins)', () => {
    const many = fc.integer({ min: 5, max: 40 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => overrideArb(i))));
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), many, (timeZone, overrides) => {
        const snapshot: ScheduleSnapshot = { timeZone, layers: [], overrides };
        const compiled = compileSchedule(snapshot);
        for (const o of overrides) {
          for (const t of [o.start.getTime(), o.end.getTime() - 1, o.end.getTime()]) {
            expect(userOnCallAt(compiled, new Date(t))).toBe(referenceUserAt(snapshot, t));
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
