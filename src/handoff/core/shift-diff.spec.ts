import fc from 'fast-check';
import { clip, diffShifts, isNoticeable } from './shift-diff';
import type { Interval } from './on-call-intervals';

const H = 3_600_000;
const iv = (startH: number, endH: number): Interval => ({ start: startH * H, end: endH * H });

describe('diffShifts', () => {
  it.each([
    ['nothing changed', [iv(0, 10)], [iv(0, 10)], 0, 0, false],
    ['one hour added: not more than an hour', [iv(0, 10)], [iv(0, 11)], 1, 0, false],
    ['an hour and a minute added', [iv(0, 10)], [iv(0, 11 + 1 / 60)], 1 + 1 / 60, 0, true],
    ['half an hour moved: 0.5 added plus 0.5 removed', [iv(0, 10)], [iv(0.5, 10.5)], 0.5, 0.5, false],
    ['a shift moved a day: 8 added, 8 removed', [iv(0, 8)], [iv(24, 32)], 8, 8, true],
    ['a new shift', [], [iv(5, 7)], 2, 0, true],
    ['a shift taken away', [iv(5, 7)], [], 0, 2, true],
    ['changes beyond the window do not count', [iv(0, 10)], [iv(0, 10), iv(400, 420)], 0, 0, false],
  ])('%s', (_name, before, after, addedH, removedH, noticeable) => {
    const diff = diffShifts(before, after, 0, 336 * H);
    expect(diff.addedMs / H).toBeCloseTo(addedH, 6);
    expect(diff.removedMs / H).toBeCloseTo(removedH, 6);
    expect(isNoticeable(diff)).toBe(noticeable);
  });

  it('clips to the window', () => {
    expect(clip([iv(-5, 5), iv(10, 400)], 0, 336 * H)).toEqual([iv(0, 5), iv(10, 336)]);
  });
});

const intervals = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 48 })), { maxLength: 12 })
  .map((parts) => parts.map(([s, len]) => iv(s, s + len)));

describe('diffShifts properties', () => {
  it('added plus removed is the hours covered by exactly one of before and after, counted hour by hour', () => {
    fc.assert(
      fc.property(intervals, intervals, (before, after) => {
        const diff = diffShifts(before, after, 0, 336 * H);
        const covers = (list: Interval[], h: number) => list.some((i) => i.start <= h * H && h * H < i.end);
        let added = 0;
        let removed = 0;
        for (let h = 0; h < 336; h++) {
          if (covers(after, h) && !covers(before, h)) added++;
          if (covers(before, h) && !covers(after, h)) removed++;
        }
        expect(diff.addedMs).toBe(added * H);
        expect(diff.removedMs).toBe(removed * H);
      }),
    );
  });

  it('is antisymmetric and zero on itself', () => {
    fc.assert(
      fc.property(intervals, intervals, (a, b) => {
        const ab = diffShifts(a, b, 0, 336 * H);
        const ba = diffShifts(b, a, 0, 336 * H);
        expect(ab.addedMs).toBe(ba.removedMs);
        expect(ab.removedMs).toBe(ba.addedMs);
        const aa = diffShifts(a, a, 0, 336 * H);
        expect(aa.addedMs + aa.removedMs).toBe(0);
      }),
    );
  });
});
