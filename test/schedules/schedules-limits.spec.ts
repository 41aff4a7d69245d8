import { MAX_OVERRIDES_PER_SCHEDULE } from '../../src/schedules/schedule-overrides.service';
import { MAX_FEED_EVENTS } from '../../src/schedules/schedule-ical.service';
import { MAX_RENDERED_SHIFTS } from '../../src/schedules/schedule-views.service';
import { createSchedule, createUser, layerBody } from '../support/factories';
import { FakeClock } from '../support/fake-clock';
import { createTestApp, TestApp } from '../support/test-app';

/** The caps on overrides and renderings, the iCal feed's truncation, escaping and shared cache (real PostgreSQL). */
describe('schedule limits and the iCal feed', () => {
  let t: TestApp;
  let alice: { id: string };
  let bob: { id: string };
  beforeAll(async () => {
    t = await createTestApp({ clock: new FakeClock('2026-03-02T09:00:00Z') });
    alice = await createUser(t, { name: 'Alice Example' });
    bob = await createUser(t, { name: 'Bob Example' });
  });
  afterAll(async () => {
    await t.close();
  });

  /**
   * Hourly turns of alice and bob under a layer of carol's that covers the
   * first ten minutes and minutes 20-30 of every hour: four shifts an hour,
   * 35,136 in a year, 9,312 non-gap shifts in the feed's 97 days.
   */
  async function busySchedule(): Promise<{ id: string; icalUrl: string }> {
    const carol = await createUser(t, { name: 'Carol Example' });
    const hh = (h: number, m: number) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
    const windows = Array.from({ length: 24 }, (_, h) => [
      { type: 'daily', startTime: hh(h, 0), endTime: hh(h, 10) },
      { type: 'daily', startTime: hh(h, 20), endTime: hh(h, 30) },
    ]).flat();
    const hourly = { unit: 'hour', length: 1, handoff: '2026-01-05T00:00:00Z' };
    return createSchedule(t, {
      timeZone: 'UTC',
      layers: [
        layerBody([alice.id, bob.id], { start: '2025-01-01T00:00:00Z', rotation: hourly }),
        layerBody([carol.id], { start: '2025-01-01T00:00:00Z', rotation: hourly, restrictions: windows }),
      ],
    });
  }

  const feedPath = (s: { icalUrl: string }) => s.icalUrl.replace(/^https?:\/\/[^/]+/, '');
  /** Content lines with RFC 5545 folding undone. */
  const unfolded = (text: string) => text.replace(/\r\n /g, '').split('\r\n');

  describe('overrides per schedule', () => {
    it(`refuses the override past ${MAX_OVERRIDES_PER_SCHEDULE} with a 409 naming the limit`, async () => {
      const s = await createSchedule(t, { layers: [layerBody([alice.id])] });
      await t.dataSource.query(
        `INSERT INTO schedule_overrides (schedule_id, user_id, starts_at, ends_at)
         SELECT $1, $2, timestamptz '2025-01-01T00:00:00Z' + g * interval '1 hour', timestamptz '2025-01-01T00:30:00Z' + g * interval '1 hour'
           FROM generate_series(1, $3::int) g`,
        [s.id, bob.id, MAX_OVERRIDES_PER_SCHEDULE - 1],
      );
      const body = { userId: bob.id, start: '2026-03-10T10:00:00Z', end: '2026-03-10T12:00:00Z' };
      await t.api('responder').post(`/api/v1/schedules/${s.id}/overrides`, body).expect(201);
      const refused = await t.api('responder').post(`/api/v1/schedules/${s.id}/overrides`, body).expect(409);
      expect(refused.body.message).toContain(`(${MAX_OVERRIDES_PER_SCHEDULE})`);
      expect(refused.body.limit).toBe(MAX_OVERRIDES_PER_SCHEDULE);
      const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM schedule_overrides WHERE schedule_id = $1', [s.id]);
      expect(n).toBe(MAX_OVERRIDES_PER_SCHEDULE);
      // Deleting one makes room again.
      const [{ id }] = await t.dataSource.query('SELECT id FROM schedule_overrides WHERE schedule_id = $1 LIMIT 1', [s.id]);
      await t.api('responder').delete(`/api/v1/schedules/${s.id}/overrides/${id}`).expect(204);
      await t.api('responder').post(`/api/v1/schedules/${s.id}/overrides`, body).expect(201);
    });
  });

  describe('renderings beyond their cap', () => {
    it(`answers /shifts and /report with a 400 naming the limit of ${MAX_RENDERED_SHIFTS} shifts, and serves shorter windows`, async () => {
      const s = await busySchedule();
      // The report starts at the schedule's creation: this one must predate the window to render all of it.
      await t.dataSource.query(`UPDATE schedules SET created_at = '2025-12-01T00:00:00Z' WHERE id = $1`, [s.id]);
      const year = 'since=2026-01-01T00:00:00Z&until=2027-01-01T00:00:00Z';
      for (const view of ['shifts', 'report']) {
        const res = await t.api().get(`/api/v1/schedules/${s.id}/${view}?${year}`).expect(400);
        expect(res.body.errors).toEqual([{ field: 'until', message: expect.stringContaining(`more than ${MAX_RENDERED_SHIFTS} shifts`) }]);
      }
      const month = await t.api().get(`/api/v1/schedules/${s.id}/shifts?since=2026-01-01T00:00:00Z&until=2026-01-31T00:00:00Z`).expect(200);
      expect(month.body.shifts).toHaveLength(30 * 24 * 4);
      const report = await t.api().get(`/api/v1/schedules/${s.id}/report?since=2026-01-01T00:00:00Z&until=2026-01-31T00:00:00Z`).expect(200);
      expect(report.body.totalHours).toBe(720);
    });
  });

  describe('iCal feed', () => {
    it(`truncates a feed past ${MAX_FEED_EVENTS} events with a closing note event`, async () => {
      const s = await busySchedule();
      const res = await t.http().get(feedPath(s)).expect(200);
      const lines = unfolded(res.text);
      expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(MAX_FEED_EVENTS + 1);
      const last = lines.slice(lines.lastIndexOf('BEGIN:VEVENT'));
      // The feed covers 2026-02-23T00:00Z to 2026-05-31T00:00Z; four shifts an hour fill 5,000 events by 2026-04-16 02:00Z.
      expect(last).toEqual(
        expect.arrayContaining([
          'DTSTART:20260416T020000Z',
          'DTEND:20260531T000000Z',
          expect.stringMatching(/^SUMMARY:More shifts of Schedule .* not shown$/),
          'TRANSP:TRANSPARENT',
          'END:VEVENT',
        ]),
      );
      expect(lines.at(-2)).toBe('END:VCALENDAR');
    });

    it("gives a person's own feed exactly that person's events of the whole feed", async () => {
      // Bob sits in the middle layer (the one below him is left out of his feed) and covers one override.
      const dora = await createUser(t, { name: 'Dora Example' });
      const daily = { unit: 'day', length: 1, handoff: '2026-01-05T09:00:00Z' };
      const s = await createSchedule(t, {
        timeZone: 'UTC',
        layers: [
          layerBody([dora.id], { rotation: daily }),
          layerBody([bob.id, alice.id, bob.id], { rotation: daily, restrictions: [{ type: 'daily', startTime: '08:00', endTime: '20:00' }] }),
          layerBody([alice.id, dora.id], { rotation: daily, restrictions: [{ type: 'weekly', startDay: 'sat', startTime: '00:00', endDay: 'mon', endTime: '00:00' }] }),
        ],
      });
      await t.api().post(`/api/v1/schedules/${s.id}/overrides`, { userId: bob.id, start: '2026-03-04T18:00:00Z', end: '2026-03-05T02:00:00Z' }).expect(201);
      const events = (text: string, userId: string) =>
        unfolded(text)
          .join('\n')
          .split('BEGIN:VEVENT')
          .slice(1)
          .filter((e) => e.includes(`UID:${s.id}-${userId}-`))
          .map((e) => e.match(/DTSTART:\S+\nDTEND:\S+/)![0]);
      const whole = (await t.http().get(feedPath(s)).expect(200)).text;
      const own = (await t.http().get(`${feedPath(s)}&userId=${bob.id}`).expect(200)).text;
      expect(events(whole, bob.id).length).toBeGreaterThan(40);
      expect(events(own, bob.id)).toEqual(events(whole, bob.id));
      expect(own.match(/BEGIN:VEVENT/g)).toHaveLength(events(whole, bob.id).length);
    });

    it('escapes names: nothing in them can start a line of its own', async () => {
      const s = await createSchedule(t, { layers: [layerBody([alice.id])] });
      // The API refuses control characters in names; these come straight from the database.
      await t.dataSource.query('UPDATE schedules SET name = $1 WHERE id = $2', ['Sched\r\nX-INJ:1\nBEGIN:VALARM', s.id]);
      const mallory = await createUser(t, { name: 'Mallory' });
      await t.dataSource.query('UPDATE users SET name = $1 WHERE id = $2', ['Mal;lory, \\ "the\u0007 admin"\rEND:VEVENT', mallory.id]);
      await t.api().post(`/api/v1/schedules/${s.id}/overrides`, { userId: mallory.id, start: '2026-03-03T10:00:00Z', end: '2026-03-03T12:00:00Z' }).expect(201);

      const res = await t.http().get(feedPath(s)).expect(200);
      expect(res.text).not.toMatch(/\r(?!\n)|(?<!\r)\n/); // only CRLF line ends
      const lines = unfolded(res.text);
      expect(lines.filter((l) => /^(X-INJ|BEGIN:VALARM)/.test(l))).toEqual([]);
      expect(lines.filter((l) => l === 'END:VEVENT')).toHaveLength(lines.filter((l) => l === 'BEGIN:VEVENT').length);
      expect(lines).toContain('NAME:On call: Sched\\nX-INJ:1\\nBEGIN:VALARM');
      expect(lines).toContain('X-WR-CALNAME:On call: Sched\\nX-INJ:1\\nBEGIN:VALARM');
      expect(lines).toContain('SUMMARY:On call: Mal\\;lory\\, \\\\ "the admin"\\nEND:VEVENT (Sched\\nX-INJ:1\\nBEGIN:VALARM)');
      expect(lines.slice(0, -1).filter((l) => l === '')).toEqual([]); // no blank line; the text ends with CRLF
    });

    it('is rendered once per day and version, and served from PostgreSQL by every instance', async () => {
      const s = await createSchedule(t, { layers: [layerBody([alice.id, bob.id])] });
      const other = await createTestApp({ databaseUrl: t.db.url, clock: new FakeClock('2026-03-02T21:30:00Z') });
      try {
        t.clock.set('2026-03-02T09:00:00Z');
        const first = await t.http().get(feedPath(s)).expect(200);
        expect(first.text).toContain('DTSTAMP:20260302T090000Z');
        // Another instance, later the same UTC day: the stored body, stamped when it was rendered.
        const shared = await other.http().get(feedPath(s)).expect(200);
        expect(shared.text).toBe(first.text);
        const rows = () => t.dataSource.query('SELECT user_id, utc_date::text AS day FROM schedule_ical_feeds WHERE schedule_id = $1', [s.id]);
        expect(await rows()).toEqual([{ user_id: null, day: '2026-03-02' }]);

        // A renamed person is a new version.
        await other.api().patch(`/api/v1/users/${bob.id}`, { name: 'Robert Example' }).expect(200);
        const renamed = await other.http().get(feedPath(s)).expect(200);
        expect(renamed.text).toContain('DTSTAMP:20260302T213000Z');
        expect(renamed.text).toContain('On call: Robert Example');
        expect(renamed.text).not.toContain('Bob Example');
        expect((await t.http().get(feedPath(s)).expect(200)).text).toBe(renamed.text);

        // So is a new override (bob stands in during alice's week).
        await t.api().post(`/api/v1/schedules/${s.id}/overrides`, { userId: bob.id, start: '2026-03-04T10:00:00Z', end: '2026-03-04T11:00:00Z' }).expect(201);
        const overridden = await t.http().get(feedPath(s)).expect(200);
        expect(overridden.text).toContain('DTSTAMP:20260302T090000Z');
        expect(overridden.text).toContain('DTSTART:20260304T100000Z');

        // A new UTC day renders afresh, and the row is replaced rather than added to.
        other.clock.set('2026-03-03T00:00:05Z');
        const nextDay = await other.http().get(feedPath(s)).expect(200);
        expect(nextDay.text).toContain('DTSTAMP:20260303T000005Z');
        expect(await rows()).toEqual([{ user_id: null, day: '2026-03-03' }]);

        // A person's own feed has a row of its own.
        await other.http().get(`${feedPath(s)}&userId=${alice.id}`).expect(200);
        expect((await rows()).map((r: { user_id: string | null }) => r.user_id).sort()).toEqual([alice.id, null].sort());
      } finally {
        await other.close();
      }
    });
  });
});
