import { Restriction } from './schedule-snapshot';
import { shifts, userOnCallAt } from './schedule-resolver';
import { at, layer, rows, schedule } from './schedule-builders.test-helper';

/** Restriction windows in America/New_York (EST -05:00, EDT -04:00; 2026 changes Mar 8 and Nov 1). */
const NY = 'America/New_York';

interface RestrictionCase {
  title: string;
  restrictions: Restriction[];
  since: string;
  until: string;
  expected: Array<[string | null, string, string]>;
  users?: string[];
  handoff?: string;
}

function render(c: RestrictionCase) {
  const snapshot = schedule(NY, [
    layer({
      rotation: { unit: 'day', length: 1, handoff: at(c.handoff ?? '2026-01-01T09:00:00-05:00') },
      users: c.users ?? ['a'],
      restrictions: c.restrictions,
    }),
  ]);
  return { snapshot, rendered: rows(shifts(snapshot, at(c.since), at(c.until))) };
}

const daily = (startTime: string, endTime: string): Restriction => ({ type: 'daily', startTime, endTime });

const cases: RestrictionCase[] = [
  {
    title: 'a daily 22:00-06:00 window wraps past midnight',
    restrictions: [daily('22:00', '06:00')],
    since: '2026-01-12T05:00:00Z', until: '2026-01-14T05:00:00Z',
    expected: [
      ['a', '2026-01-12T05:00:00Z', '2026-01-12T11:00:00Z'],
      [null, '2026-01-12T11:00:00Z', '2026-01-13T03:00:00Z'],
      ['a', '2026-01-13T03:00:00Z', '2026-01-13T11:00:00Z'],
      [null, '2026-01-13T11:00:00Z', '2026-01-14T03:00:00Z'],
      ['a', '2026-01-14T03:00:00Z', '2026-01-14T05:00:00Z'],
    ],
  },
  {
    title: 'a weekly fri 18:00 - mon 08:00 window wraps past the end of the week',
    restrictions: [{ type: 'weekly', startDay: 'fri', startTime: '18:00', endDay: 'mon', endTime: '08:00' }],
    since: '2026-01-05T05:00:00Z', until: '2026-01-19T05:00:00Z',
    expected: [
      ['a', '2026-01-05T05:00:00Z', '2026-01-05T13:00:00Z'],
      [null, '2026-01-05T13:00:00Z', '2026-01-09T23:00:00Z'],
      ['a', '2026-01-09T23:00:00Z', '2026-01-12T13:00:00Z'],
      [null, '2026-01-12T13:00:00Z', '2026-01-16T23:00:00Z'],
      ['a', '2026-01-16T23:00:00Z', '2026-01-19T05:00:00Z'],
    ],
  },
  {
    title: 'several windows on one layer are a union (overlapping daily windows merge)',
    restrictions: [
      daily('09:00', '12:00'),
      daily('11:00', '14:00'),
      daily('16:00', '17:00'),
      { type: 'weekly', startDay: 'sun', startTime: '20:00', endDay: 'sun', endTime: '21:00' },
    ],
    since: '2026-01-10T05:00:00Z', until: '2026-01-12T05:00:00Z',
    expected: [
      [null, '2026-01-10T05:00:00Z', '2026-01-10T14:00:00Z'],
      ['a', '2026-01-10T14:00:00Z', '2026-01-10T19:00:00Z'],
      [null, '2026-01-10T19:00:00Z', '2026-01-10T21:00:00Z'],
      ['a', '2026-01-10T21:00:00Z', '2026-01-10T22:00:00Z'],
      [null, '2026-01-10T22:00:00Z', '2026-01-11T14:00:00Z'],
      ['a', '2026-01-11T14:00:00Z', '2026-01-11T19:00:00Z'],
      [null, '2026-01-11T19:00:00Z', '2026-01-11T21:00:00Z'],
      ['a', '2026-01-11T21:00:00Z', '2026-01-11T22:00:00Z'],
      [null, '2026-01-11T22:00:00Z', '2026-01-12T01:00:00Z'],
      ['a', '2026-01-12T01:00:00Z', '2026-01-12T02:00:00Z'],
      [null, '2026-01-12T02:00:00Z', '2026-01-12T05:00:00Z'],
    ],
  },
  {
    title: 'a window never moves a turn boundary: the 09:00 handoff splits an 08:00-10:00 window',
    restrictions: [daily('08:00', '10:00')],
    users: ['a', 'b'], handoff: '2026-01-12T09:00:00-05:00',
    since: '2026-01-12T12:00:00Z', until: '2026-01-12T16:00:00Z',
    expected: [
      [null, '2026-01-12T12:00:00Z', '2026-01-12T13:00:00Z'],
      ['b', '2026-01-12T13:00:00Z', '2026-01-12T14:00:00Z'],
      ['a', '2026-01-12T14:00:00Z', '2026-01-12T15:00:00Z'],
      [null, '2026-01-12T15:00:00Z', '2026-01-12T16:00:00Z'],
    ],
  },
  {
    title: 'a window starting in the spring-forward gap (02:30) starts at 03:30 EDT',
    restrictions: [daily('02:30', '06:00')],
    since: '2026-03-08T05:00:00Z', until: '2026-03-08T12:00:00Z',
    expected: [
      [null, '2026-03-08T05:00:00Z', '2026-03-08T07:30:00Z'],
      ['a', '2026-03-08T07:30:00Z', '2026-03-08T10:00:00Z'],
      [null, '2026-03-08T10:00:00Z', '2026-03-08T12:00:00Z'],
    ],
  },
  {
    title: 'a window lying inside the gap (02:30-03:00) is empty that night only',
    restrictions: [daily('02:30', '03:00')],
    since: '2026-03-08T05:00:00Z', until: '2026-03-09T08:00:00Z',
    expected: [
      [null, '2026-03-08T05:00:00Z', '2026-03-09T06:30:00Z'],
      ['a', '2026-03-09T06:30:00Z', '2026-03-09T07:00:00Z'],
      [null, '2026-03-09T07:00:00Z', '2026-03-09T08:00:00Z'],
    ],
  },
  {
    title: 'a window starting at the repeated 01:30 starts at its first occurrence',
    restrictions: [daily('01:30', '05:00')],
    since: '2026-11-01T04:00:00Z', until: '2026-11-01T12:00:00Z',
    expected: [
      [null, '2026-11-01T04:00:00Z', '2026-11-01T05:30:00Z'],
      ['a', '2026-11-01T05:30:00Z', '2026-11-01T10:00:00Z'],
      [null, '2026-11-01T10:00:00Z', '2026-11-01T12:00:00Z'],
    ],
  },
  {
    title: 'a window ending at the repeated 01:30 ends at its first occurrence',
    restrictions: [daily('00:00', '01:30')],
    since: '2026-11-01T04:00:00Z', until: '2026-11-01T07:00:00Z',
    expected: [
      ['a', '2026-11-01T04:00:00Z', '2026-11-01T05:30:00Z'],
      [null, '2026-11-01T05:30:00Z', '2026-11-01T07:00:00Z'],
    ],
  },
  {
    title: 'a weekend window across spring-forward: fri 18:00 EST to mon 08:00 EDT',
    restrictions: [{ type: 'weekly', startDay: 'fri', startTime: '18:00', endDay: 'mon', endTime: '08:00' }],
    since: '2026-03-06T20:00:00Z', until: '2026-03-09T14:00:00Z',
    expected: [
      [null, '2026-03-06T20:00:00Z', '2026-03-06T23:00:00Z'],
      ['a', '2026-03-06T23:00:00Z', '2026-03-09T12:00:00Z'],
      [null, '2026-03-09T12:00:00Z', '2026-03-09T14:00:00Z'],
    ],
  },
  {
    title: 'a daily window whose end equals its start covers the whole day',
    restrictions: [daily('09:00', '09:00')],
    since: '2026-03-07T00:00:00Z', until: '2026-03-10T00:00:00Z',
    expected: [['a', '2026-03-07T00:00:00Z', '2026-03-10T00:00:00Z']],
  },
  {
    title: 'a weekly window inside one day does not wrap; its reverse covers the rest of the week',
    restrictions: [{ type: 'weekly', startDay: 'mon', startTime: '17:00', endDay: 'mon', endTime: '09:00' }],
    since: '2026-01-12T05:00:00Z', until: '2026-01-20T05:00:00Z',
    expected: [
      ['a', '2026-01-12T05:00:00Z', '2026-01-12T14:00:00Z'],
      [null, '2026-01-12T14:00:00Z', '2026-01-12T22:00:00Z'],
      ['a', '2026-01-12T22:00:00Z', '2026-01-19T14:00:00Z'],
      [null, '2026-01-19T14:00:00Z', '2026-01-19T22:00:00Z'],
      ['a', '2026-01-19T22:00:00Z', '2026-01-20T05:00:00Z'],
    ],
  },
];

describe('restrictions', () => {
  it.each(cases.map((c) => [c.title, c] as const))('%s', (_title, c) => {
    expect(render(c).rendered).toEqual(c.expected);
  });

  it('answers point lookups at both sides of every rendered edge the same way as the rendering', () => {
    for (const c of cases) {
      const { snapshot } = render(c);
      for (const [userId, start, end] of c.expected) {
        expect([c.title, start, userOnCallAt(snapshot, at(start))]).toEqual([c.title, start, userId]);
        const lastMs = new Date(at(end).getTime() - 1);
        expect([c.title, end, userOnCallAt(snapshot, lastMs)]).toEqual([c.title, end, userId]);
      }
    }
  });

  it('a weekly window from mon 09:00 to mon 17:00 covers only Monday daytime', () => {
    const snapshot = schedule(NY, [
      layer({
        rotation: { unit: 'week', length: 1, handoff: at('2026-01-05T09:00:00-05:00') },
        users: ['a'],
        restrictions: [{ type: 'weekly', startDay: 'mon', startTime: '09:00', endDay: 'mon', endTime: '17:00' }],
      }),
    ]);
    expect(userOnCallAt(snapshot, at('2026-01-12T13:59:59Z'))).toBeNull();
    expect(userOnCallAt(snapshot, at('2026-01-12T14:00:00Z'))).toBe('a');
    expect(userOnCallAt(snapshot, at('2026-01-12T21:59:59Z'))).toBe('a');
    expect(userOnCallAt(snapshot, at('2026-01-12T22:00:00Z'))).toBeNull();
    expect(userOnCallAt(snapshot, at('2026-01-13T15:00:00Z'))).toBeNull();
  });
});
