import { compileSchedule } from './compile-schedule';
import { onCallAt, userOnCallAt } from './schedule-resolver';
import { at, iso, layer, schedule } from './schedule-builders.test-helper';
import { renderTurns, SUN, TurnCase, U3, U4 } from './turn-boundaries.test-helper';

/**
 * Fixed-instant turn tables for America/New_York (2026: spring forward Mar 8
 * 02:00 EST -> 03:00 EDT, fall back Nov 1 02:00 EDT -> 01:00 EST) and
 * Europe/London (Mar 29 01:00 GMT -> 02:00 BST, Oct 25 02:00 BST -> 01:00 GMT).
 */
const NY = 'America/New_York';
const LONDON = 'Europe/London';

const cases: TurnCase[] = [
  {
    title: 'NY day: a 09:00 handoff stays at 09:00 across spring-forward (a 23 h turn)',
    zone: NY, unit: 'day', length: 1, handoff: '2026-03-06T09:00:00-05:00', users: U3,
    since: '2026-03-07T14:00:00Z', until: '2026-03-09T13:00:00Z',
    expected: [['u1', '2026-03-07T14:00:00Z', '2026-03-08T13:00:00Z'], ['u2', '2026-03-08T13:00:00Z', '2026-03-09T13:00:00Z']],
  },
  {
    title: 'NY day: a 02:30 boundary on the gap day moves forward to 03:30 EDT',
    zone: NY, unit: 'day', length: 1, handoff: '2026-03-07T02:30:00-05:00', users: U3,
    since: '2026-03-07T07:30:00Z', until: '2026-03-09T06:30:00Z',
    expected: [['u0', '2026-03-07T07:30:00Z', '2026-03-08T07:30:00Z'], ['u1', '2026-03-08T07:30:00Z', '2026-03-09T06:30:00Z']],
  },
  {
    title: 'NY day: a handoff instant on the gap day (03:30 EDT) fixes L0 at 03:30',
    zone: NY, unit: 'day', length: 1, handoff: '2026-03-08T07:30:00Z', users: U3,
    since: '2026-03-07T08:30:00Z', until: '2026-03-09T07:30:00Z',
    expected: [['u2', '2026-03-07T08:30:00Z', '2026-03-08T07:30:00Z'], ['u0', '2026-03-08T07:30:00Z', '2026-03-09T07:30:00Z']],
  },
  {
    title: 'NY hour: the 02:30 boundary lands on 03:30, making an empty turn that is skipped',
    zone: NY, unit: 'hour', length: 1, handoff: '2026-03-08T00:30:00-05:00', users: U4,
    since: '2026-03-08T05:30:00Z', until: '2026-03-08T09:30:00Z',
    expected: [
      ['u0', '2026-03-08T05:30:00Z', '2026-03-08T06:30:00Z'],
      ['u1', '2026-03-08T06:30:00Z', '2026-03-08T07:30:00Z'],
      ['u3', '2026-03-08T07:30:00Z', '2026-03-08T08:30:00Z'],
      ['u0', '2026-03-08T08:30:00Z', '2026-03-08T09:30:00Z'],
    ],
  },
  {
    title: 'NY day: a 01:30 boundary on the fall-back day takes the earlier (EDT) 01:30, a 25 h turn',
    zone: NY, unit: 'day', length: 1, handoff: '2026-10-31T01:30:00-04:00', users: U3,
    since: '2026-10-31T05:30:00Z', until: '2026-11-02T06:30:00Z',
    expected: [['u0', '2026-10-31T05:30:00Z', '2026-11-01T05:30:00Z'], ['u1', '2026-11-01T05:30:00Z', '2026-11-02T06:30:00Z']],
  },
  {
    title: 'NY day: a handoff given as the second 01:30 (EST) still starts turns at the first 01:30',
    zone: NY, unit: 'day', length: 1, handoff: '2026-11-01T01:30:00-05:00', users: U3,
    since: '2026-10-31T05:30:00Z', until: '2026-11-02T06:30:00Z',
    expected: [['u2', '2026-10-31T05:30:00Z', '2026-11-01T05:30:00Z'], ['u0', '2026-11-01T05:30:00Z', '2026-11-02T06:30:00Z']],
  },
  {
    title: 'NY hour: the repeated 01:00 hour belongs to one two-hour turn',
    zone: NY, unit: 'hour', length: 1, handoff: '2026-11-01T00:00:00-04:00', users: U4,
    since: '2026-11-01T04:00:00Z', until: '2026-11-01T08:00:00Z',
    expected: [
      ['u0', '2026-11-01T04:00:00Z', '2026-11-01T05:00:00Z'],
      ['u1', '2026-11-01T05:00:00Z', '2026-11-01T07:00:00Z'],
      ['u2', '2026-11-01T07:00:00Z', '2026-11-01T08:00:00Z'],
    ],
  },
  {
    title: 'NY 8 h follow-the-sun: the spring-forward night shift lasts 7 h',
    zone: NY, unit: 'hour', length: 8, handoff: '2026-01-01T00:00:00-05:00', users: SUN,
    since: '2026-03-08T05:00:00Z', until: '2026-03-09T04:00:00Z',
    expected: [
      ['apac', '2026-03-08T05:00:00Z', '2026-03-08T12:00:00Z'],
      ['emea', '2026-03-08T12:00:00Z', '2026-03-08T20:00:00Z'],
      ['amer', '2026-03-08T20:00:00Z', '2026-03-09T04:00:00Z'],
    ],
  },
  {
    title: 'NY 8 h follow-the-sun: the fall-back night shift lasts 9 h',
    zone: NY, unit: 'hour', length: 8, handoff: '2026-01-01T00:00:00-05:00', users: SUN,
    since: '2026-11-01T04:00:00Z', until: '2026-11-02T05:00:00Z',
    expected: [
      ['apac', '2026-11-01T04:00:00Z', '2026-11-01T13:00:00Z'],
      ['emea', '2026-11-01T13:00:00Z', '2026-11-01T21:00:00Z'],
      ['amer', '2026-11-01T21:00:00Z', '2026-11-02T05:00:00Z'],
    ],
  },
  {
    title: 'NY day: turns before the handoff (negative k) keep the rotation order',
    zone: NY, unit: 'day', length: 1, handoff: '2026-06-01T09:00:00-04:00', users: U3,
    since: '2026-03-07T14:00:00Z', until: '2026-03-09T13:00:00Z',
    expected: [['u1', '2026-03-07T14:00:00Z', '2026-03-08T13:00:00Z'], ['u2', '2026-03-08T13:00:00Z', '2026-03-09T13:00:00Z']],
  },
  {
    title: 'NY day: a user listed twice is on call for both turns, merged when adjacent',
    zone: NY, unit: 'day', length: 1, handoff: '2026-03-01T09:00:00-05:00', users: ['a', 'b', 'a'],
    since: '2026-03-01T14:00:00Z', until: '2026-03-07T14:00:00Z',
    expected: [
      ['a', '2026-03-01T14:00:00Z', '2026-03-02T14:00:00Z'],
      ['b', '2026-03-02T14:00:00Z', '2026-03-03T14:00:00Z'],
      ['a', '2026-03-03T14:00:00Z', '2026-03-05T14:00:00Z'],
      ['b', '2026-03-05T14:00:00Z', '2026-03-06T14:00:00Z'],
      ['a', '2026-03-06T14:00:00Z', '2026-03-07T14:00:00Z'],
    ],
  },
  {
    title: 'NY week: Monday 09:00 handoffs, 167 h across spring-forward',
    zone: NY, unit: 'week', length: 1, handoff: '2026-03-02T09:00:00-05:00', users: ['u0', 'u1'],
    since: '2026-03-02T14:00:00Z', until: '2026-03-16T13:00:00Z',
    expected: [['u0', '2026-03-02T14:00:00Z', '2026-03-09T13:00:00Z'], ['u1', '2026-03-09T13:00:00Z', '2026-03-16T13:00:00Z']],
  },
  {
    title: 'NY week: Monday 09:00 handoffs, 169 h across fall-back',
    zone: NY, unit: 'week', length: 1, handoff: '2026-10-26T09:00:00-04:00', users: ['u0', 'u1'],
    since: '2026-10-26T13:00:00Z', until: '2026-11-09T14:00:00Z',
    expected: [['u0', '2026-10-26T13:00:00Z', '2026-11-02T14:00:00Z'], ['u1', '2026-11-02T14:00:00Z', '2026-11-09T14:00:00Z']],
  },
  {
    title: 'London day: a 01:30 boundary in the gap becomes 02:30 BST',
    zone: LONDON, unit: 'day', length: 1, handoff: '2026-03-28T01:30:00Z', users: U3,
    since: '2026-03-28T01:30:00Z', until: '2026-03-30T00:30:00Z',
    expected: [['u0', '2026-03-28T01:30:00Z', '2026-03-29T01:30:00Z'], ['u1', '2026-03-29T01:30:00Z', '2026-03-30T00:30:00Z']],
  },
  {
    title: 'London hour: 01:30 and 02:30 map to the same instant; the empty turn is skipped',
    zone: LONDON, unit: 'hour', length: 1, handoff: '2026-03-29T00:30:00Z', users: U4,
    since: '2026-03-29T00:30:00Z', until: '2026-03-29T02:30:00Z',
    expected: [['u0', '2026-03-29T00:30:00Z', '2026-03-29T01:30:00Z'], ['u2', '2026-03-29T01:30:00Z', '2026-03-29T02:30:00Z']],
  },
  {
    title: 'London day: a 01:30 boundary on the fall-back day takes the BST occurrence',
    zone: LONDON, unit: 'day', length: 1, handoff: '2026-10-24T01:30:00+01:00', users: U3,
    since: '2026-10-24T00:30:00Z', until: '2026-10-26T01:30:00Z',
    expected: [['u0', '2026-10-24T00:30:00Z', '2026-10-25T00:30:00Z'], ['u1', '2026-10-25T00:30:00Z', '2026-10-26T01:30:00Z']],
  },
  {
    title: 'London 8 h follow-the-sun: 7 h on Mar 29',
    zone: LONDON, unit: 'hour', length: 8, handoff: '2026-01-01T00:00:00Z', users: SUN,
    since: '2026-03-29T00:00:00Z', until: '2026-03-29T23:00:00Z',
    expected: [
      ['apac', '2026-03-29T00:00:00Z', '2026-03-29T07:00:00Z'],
      ['emea', '2026-03-29T07:00:00Z', '2026-03-29T15:00:00Z'],
      ['amer', '2026-03-29T15:00:00Z', '2026-03-29T23:00:00Z'],
    ],
  },
  {
    title: 'London 8 h follow-the-sun: 9 h on Oct 25',
    zone: LONDON, unit: 'hour', length: 8, handoff: '2026-01-01T00:00:00Z', users: SUN,
    since: '2026-10-24T23:00:00Z', until: '2026-10-26T00:00:00Z',
    expected: [
      ['apac', '2026-10-24T23:00:00Z', '2026-10-25T08:00:00Z'],
      ['emea', '2026-10-25T08:00:00Z', '2026-10-25T16:00:00Z'],
      ['amer', '2026-10-25T16:00:00Z', '2026-10-26T00:00:00Z'],
    ],
  },
];

describe('turn boundaries in America/New_York and Europe/London', () => {
  it.each(cases.map((c) => [c.title, c] as const))('%s', (_title, c) => {
    expect(renderTurns(c)).toEqual(c.expected);
  });

  it('takes the earlier occurrence even where luxon would take the later one (01:30 -> 05:30Z)', () => {
    const snapshot = schedule(NY, [
      layer({ rotation: { unit: 'day', length: 1, handoff: at('2026-10-31T01:30:00-04:00') }, users: ['x', 'y'] }),
    ]);
    expect(userOnCallAt(snapshot, at('2026-11-01T05:29:59Z'))).toBe('x');
    expect(userOnCallAt(snapshot, at('2026-11-01T05:30:00Z'))).toBe('y');
    expect(iso(onCallAt(snapshot, at('2026-11-01T06:30:00Z')).start)).toBe('2026-11-01T05:30:00Z');
  });

  it('agrees point by point with the rendering at every boundary of each table', () => {
    for (const c of cases) {
      const compiled = compileSchedule(
        schedule(c.zone, [layer({ rotation: { unit: c.unit, length: c.length, handoff: at(c.handoff) }, users: c.users })]),
      );
      for (const [userId, start] of c.expected) {
        expect([c.title, userOnCallAt(compiled, at(start))]).toEqual([c.title, userId]);
        expect([c.title, onCallAt(compiled, at(start)).userId]).toEqual([c.title, userId]);
      }
    }
  });
});
