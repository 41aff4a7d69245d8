import fc from 'fast-check';
import { effectiveEnd, MAX_WINDOW_DAYS, timeProblems, windowState } from './maintenance-window-rules';

const at = (iso: string) => new Date(iso);
const NOW = at('2026-12-01T12:00:00.000Z');
const DAY = 86_400_000;

describe('windowState', () => {
  const window = { startAt: at('2026-12-01T10:00:00.000Z'), endAt: at('2026-12-01T14:00:00.000Z'), endedAt: null };
  it.each([
    ['before the start', '2026-12-01T09:59:59.999Z', 'upcoming'],
    ['at the start (inclusive)', '2026-12-01T10:00:00.000Z', 'active'],
    ['inside', '2026-12-01T13:00:00.000Z', 'active'],
    ['at the end (exclusive)', '2026-12-01T14:00:00.000Z', 'ended'],
    ['after the end', '2026-12-02T00:00:00.000Z', 'ended'],
  ])('%s: %s is %s', (_name, now, state) => {
    expect(windowState(window, at(now))).toBe(state);
  });

  it('an early end replaces the planned one', () => {
    const ended = { ...window, endedAt: at('2026-12-01T11:00:00.000Z') };
    expect(effectiveEnd(ended)).toEqual(at('2026-12-01T11:00:00.000Z'));
    expect(windowState(ended, at('2026-12-01T11:30:00.000Z'))).toBe('ended');
  });

  it('property: a window is active exactly on [start, effective end)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10 * DAY, max: 10 * DAY }), fc.integer({ min: 1, max: 30 * DAY }), fc.option(fc.integer({ min: 0, max: 30 * DAY })), fc.integer({ min: -40 * DAY, max: 40 * DAY }), (start, length, early, t) => {
        const startAt = new Date(NOW.getTime() + start);
        const endAt = new Date(startAt.getTime() + length);
        const endedAt = early === null ? null : new Date(startAt.getTime() + Math.min(early, length));
        const now = new Date(NOW.getTime() + t);
        const end = (endedAt ?? endAt).getTime();
        const expected = now.getTime() < startAt.getTime() ? 'upcoming' : now.getTime() < end ? 'active' : 'ended';
        expect(windowState({ startAt, endAt, endedAt }, now)).toBe(expected);
      }),
    );
  });
});

describe('timeProblems', () => {
  it.each([
    ['an hour from now', '2026-12-01T12:00:00.000Z', '2026-12-01T13:00:00.000Z', []],
    ['exactly 30 days', '2026-12-01T12:00:00.000Z', '2026-12-31T12:00:00.000Z', []],
    ['30 days and a millisecond', '2026-12-01T12:00:00.000Z', '2026-12-31T12:00:00.001Z', [{ field: 'end', message: `must be at most ${MAX_WINDOW_DAYS} days after start` }]],
    ['end at start', '2026-12-01T13:00:00.000Z', '2026-12-01T13:00:00.000Z', [{ field: 'end', message: 'must be after start' }]],
    ['end before start', '2026-12-01T13:00:00.000Z', '2026-12-01T12:30:00.000Z', [{ field: 'end', message: 'must be after start' }]],
    ['over already', '2026-12-01T10:00:00.000Z', '2026-12-01T11:00:00.000Z', [{ field: 'end', message: 'must be in the future' }]],
    ['started in the past, ends later', '2026-12-01T10:00:00.000Z', '2026-12-01T13:00:00.000Z', []],
  ])('%s', (_name, start, end, problems) => {
    expect(timeProblems(at(start), at(end), NOW)).toEqual(problems);
  });

  it('property: accepted exactly when start < end <= start + 30 days and end > now, and every problem names end', () => {
    fc.assert(
      fc.property(fc.integer({ min: -40 * DAY, max: 40 * DAY }), fc.integer({ min: -40 * DAY, max: 40 * DAY }), (s, e) => {
        const start = new Date(NOW.getTime() + s);
        const end = new Date(NOW.getTime() + e);
        const ok = e > s && e - s <= MAX_WINDOW_DAYS * DAY && e > 0;
        const problems = timeProblems(start, end, NOW);
        expect(problems.length === 0).toBe(ok);
        expect(problems.every((p) => p.field === 'end')).toBe(true);
      }),
    );
  });
});
