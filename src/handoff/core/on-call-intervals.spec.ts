import fc from 'fast-check';
import { DateTime } from 'luxon';
import { shifts } from '../../schedules/resolution';
import type { Shift } from '../../schedules/resolution';
import { layer, schedule } from '../../schedules/resolution/schedule-builders.test-helper';
import { handoffEdges, mergeIntervals, userChanges, userIntervals } from './on-call-intervals';
import { oncallText } from './handoff-text';
import { planRuleTimers } from './timer-plan';

const H = 3_600_000;
const t = (iso: string) => new Date(iso).getTime();
const shift = (userId: string | null, start: string, end: string): Shift => ({ userId, start: new Date(start), end: new Date(end) });

describe('userIntervals and handoffEdges', () => {
  it.each([
    ['back-to-back pieces of one user merge', [shift('a', '2027-01-01T00:00Z', '2027-01-01T08:00Z'), shift('a', '2027-01-01T08:00Z', '2027-01-01T12:00Z')], [[t('2027-01-01T00:00Z'), t('2027-01-01T12:00Z')]]],
    ['another user between keeps them apart', [shift('a', '2027-01-01T00:00Z', '2027-01-01T08:00Z'), shift('b', '2027-01-01T08:00Z', '2027-01-01T09:00Z'), shift('a', '2027-01-01T09:00Z', '2027-01-01T12:00Z')], [[t('2027-01-01T00:00Z'), t('2027-01-01T08:00Z')], [t('2027-01-01T09:00Z'), t('2027-01-01T12:00Z')]]],
    ['a gap keeps them apart', [shift('a', '2027-01-01T00:00Z', '2027-01-01T08:00Z'), shift(null, '2027-01-01T08:00Z', '2027-01-01T09:00Z'), shift('a', '2027-01-01T09:00Z', '2027-01-01T12:00Z')], [[t('2027-01-01T00:00Z'), t('2027-01-01T08:00Z')], [t('2027-01-01T09:00Z'), t('2027-01-01T12:00Z')]]],
    ['out of order pieces are sorted', [shift('a', '2027-01-02T00:00Z', '2027-01-02T01:00Z'), shift('a', '2027-01-01T00:00Z', '2027-01-01T01:00Z')], [[t('2027-01-01T00:00Z'), t('2027-01-01T01:00Z')], [t('2027-01-02T00:00Z'), t('2027-01-02T01:00Z')]]],
    ['other users only: none', [shift('b', '2027-01-01T00:00Z', '2027-01-01T08:00Z')], []],
  ])('%s', (_name, input, expected) => {
    expect(userIntervals(input, 'a').map((i) => [i.start, i.end])).toEqual(expected);
  });

  it('bounds cut by the rendering are not edges', () => {
    const since = t('2027-01-01T00:00Z');
    const until = t('2027-01-03T00:00Z');
    const edges = handoffEdges([{ start: since, end: t('2027-01-01T09:00Z') }, { start: t('2027-01-02T09:00Z'), end: until }], since, until);
    expect(edges.map((e) => [e.type, new Date(e.at).toISOString(), e.interval])).toEqual([
      ['offcall', '2027-01-01T09:00:00.000Z', { start: null, end: t('2027-01-01T09:00Z') }],
      ['oncall', '2027-01-02T09:00:00.000Z', { start: t('2027-01-02T09:00Z'), end: null }],
    ]);
  });

  it('userChanges lists each change of the final user with the next one', () => {
    const list = [shift('a', '2027-01-01T00:00Z', '2027-01-01T09:00Z'), shift(null, '2027-01-01T09:00Z', '2027-01-01T10:00Z'), shift('b', '2027-01-01T10:00Z', '2027-01-02T00:00Z')];
    expect(userChanges(list, t('2027-01-02T00:00Z'))).toEqual([
      { at: t('2027-01-01T09:00Z'), from: 'a', to: null, until: t('2027-01-01T10:00Z'), next: 'b' },
      { at: t('2027-01-01T10:00Z'), from: null, to: 'b', until: null, next: undefined },
    ]);
  });

  // A daily rotation handing off at 09:00 local: user a's turn spans the night of each clock change.
  it.each([
    ['America/New_York', '2027-03-13', 23],
    ['America/New_York', '2027-11-06', 25],
    ['Europe/London', '2027-03-27', 23],
    ['Europe/London', '2027-10-30', 25],
    ['Australia/Sydney', '2027-04-03', 25],
    ['Australia/Sydney', '2027-10-02', 23],
    ['Australia/Lord_Howe', '2027-04-03', 24.5],
    ['Australia/Lord_Howe', '2027-10-02', 23.5],
    ['Asia/Kolkata', '2027-03-13', 24],
  ])('in %s the turn from %s 09:00 lasts %s hours and its edges stay at 09:00 local', (zone, day, hours) => {
    const start = DateTime.fromISO(`${day}T09:00`, { zone });
    const snap = schedule(zone, [layer({ users: ['a', 'b'], rotation: { unit: 'day', length: 1, handoff: start.toJSDate() } })]);
    const now = start.minus({ hours: 12 }).toMillis();
    const rendering = shifts(snap, new Date(now - 86_400_000), new Date(now + 23 * 86_400_000));
    const timers = planRuleTimers(rendering, [{ id: 'r', userId: 'a', handoffType: 'both', advanceMinutes: 30 }], now);
    const [on, off] = timers;
    expect(on).toMatchObject({ edgeType: 'oncall', edgeAt: start.toMillis(), dueAt: start.toMillis() - 30 * 60_000 });
    expect(off.edgeType).toBe('offcall');
    expect((off.edgeAt - on.edgeAt) / H).toBe(hours);
    expect(DateTime.fromMillis(off.edgeAt, { zone }).toFormat('HH:mm')).toBe('09:00');
    for (const timer of timers) expect(DateTime.fromMillis(timer.edgeAt, { zone }).toFormat('HH:mm')).toBe('09:00');
    expect(oncallText('P', on.edgeAt, off.edgeAt, zone)).toBe(
      `You are on call for P from ${start.setLocale('en-US').toFormat('ccc d LLL')} 09:00 to ${start.plus({ days: 1 }).setLocale('en-US').toFormat('ccc d LLL')} 09:00 (${zone})`,
    );
  });
});

/** Shifts that tile [0, n hours): random users (or gaps), some neighbours equal. */
const tiling = fc.array(fc.record({ user: fc.constantFrom('a', 'b', null), hours: fc.integer({ min: 1, max: 30 }) }), { minLength: 1, maxLength: 30 }).map((parts) => {
  let at = 0;
  return parts.map((p) => {
    const s: Shift = { userId: p.user, start: new Date(at), end: new Date(at + p.hours * H) };
    at += p.hours * H;
    return s;
  });
});

describe('properties', () => {
  it('a user\'s intervals are sorted, apart (never touching) and cover exactly their shifts', () => {
    fc.assert(
      fc.property(tiling, (list) => {
        const intervals = userIntervals(list, 'a');
        for (let i = 1; i < intervals.length; i++) expect(intervals[i].start).toBeGreaterThan(intervals[i - 1].end);
        const covered = (ms: number) => intervals.some((i) => i.start <= ms && ms < i.end);
        for (const s of list) expect(covered(s.start.getTime())).toBe(s.userId === 'a');
      }),
    );
  });

  it('edges alternate oncall and offcall, and merging is idempotent', () => {
    fc.assert(
      fc.property(tiling, (list) => {
        const intervals = userIntervals(list, 'a');
        expect(mergeIntervals(intervals)).toEqual(intervals);
        const end = list[list.length - 1].end.getTime();
        const edges = handoffEdges(intervals, 0, end);
        for (let i = 1; i < edges.length; i++) expect(edges[i].type).not.toBe(edges[i - 1].type);
        const changes = userChanges(list, end);
        for (const e of edges) expect(changes.some((c) => c.at === e.at && (e.type === 'oncall' ? c.to === 'a' : c.from === 'a'))).toBe(true);
      }),
    );
  });
});
