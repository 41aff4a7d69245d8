import type { Shift } from './resolution';

/**
 * The iCalendar text of a schedule's feed (RFC 5545), written line by line so
 * that its cost is linear in the events and the caller can add them a chunk
 * at a time. Every piece of text that comes from users (schedule and person
 * names) goes through `escapeText`: nothing a name contains can end a line or
 * start a property of its own.
 */

export interface IcalFeedHeader {
  scheduleId: string;
  scheduleName: string;
  timeZone: string;
  /** DTSTAMP of every event: when this feed was generated. */
  generatedAt: Date;
}

/** How often calendar apps are asked to refresh (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
const REFRESH = 'PT15M';
const MAX_LINE_OCTETS = 75;
const ASCII = /^[\x00-\x7f]*$/;

export class IcalFeedWriter {
  private readonly lines: string[] = [];
  private readonly stamp: string;

  constructor(private readonly header: IcalFeedHeader) {
    const calendarName = escapeText(`On call: ${header.scheduleName}`);
    this.stamp = formatUtc(header.generatedAt);
    this.add('BEGIN:VCALENDAR');
    this.add('VERSION:2.0');
    this.add('PRODID:-//Klaxon//schedules//EN');
    this.add(`NAME:${calendarName}`);
    this.add(`X-WR-CALNAME:${calendarName}`);
    this.add(`REFRESH-INTERVAL;VALUE=DURATION:${REFRESH}`);
    this.add(`X-PUBLISHED-TTL:${REFRESH}`);
  }

  /** One on-call segment. The UID derives from schedule, user and start, so a refresh updates rather than duplicates. */
  shift(shift: Shift & { userId: string }, personName: string): void {
    const schedule = this.header.scheduleName;
    this.event({
      uid: `${this.header.scheduleId}-${shift.userId}-${shift.start.getTime()}@klaxon`,
      start: shift.start,
      end: shift.end,
      summary: `On call: ${personName} (${schedule})`,
      description: `${personName} is on call for ${schedule} (times shown in your calendar's zone; schedule zone ${this.header.timeZone}).`,
    });
  }

  /** The closing note of a truncated feed: [from, until) holds shifts that are not in it. Transparent: it blocks no time. */
  truncated(from: Date, until: Date, maxEvents: number): void {
    this.event({
      uid: `${this.header.scheduleId}-truncated@klaxon`,
      start: from,
      end: until,
      summary: `More shifts of ${this.header.scheduleName} not shown`,
      description:
        `This feed holds at most ${maxEvents} shifts. The shifts from ${from.toISOString()} to ${until.toISOString()} ` +
        `are not in it: see GET /api/v1/schedules/${this.header.scheduleId}/shifts.`,
      transparent: true,
    });
  }

  /** The calendar as text, CRLF line ends. */
  finish(): string {
    this.add('END:VCALENDAR');
    return `${this.lines.join('\r\n')}\r\n`;
  }

  /** One VEVENT, kept as one string: a large feed holds thousands, and fewer objects are cheaper to collect. */
  private event(e: { uid: string; start: Date; end: Date; summary: string; description: string; transparent?: boolean }): void {
    const lines = [
      'BEGIN:VEVENT',
      `UID:${escapeText(e.uid)}`,
      'SEQUENCE:0',
      `DTSTAMP:${this.stamp}`,
      `DTSTART:${formatUtc(e.start)}`,
      `DTEND:${formatUtc(e.end)}`,
      `SUMMARY:${escapeText(e.summary)}`,
      `DESCRIPTION:${escapeText(e.description)}`,
      ...(e.transparent ? ['TRANSP:TRANSPARENT'] : []),
      'END:VEVENT',
    ];
    this.lines.push(lines.map(foldLine).join('\r\n'));
  }

  private add(line: string): void {
    this.lines.push(foldLine(line));
  }
}

/**
 * An RFC 5545 TEXT value: backslash, semicolon and comma escaped, every line
 * break (CRLF, CR or LF) written as `\n`, and every other control character
 * (C0, DEL, C1) removed.
 */
export function escapeText(value: string): string {
  return value
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}

/**
 * Folds a content line after at most 75 octets (RFC 5545 §3.1): continuation
 * lines begin with a space. Never splits a UTF-8 character.
 */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line) <= MAX_LINE_OCTETS) return line;
  if (ASCII.test(line)) {
    const parts = [line.slice(0, MAX_LINE_OCTETS)];
    for (let i = MAX_LINE_OCTETS; i < line.length; i += MAX_LINE_OCTETS - 1) parts.push(line.slice(i, i + MAX_LINE_OCTETS - 1));
    return parts.join('\r\n ');
  }
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_LINE_OCTETS;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_LINE_OCTETS - 1; // the leading space counts
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** A UTC DATE-TIME: 20260302T090000Z. */
export function formatUtc(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}
