import { DateTime } from 'luxon';
import type { Interval } from './on-call-intervals';
import type { ShiftDiff } from './shift-diff';
import { HOUR_MS } from '../../schedules/resolution';

/** "Mon 2 Dec 09:00" in `zone` (English day and month names, 24-hour clock). */
export function formatInstant(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).setLocale('en-US').toFormat('ccc d LLL HH:mm');
}

/** The message of an oncall edge: the shift that starts (end null: beyond what Klaxon looked at). */
export function oncallText(scheduleName: string, start: number, end: number | null, zone: string): string {
  const until = end === null ? 'until further notice' : `to ${formatInstant(end, zone)}`;
  return `You are on call for ${scheduleName} from ${formatInstant(start, zone)} ${until} (${zone})`;
}

/** The message of an offcall edge: the shift that ends (start null: it began long ago). */
export function offcallText(scheduleName: string, start: number | null, end: number, zone: string): string {
  const began = start === null ? '' : `; your shift began ${formatInstant(start, zone)}`;
  return `You are off call for ${scheduleName} from ${formatInstant(end, zone)} (${zone})${began}`;
}

/** The Slack channel post at a change of the final on-call user; names null = nobody (a gap). */
export function onCallNowText(now: string | null, until: number | null, next: string | null | undefined, zone: string): string {
  const who = now ?? 'nobody';
  const upTo = until === null ? '' : ` until ${formatInstant(until, zone)} (${zone})`;
  const after = next === undefined ? 'not scheduled yet' : (next ?? 'nobody');
  return `On call now: ${who}${upTo}, next: ${after}`;
}

function hours(ms: number): string {
  const h = Math.round((ms / HOUR_MS) * 10) / 10;
  return `${h} h`;
}

function listShifts(intervals: readonly Interval[], zone: string): string[] {
  if (!intervals.length) return ['- none'];
  return intervals.map((i) => `- ${formatInstant(i.start, zone)} to ${formatInstant(i.end, zone)}`);
}

/** The shift-change notice: subject and body listing the user's shifts before and after the edit. */
export function shiftChangeText(scheduleName: string, diff: ShiftDiff, zone: string, horizonDays: number): { subject: string; text: string } {
  const subject = `Your on-call shifts for ${scheduleName} changed`;
  const text = [
    `Your on-call shifts for ${scheduleName} in the next ${horizonDays} days changed: ${hours(diff.addedMs)} added, ${hours(diff.removedMs)} removed (times in ${zone}).`,
    'Before:',
    ...listShifts(diff.before, zone),
    'After:',
    ...listShifts(diff.after, zone),
  ].join('\n');
  return { subject, text };
}
