import fc from 'fast-check';
import { calendarRange, zonedMidnight } from './calendar-range';

const iso = (d: Date) => d.toISOString();
const at = (s: string) => new Date(s);

describe('calendarRange: weeks and months start at local midnight in the zone shown', () => {
  it.each([
    // zone, now, from, until (a week across a change of offset is 167 or 169 hours)
    ['America/New_York', '2026-03-10T12:00:00Z', '2026-03-09T04:00:00.000Z', '2026-03-16T04:00:00.000Z'],
    ['America/New_York', '2026-03-04T12:00:00Z', '2026-03-02T05:00:00.000Z', '2026-03-09T04:00:00.000Z'],
    ['America/New_York', '2026-11-30T03:00:00Z', '2026-11-23T05:00:00.000Z', '2026-11-30T05:00:00.000Z'],
    ['Europe/London', '2026-03-25T12:00:00Z', '2026-03-23T00:00:00.000Z', '2026-03-29T23:00:00.000Z'],
    ['Australia/Sydney', '2026-04-01T00:00:00Z', '2026-03-29T13:00:00.000Z', '2026-04-05T14:00:00.000Z'],
    ['Australia/Lord_Howe', '2026-04-01T00:00:00Z', '2026-03-29T13:00:00.000Z', '2026-04-05T13:30:00.000Z'],
    ['Asia/Kolkata', '2026-12-01T20:00:00Z', '2026-11-29T18:30:00.000Z', '2026-12-06T18:30:00.000Z'],
    ['UTC', '2026-12-01T20:00:00Z', '2026-11-30T00:00:00.000Z', '2026-12-07T00:00:00.000Z'],
  ])('%s, now %s: the week is %s to %s', (zone, now, from, until) => {
    const range = calendarRange('week', 0, zone, at(now));
    expect([iso(range.from), iso(range.until), range.days]).toEqual([from, until, 7]);
  });

  it('a month view covers whole weeks from the Monday before the 1st to past the last day', () => {
    const range = calendarRange('month', 0, 'Europe/London', at('2026-03-15T12:00:00Z'));
    expect([iso(range.from), iso(range.until), range.days]).toEqual(['2026-02-23T00:00:00.000Z', '2026-04-05T23:00:00.000Z', 42]);
    const next = calendarRange('month', 1, 'Europe/London', at('2026-03-15T12:00:00Z'));
    expect([iso(next.from), next.days]).toEqual(['2026-03-29T23:00:00.000Z', 35]);
  });

  it('previous and next move by whole local weeks', () => {
    const now = at('2026-03-10T12:00:00Z');
    expect(iso(calendarRange('week', -1, 'America/New_York', now).from)).toBe('2026-03-02T05:00:00.000Z');
    expect(iso(calendarRange('week', 1, 'America/New_York', now).from)).toBe('2026-03-16T04:00:00.000Z');
  });

  it('property: the range starts on a Monday at 00:00 local time, and holds the moment it was asked at', () => {
    const zones = ['America/New_York', 'Europe/London', 'Australia/Sydney', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 0, 1) }), (zone, t) => {
        const now = new Date(t);
        const { from, until } = calendarRange('week', 0, zone, now);
        const local = new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(from);
        return local === 'Mon 00:00' && from.getTime() <= t && t < until.getTime();
      }),
    );
  });

  it('zonedMidnight is the first instant of the local day', () => {
    expect(iso(zonedMidnight(Date.UTC(2026, 9, 4), 'Australia/Lord_Howe'))).toBe('2026-10-03T13:30:00.000Z');
    expect(iso(zonedMidnight(Date.UTC(2026, 9, 5), 'Australia/Lord_Howe'))).toBe('2026-10-04T13:00:00.000Z');
  });
});
