import { DateTime } from 'luxon';
import { localIso } from './local-iso';

describe('localIso', () => {
  it('writes the wall time with the offset in effect, across DST changes', () => {
    // New York springs forward at 2026-03-08 07:00Z (02:00 EST -> 03:00 EDT).
    expect(localIso(new Date('2026-03-08T06:59:00Z'), 'America/New_York')).toBe('2026-03-08T01:59:00.000-05:00');
    expect(localIso(new Date('2026-03-08T07:00:00Z'), 'America/New_York')).toBe('2026-03-08T03:00:00.000-04:00');
    expect(localIso(new Date('2026-10-04T12:00:00Z'), 'Asia/Kolkata')).toBe('2026-10-04T17:30:00.000+05:30');
    expect(localIso(new Date('2026-07-01T00:00:00Z'), 'UTC')).toBe('2026-07-01T00:00:00.000+00:00');
    expect(localIso(new Date('2026-04-05T12:00:00Z'), 'Pacific/Chatham')).toBe('2026-04-06T00:45:00.000+12:45');
  });

  it('names the same instant as luxon does, every 7 hours through a year of several zones', () => {
    for (const zone of ['Europe/London', 'Australia/Lord_Howe', 'America/St_Johns', 'Africa/Casablanca']) {
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 7 * 3_600_000) {
        const local = localIso(t, zone);
        expect(DateTime.fromISO(local).toMillis()).toBe(t);
        expect(local).toBe(DateTime.fromMillis(t, { zone }).toISO());
      }
    }
  });
});
