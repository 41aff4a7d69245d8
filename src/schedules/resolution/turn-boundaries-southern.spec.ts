import { DateTime, IANAZone } from 'luxon';
import { compileSchedule } from './compile-schedule';
import { userOnCallAt } from './schedule-resolver';
import { at, layer, schedule } from './schedule-builders.test-helper';
import { renderTurns, SUN, TurnCase, U3, U4 } from './turn-boundaries.test-helper';

/**
 * Fixed-instant turn tables for Australia/Sydney (2026: fall back Apr 5 03:00
 * AEDT -> 02:00 AEST, spring forward Oct 4 02:00 AEST -> 03:00 AEDT),
 * Australia/Lord_Howe (same dates, a 30-minute shift at 02:00) and
 * Asia/Kolkata (+05:30, no DST).
 */
const SYDNEY = 'Australia/Sydney';
const LORD_HOWE = 'Australia/Lord_Howe';
const KOLKATA = 'Asia/Kolkata';

const cases: TurnCase[] = [
  {
    title: 'Sydney day: a 02:30 boundary on the Oct 4 gap becomes 03:30 AEDT',
    zone: SYDNEY, unit: 'day', length: 1, handoff: '2026-10-03T02:30:00+10:00', users: U3,
    since: '2026-10-02T16:30:00Z', until: '2026-10-04T15:30:00Z',
    expected: [['u0', '2026-10-02T16:30:00Z', '2026-10-03T16:30:00Z'], ['u1', '2026-10-03T16:30:00Z', '2026-10-04T15:30:00Z']],
  },
  {
    title: 'Sydney day: a 02:30 boundary on Apr 5 takes the earlier (AEDT) occurrence, a 25 h turn',
    zone: SYDNEY, unit: 'day', length: 1, handoff: '2026-04-04T02:30:00+11:00', users: U3,
    since: '2026-04-03T15:30:00Z', until: '2026-04-05T16:30:00Z',
    expected: [['u0', '2026-04-03T15:30:00Z', '2026-04-04T15:30:00Z'], ['u1', '2026-04-04T15:30:00Z', '2026-04-05T16:30:00Z']],
  },
  {
    title: 'Sydney 8 h follow-the-sun: 9 h on Apr 5',
    zone: SYDNEY, unit: 'hour', length: 8, handoff: '2026-01-01T00:00:00+11:00', users: SUN,
    since: '2026-04-04T13:00:00Z', until: '2026-04-05T14:00:00Z',
    expected: [
      ['apac', '2026-04-04T13:00:00Z', '2026-04-04T22:00:00Z'],
      ['emea', '2026-04-04T22:00:00Z', '2026-04-05T06:00:00Z'],
      ['amer', '2026-04-05T06:00:00Z', '2026-04-05T14:00:00Z'],
    ],
  },
  {
    title: 'Sydney 8 h follow-the-sun: 7 h on Oct 4',
    zone: SYDNEY, unit: 'hour', length: 8, handoff: '2026-01-01T00:00:00+11:00', users: SUN,
    since: '2026-10-03T14:00:00Z', until: '2026-10-04T13:00:00Z',
    expected: [
      ['apac', '2026-10-03T14:00:00Z', '2026-10-03T21:00:00Z'],
      ['emea', '2026-10-03T21:00:00Z', '2026-10-04T05:00:00Z'],
      ['amer', '2026-10-04T05:00:00Z', '2026-10-04T13:00:00Z'],
    ],
  },
  {
    title: 'Sydney week: a Sunday 02:30 weekly handoff across both changes',
    zone: SYDNEY, unit: 'week', length: 1, handoff: '2026-03-29T02:30:00+11:00', users: ['u0', 'u1'],
    since: '2026-03-28T15:30:00Z', until: '2026-04-11T16:30:00Z',
    expected: [['u0', '2026-03-28T15:30:00Z', '2026-04-04T15:30:00Z'], ['u1', '2026-04-04T15:30:00Z', '2026-04-11T16:30:00Z']],
  },
  {
    title: 'Lord Howe day: 02:15 on the Oct 4 gap moves forward 30 minutes to 02:45',
    zone: LORD_HOWE, unit: 'day', length: 1, handoff: '2026-10-03T02:15:00+10:30', users: U3,
    since: '2026-10-02T15:45:00Z', until: '2026-10-04T15:15:00Z',
    expected: [['u0', '2026-10-02T15:45:00Z', '2026-10-03T15:45:00Z'], ['u1', '2026-10-03T15:45:00Z', '2026-10-04T15:15:00Z']],
  },
  {
    title: 'Lord Howe day: 01:45 on Apr 5 takes the earlier (+11:00) occurrence, a 24.5 h turn',
    zone: LORD_HOWE, unit: 'day', length: 1, handoff: '2026-04-04T01:45:00+11:00', users: U3,
    since: '2026-04-03T14:45:00Z', until: '2026-04-05T15:15:00Z',
    expected: [['u0', '2026-04-03T14:45:00Z', '2026-04-04T14:45:00Z'], ['u1', '2026-04-04T14:45:00Z', '2026-04-05T15:15:00Z']],
  },
  {
    title: 'Lord Howe hour: the 01:00 turn absorbs the repeated half hour (90 minutes)',
    zone: LORD_HOWE, unit: 'hour', length: 1, handoff: '2026-04-05T00:00:00+11:00', users: U4,
    since: '2026-04-04T13:00:00Z', until: '2026-04-04T16:30:00Z',
    expected: [
      ['u0', '2026-04-04T13:00:00Z', '2026-04-04T14:00:00Z'],
      ['u1', '2026-04-04T14:00:00Z', '2026-04-04T15:30:00Z'],
      ['u2', '2026-04-04T15:30:00Z', '2026-04-04T16:30:00Z'],
    ],
  },
  {
    title: 'Lord Howe 8 h follow-the-sun: 7.5 h on Oct 4',
    zone: LORD_HOWE, unit: 'hour', length: 8, handoff: '2026-01-01T00:00:00+11:00', users: SUN,
    since: '2026-10-03T13:30:00Z', until: '2026-10-04T13:00:00Z',
    expected: [
      ['apac', '2026-10-03T13:30:00Z', '2026-10-03T21:00:00Z'],
      ['emea', '2026-10-03T21:00:00Z', '2026-10-04T05:00:00Z'],
      ['amer', '2026-10-04T05:00:00Z', '2026-10-04T13:00:00Z'],
    ],
  },
  {
    title: 'Lord Howe 8 h follow-the-sun: 8.5 h on Apr 5',
    zone: LORD_HOWE, unit: 'hour', length: 8, handoff: '2026-01-01T00:00:00+11:00', users: SUN,
    since: '2026-04-04T13:00:00Z', until: '2026-04-05T13:30:00Z',
    expected: [
      ['apac', '2026-04-04T13:00:00Z', '2026-04-04T21:30:00Z'],
      ['emea', '2026-04-04T21:30:00Z', '2026-04-05T05:30:00Z'],
      ['amer', '2026-04-05T05:30:00Z', '2026-04-05T13:30:00Z'],
    ],
  },
  {
    title: 'Kolkata day: 09:00 handoffs are exactly 24 h apart',
    zone: KOLKATA, unit: 'day', length: 1, handoff: '2026-03-08T09:00:00+05:30', users: U3,
    since: '2026-03-08T03:30:00Z', until: '2026-03-10T03:30:00Z',
    expected: [['u0', '2026-03-08T03:30:00Z', '2026-03-09T03:30:00Z'], ['u1', '2026-03-09T03:30:00Z', '2026-03-10T03:30:00Z']],
  },
  {
    title: 'Kolkata 8 h follow-the-sun before the handoff (negative k): every shift 8 h',
    zone: KOLKATA, unit: 'hour', length: 8, handoff: '2026-06-01T00:00:00+05:30', users: SUN,
    since: '2026-03-07T18:30:00Z', until: '2026-03-08T18:30:00Z',
    expected: [
      ['apac', '2026-03-07T18:30:00Z', '2026-03-08T02:30:00Z'],
      ['emea', '2026-03-08T02:30:00Z', '2026-03-08T10:30:00Z'],
      ['amer', '2026-03-08T10:30:00Z', '2026-03-08T18:30:00Z'],
    ],
  },
  {
    title: 'Kolkata week, length 2: a user listed twice serves two fortnights in a row',
    zone: KOLKATA, unit: 'week', length: 2, handoff: '2026-01-05T09:00:00+05:30', users: ['a', 'a', 'b'],
    since: '2025-12-22T03:30:00Z', until: '2026-03-02T03:30:00Z',
    expected: [
      ['b', '2025-12-22T03:30:00Z', '2026-01-05T03:30:00Z'],
      ['a', '2026-01-05T03:30:00Z', '2026-02-02T03:30:00Z'],
      ['b', '2026-02-02T03:30:00Z', '2026-02-16T03:30:00Z'],
      ['a', '2026-02-16T03:30:00Z', '2026-03-02T03:30:00Z'],
    ],
  },
];

describe('turn boundaries in Australia/Sydney, Australia/Lord_Howe and Asia/Kolkata', () => {
  it.each(cases.map((c) => [c.title, c] as const))('%s', (_title, c) => {
    expect(renderTurns(c)).toEqual(c.expected);
  });
});

describe('the 2026 transitions these tables rely on (checked against luxon)', () => {
  it.each([
    ['America/New_York', '2026-03-08T07:00:00Z', -300, -240],
    ['America/New_York', '2026-11-01T06:00:00Z', -240, -300],
    ['Europe/London', '2026-03-29T01:00:00Z', 0, 60],
    ['Europe/London', '2026-10-25T01:00:00Z', 60, 0],
    ['Australia/Sydney', '2026-04-04T16:00:00Z', 660, 600],
    ['Australia/Sydney', '2026-10-03T16:00:00Z', 600, 660],
    ['Australia/Lord_Howe', '2026-04-04T15:00:00Z', 660, 630],
    ['Australia/Lord_Howe', '2026-10-03T15:30:00Z', 630, 660],
  ])('%s changes offset at %s from %d to %d minutes', (zone, instant, before, after) => {
    const ms = Date.parse(instant);
    expect(IANAZone.create(zone).offset(ms - 1)).toBe(before);
    expect(IANAZone.create(zone).offset(ms)).toBe(after);
  });

  it('Asia/Kolkata stays at +05:30 all year', () => {
    const zone = IANAZone.create(KOLKATA);
    for (let month = 0; month < 12; month++) expect(zone.offset(Date.UTC(2026, month, 15))).toBe(330);
  });

  it("luxon alone resolves New York's repeated 01:30 to the later occurrence, which is why the resolver does not", () => {
    const luxonChoice = DateTime.fromISO('2026-11-01T01:30', { zone: 'America/New_York' });
    expect(luxonChoice.toUTC().toISO()).toBe('2026-11-01T06:30:00.000Z');
  });
});

describe('handoffs far from t', () => {
  it('finds the turn a century before the handoff without walking the turns', () => {
    const handoff = DateTime.fromISO('2126-03-08T09:00', { zone: KOLKATA });
    const t = DateTime.fromISO('2026-03-08T12:00', { zone: KOLKATA });
    const k = Math.floor(t.diff(handoff, 'days').days);
    const users = ['u0', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6'];
    const compiled = compileSchedule(
      schedule(KOLKATA, [layer({ rotation: { unit: 'day', length: 1, handoff: handoff.toJSDate() }, users })]),
    );
    expect(userOnCallAt(compiled, t.toJSDate())).toBe(users[((k % 7) + 7) % 7]);
    expect(userOnCallAt(compiled, at('2026-03-08T03:29:59Z'))).toBe(users[(((k - 1) % 7) + 7) % 7]);
  });
});
