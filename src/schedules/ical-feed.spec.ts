import { escapeText, foldLine, formatUtc, IcalFeedWriter } from './ical-feed';

const unfold = (text: string): string[] => text.replace(/\r\n /g, '').split('\r\n');

describe('iCal text', () => {
  it('escapes backslash, semicolon, comma and every line break, and drops other control characters', () => {
    expect(escapeText('a\\b;c,d')).toBe('a\\\\b\\;c\\,d');
    expect(escapeText('one\r\ntwo\nthree\rfour')).toBe('one\\ntwo\\nthree\\nfour');
    expect(escapeText('bell\u0007 tab\t nul\u0000 del\u007f c1\u0085 end')).toBe('bell tab nul del c1 end');
    expect(escapeText('Sched\r\nX-INJ:1\nBEGIN:VALARM')).toBe('Sched\\nX-INJ:1\\nBEGIN:VALARM');
    expect(escapeText('Zoë 🚨')).toBe('Zoë 🚨');
  });

  it('folds lines after 75 octets without splitting a UTF-8 character', () => {
    expect(foldLine('SUMMARY:short')).toBe('SUMMARY:short');
    const ascii = `DESCRIPTION:${'x'.repeat(200)}`;
    const folded = foldLine(ascii).split('\r\n');
    expect(folded.map((l) => Buffer.byteLength(l))).toEqual([75, 75, 64]) // 212 octets: 75 + 74 + 63, continuations led by a space;
    expect(folded.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(unfold(foldLine(ascii))).toEqual([ascii]);

    const wide = `SUMMARY:${'é🚨'.repeat(40)}`;
    const parts = foldLine(wide).split('\r\n');
    expect(parts.every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    expect(parts.every((l) => !l.includes('\ufffd') && Buffer.from(l).toString() === l)).toBe(true);
    expect(unfold(foldLine(wide))).toEqual([wide]);
  });

  it('formats instants as UTC DATE-TIME', () => {
    expect(formatUtc(new Date('2026-03-02T09:05:07.123Z'))).toBe('20260302T090507Z');
  });
});

describe('IcalFeedWriter', () => {
  const header = { scheduleId: 'sched-1', scheduleName: 'Ops; "night", A\\B\nX-INJ:1', timeZone: 'Europe/London', generatedAt: new Date('2026-03-02T09:00:00Z') };

  it('writes a calendar of escaped events with CRLF line ends', () => {
    const writer = new IcalFeedWriter(header);
    writer.shift({ userId: 'u1', start: new Date('2026-03-02T09:00:00Z'), end: new Date('2026-03-03T09:00:00Z') }, 'Ann\r\nEND:VCALENDAR');
    const text = writer.finish();
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
    const lines = unfold(text);
    expect(lines.filter((l) => l === 'END:VCALENDAR')).toHaveLength(1);
    expect(lines).toEqual(
      expect.arrayContaining([
        'NAME:On call: Ops\\; "night"\\, A\\\\B\\nX-INJ:1',
        'X-WR-CALNAME:On call: Ops\\; "night"\\, A\\\\B\\nX-INJ:1',
        `UID:sched-1-u1-${Date.parse('2026-03-02T09:00:00Z')}@klaxon`,
        'DTSTAMP:20260302T090000Z',
        'DTSTART:20260302T090000Z',
        'DTEND:20260303T090000Z',
        'SUMMARY:On call: Ann\\nEND:VCALENDAR (Ops\\; "night"\\, A\\\\B\\nX-INJ:1)',
      ]),
    );
    expect(lines.some((l) => /^(X-INJ|END:VCALENDAR.)/.test(l))).toBe(false);
  });

  it('ends a truncated feed with one transparent note event covering the rest of the window', () => {
    const writer = new IcalFeedWriter(header);
    writer.truncated(new Date('2026-04-01T00:00:00Z'), new Date('2026-05-31T00:00:00Z'), 5000);
    const lines = unfold(writer.finish());
    expect(lines).toEqual(
      expect.arrayContaining([
        'UID:sched-1-truncated@klaxon',
        'DTSTART:20260401T000000Z',
        'DTEND:20260531T000000Z',
        'TRANSP:TRANSPARENT',
        expect.stringMatching(/^DESCRIPTION:This feed holds at most 5000 shifts\. The shifts from 2026-04-01T00:00:00\.000Z/),
      ]),
    );
  });
});
