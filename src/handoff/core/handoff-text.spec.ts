import fc from 'fast-check';
import { formatInstant, offcallText, oncallText, onCallNowText, shiftChangeText } from './handoff-text';

const t = (iso: string) => new Date(iso).getTime();

describe('handoff texts', () => {
  it.each([
    ['Europe/Berlin', '2024-12-02T08:00:00Z', '2024-12-09T08:00:00Z', 'You are on call for Primary from Mon 2 Dec 09:00 to Mon 9 Dec 09:00 (Europe/Berlin)'],
    ['America/New_York', '2027-03-13T14:00:00Z', '2027-03-14T13:00:00Z', 'You are on call for Primary from Sat 13 Mar 09:00 to Sun 14 Mar 09:00 (America/New_York)'],
    ['Europe/London', '2027-10-30T08:00:00Z', '2027-10-31T09:00:00Z', 'You are on call for Primary from Sat 30 Oct 09:00 to Sun 31 Oct 09:00 (Europe/London)'],
    ['Australia/Sydney', '2027-04-02T22:00:00Z', '2027-04-03T23:00:00Z', 'You are on call for Primary from Sat 3 Apr 09:00 to Sun 4 Apr 09:00 (Australia/Sydney)'],
    ['Australia/Lord_Howe', '2027-10-01T22:30:00Z', '2027-10-02T22:00:00Z', 'You are on call for Primary from Sat 2 Oct 09:00 to Sun 3 Oct 09:00 (Australia/Lord_Howe)'],
    ['Asia/Kolkata', '2027-03-13T03:30:00Z', '2027-03-14T03:30:00Z', 'You are on call for Primary from Sat 13 Mar 09:00 to Sun 14 Mar 09:00 (Asia/Kolkata)'],
  ])('oncall in %s', (zone, start, end, text) => {
    expect(oncallText('Primary', t(start), t(end), zone)).toBe(text);
  });

  it('says "until further notice" for an end beyond what was looked at, and the offcall counterpart', () => {
    expect(oncallText('Primary', t('2024-12-02T08:00:00Z'), null, 'Europe/Berlin')).toBe('You are on call for Primary from Mon 2 Dec 09:00 until further notice (Europe/Berlin)');
    expect(offcallText('Primary', t('2024-12-02T08:00:00Z'), t('2024-12-09T08:00:00Z'), 'Europe/Berlin')).toBe(
      'You are off call for Primary from Mon 9 Dec 09:00 (Europe/Berlin); your shift began Mon 2 Dec 09:00',
    );
    expect(offcallText('Primary', null, t('2024-12-09T08:00:00Z'), 'Europe/Berlin')).toBe('You are off call for Primary from Mon 9 Dec 09:00 (Europe/Berlin)');
  });

  it('"On call now" names the gap and an unknown next', () => {
    expect(onCallNowText('Ada', t('2024-12-09T09:00:00Z'), 'Bee', 'Europe/London')).toBe('On call now: Ada until Mon 9 Dec 09:00 (Europe/London), next: Bee');
    expect(onCallNowText(null, t('2024-12-09T09:00:00Z'), null, 'Europe/London')).toBe('On call now: nobody until Mon 9 Dec 09:00 (Europe/London), next: nobody');
    expect(onCallNowText('Ada', null, undefined, 'Europe/London')).toBe('On call now: Ada, next: not scheduled yet');
  });

  it('the shift-change notice lists before and after', () => {
    const H = 3_600_000;
    const base = t('2027-03-01T00:00:00Z');
    const { subject, text } = shiftChangeText(
      'Primary',
      { addedMs: 2 * H, removedMs: 0, before: [], after: [{ start: base, end: base + 2 * H }] },
      'UTC',
      14,
    );
    expect(subject).toBe('Your on-call shifts for Primary changed');
    expect(text).toBe(
      [
        'Your on-call shifts for Primary in the next 14 days changed: 2 h added, 0 h removed (times in UTC).',
        'Before:',
        '- none',
        'After:',
        '- Mon 1 Mar 00:00 to Mon 1 Mar 02:00',
      ].join('\n'),
    );
  });

  it('formats any instant in any of these zones as "Ddd d Mmm HH:mm", at the zone\'s wall clock', () => {
    const zones = ['America/New_York', 'Europe/London', 'Australia/Sydney', 'Australia/Lord_Howe', 'Asia/Kolkata'];
    fc.assert(
      fc.property(fc.integer({ min: t('2020-01-01T00:00:00Z'), max: t('2035-01-01T00:00:00Z') }), fc.constantFrom(...zones), (ms, zone) => {
        const text = formatInstant(ms, zone);
        expect(text).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{2}:\d{2}$/);
        const local = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(ms));
        expect(text.endsWith(local)).toBe(true);
      }),
    );
  });
});
