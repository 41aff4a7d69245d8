/**
 * The calendar's range in the time zone it is shown in: a week runs from
 * Monday 00:00 to the next Monday 00:00 *in that zone* (not in UTC or the
 * browser's zone), and a month view covers the whole weeks around the month.
 * Pure date arithmetic with Intl; no I/O.
 */

const DAY_MS = 86_400_000;

/** `d`'s wall-clock time in `zone`, as milliseconds of the same wall time in UTC. */
function wallTime(d: Date, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(d);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
}

/** The first instant of the local day `utcDate` (a UTC midnight naming y-m-d) in `zone`. */
export function zonedMidnight(utcDate: number, zone: string): Date {
  let t = utcDate;
  // Two corrections settle the offset, also across a change of offset that day.
  for (let i = 0; i < 3; i++) t += utcDate - wallTime(new Date(t), zone);
  // A zone whose clocks skip midnight starts that day at the first instant after it.
  while (wallTime(new Date(t), zone) < utcDate) t += 15 * 60_000;
  return new Date(t);
}

/** Today's date in `zone`, as the UTC midnight of the same y-m-d. */
function localToday(now: Date, zone: string): number {
  const wall = wallTime(now, zone);
  return wall - (((wall % DAY_MS) + DAY_MS) % DAY_MS);
}

/** Monday of the week of the y-m-d `utcDate` (as a UTC midnight). */
function mondayOf(utcDate: number): number {
  const weekday = (new Date(utcDate).getUTCDay() + 6) % 7;
  return utcDate - weekday * DAY_MS;
}

export interface CalendarRange {
  from: Date;
  until: Date;
  /** Local days shown. */
  days: number;
}

/** The week (`offset` weeks from this one) or the month (`offset` months from this one), in `zone`. */
export function calendarRange(view: 'week' | 'month', offset: number, zone: string, now = new Date()): CalendarRange {
  const today = localToday(now, zone);
  let first: number;
  let days: number;
  if (view === 'week') {
    first = mondayOf(today) + offset * 7 * DAY_MS;
    days = 7;
  } else {
    const t = new Date(today);
    const monthStart = Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + offset, 1);
    const monthEnd = Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + offset + 1, 1);
    first = mondayOf(monthStart);
    days = Math.ceil((monthEnd - first) / DAY_MS / 7) * 7;
  }
  return { from: zonedMidnight(first, zone), until: zonedMidnight(first + days * DAY_MS, zone), days };
}
