import ical from 'ical-generator';
import type { Shift } from './resolution';

export interface IcalFeedInput {
  scheduleId: string;
  scheduleName: string;
  timeZone: string;
  shifts: Shift[];
  /** Display names by user id; an unknown id is shown as is. */
  names: Map<string, string>;
  /** Stamped on every event (DTSTAMP); passed in so the output is a pure function of its input. */
  generatedAt: Date;
}

/**
 * The final schedule as an iCalendar feed: one VEVENT per on-call segment
 * (gaps are left out). Event UIDs derive from the schedule, user and start so
 * calendar apps update rather than duplicate events on refresh.
 */
export function renderIcalFeed(input: IcalFeedInput): string {
  const calendar = ical({
    name: `On call: ${input.scheduleName}`,
    prodId: { company: 'Klaxon', product: 'schedules', language: 'EN' },
    ttl: 15 * 60,
  });
  for (const shift of input.shifts) {
    if (shift.userId === null) continue;
    const name = input.names.get(shift.userId) ?? shift.userId;
    calendar.createEvent({
      id: `${input.scheduleId}-${shift.userId}-${shift.start.getTime()}@klaxon`,
      start: shift.start,
      end: shift.end,
      stamp: input.generatedAt,
      summary: `On call: ${name} (${input.scheduleName})`,
      description: `${name} is on call for ${input.scheduleName} (times shown in your calendar's zone; schedule zone ${input.timeZone}).`,
    });
  }
  return calendar.toString();
}
