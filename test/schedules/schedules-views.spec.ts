import { createSchedule, createUser, layerBody } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

/** Fixed instants; "now" is the FakeClock's 2026-03-02T09:00:00Z (04:00 in New York). */
describe('schedules API: on call, shifts, overrides, report, iCal (real PostgreSQL)', () => {
  let t: TestApp;
  let alice: { id: string };
  let bob: { id: string };
  let carol: { id: string };
  let weekly: { id: string; icalUrl: string };
  beforeAll(async () => {
    t = await createTestApp();
    alice = await createUser(t, { name: 'Alice Example' });
    bob = await createUser(t, { name: 'Bob Example' });
    carol = await createUser(t, { name: 'Carol Example' });
    // Weekly, Mondays 09:00 New York; the layer starts 14 hours before the first handoff (turn k = -1: bob).
    weekly = await createSchedule(t, { layers: [layerBody([alice.id, bob.id])] });
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (url: string) => t.api().get(url).expect(200);

  describe('on call', () => {
    it('answers the segment containing `at`, including turns before the handoff', async () => {
      const res = await get(`/api/v1/schedules/${weekly.id}/oncall?at=2026-01-06T12:00:00-05:00`);
      expect(res.body).toEqual({
        at: '2026-01-06T17:00:00.000Z',
        userId: alice.id,
        userName: 'Alice Example',
        start: '2026-01-05T14:00:00.000Z',
        end: '2026-01-12T14:00:00.000Z',
        timeZone: 'America/New_York',
        atLocal: '2026-01-06T12:00:00.000-05:00',
        startLocal: '2026-01-05T09:00:00.000-05:00',
        endLocal: '2026-01-12T09:00:00.000-05:00',
      });
      const before = await get(`/api/v1/schedules/${weekly.id}/oncall?at=2026-01-05T03:00:00Z`);
      expect(before.body).toMatchObject({ userId: bob.id, start: '2026-01-05T00:00:00.000Z', end: '2026-01-05T14:00:00.000Z' });
    });

    it('defaults `at` to now (the injected clock)', async () => {
      t.clock.set('2026-03-02T09:00:00Z');
      const res = await get(`/api/v1/schedules/${weekly.id}/oncall`);
      // 2026-03-02 04:00 EST is before that Monday's 09:00 handoff: the turn of 2026-02-23 (k = 7, bob).
      expect(res.body).toEqual({
        at: '2026-03-02T09:00:00.000Z',
        userId: bob.id,
        userName: 'Bob Example',
        start: '2026-02-23T14:00:00.000Z',
        end: '2026-03-02T14:00:00.000Z',
        timeZone: 'America/New_York',
        atLocal: '2026-03-02T04:00:00.000-05:00',
        startLocal: '2026-02-23T09:00:00.000-05:00',
        endLocal: '2026-03-02T09:00:00.000-05:00',
      });
    });

    it('gives null bounds beyond one year and a null user in a gap', async () => {
      const solo = await createSchedule(t, { layers: [layerBody([carol.id])] });
      const res = await get(`/api/v1/schedules/${solo.id}/oncall?at=2026-03-02T00:00:00Z`);
      expect(res.body).toMatchObject({ at: '2026-03-02T00:00:00.000Z', userId: carol.id, userName: 'Carol Example', start: '2026-01-05T00:00:00.000Z', end: null });
      expect(res.body).toMatchObject({ startLocal: '2026-01-04T19:00:00.000-05:00', endLocal: null });
      const empty = await createSchedule(t);
      const gap = await get(`/api/v1/schedules/${empty.id}/oncall?at=2026-03-02T00:00:00Z`);
      expect(gap.body).toEqual({
        at: '2026-03-02T00:00:00.000Z',
        userId: null,
        userName: null,
        start: null,
        end: null,
        timeZone: 'America/New_York',
        atLocal: '2026-03-01T19:00:00.000-05:00',
        startLocal: null,
        endLocal: null,
      });
    });
  });

  describe('shifts', () => {
    it('keeps a daily 09:00 handoff at 09:00 local across spring-forward', async () => {
      const daily = await createSchedule(t, {
        layers: [layerBody([alice.id, bob.id], { rotation: { unit: 'day', length: 1, handoff: '2026-03-01T09:00:00-05:00' } })],
      });
      const res = await get(`/api/v1/schedules/${daily.id}/shifts?since=2026-03-07T09:00:00-05:00&until=2026-03-09T09:00:00-04:00`);
      expect(res.body).toEqual({
        since: '2026-03-07T14:00:00.000Z',
        until: '2026-03-09T13:00:00.000Z',
        timeZone: 'America/New_York',
        shifts: [
          {
            userId: alice.id,
            userName: 'Alice Example',
            start: '2026-03-07T14:00:00.000Z',
            end: '2026-03-08T13:00:00.000Z',
            startLocal: '2026-03-07T09:00:00.000-05:00',
            endLocal: '2026-03-08T09:00:00.000-04:00',
          },
          {
            userId: bob.id,
            userName: 'Bob Example',
            start: '2026-03-08T13:00:00.000Z',
            end: '2026-03-09T13:00:00.000Z',
            startLocal: '2026-03-08T09:00:00.000-04:00',
            endLocal: '2026-03-09T09:00:00.000-04:00',
          },
        ],
      });
    });

    it('marks gaps from restrictions and layer edges', async () => {
      const business = await createSchedule(t, {
        layers: [layerBody([alice.id], { end: '2026-03-04T00:00:00Z', restrictions: [{ type: 'daily', startTime: '09:00', endTime: '17:00' }] })],
      });
      const res = await get(`/api/v1/schedules/${business.id}/shifts?since=2026-03-03T00:00:00Z&until=2026-03-05T00:00:00Z`);
      expect(res.body.shifts.map(({ userId, userName, start, end }: Record<string, unknown>) => ({ userId, userName, start, end }))).toEqual([
        { userId: null, userName: null, start: '2026-03-03T00:00:00.000Z', end: '2026-03-03T14:00:00.000Z' },
        { userId: alice.id, userName: 'Alice Example', start: '2026-03-03T14:00:00.000Z', end: '2026-03-03T22:00:00.000Z' },
        { userId: null, userName: null, start: '2026-03-03T22:00:00.000Z', end: '2026-03-05T00:00:00.000Z' },
      ]);
      expect(res.body.shifts[1]).toMatchObject({ startLocal: '2026-03-03T09:00:00.000-05:00', endLocal: '2026-03-03T17:00:00.000-05:00' });
    });

    it('refuses windows over one year or inverted (400 naming until)', async () => {
      const long = await t.api().get(`/api/v1/schedules/${weekly.id}/shifts?since=2026-01-01T00:00:00Z&until=2027-01-03T00:00:00Z`).expect(400);
      expect(long.body.errors[0].field).toBe('until');
      const inverted = await t.api().get(`/api/v1/schedules/${weekly.id}/shifts?since=2026-01-02T00:00:00Z&until=2026-01-01T00:00:00Z`).expect(400);
      expect(inverted.body.errors[0].field).toBe('until');
      await get(`/api/v1/schedules/${weekly.id}/shifts?since=2026-01-01T00:00:00Z&until=2027-01-01T00:00:00Z`);
      const bad = await t.api().get(`/api/v1/schedules/${weekly.id}/shifts?since=yesterday`).expect(400);
      expect(bad.body.errors[0].field).toBe('since');
    });
  });

  describe('overrides', () => {
    it('lets the latest created override win and restores the layers when one is deleted', async () => {
      const s = await createSchedule(t, { layers: [layerBody([alice.id])] });
      const url = `/api/v1/schedules/${s.id}`;
      const at = (instant: string) => get(`${url}/oncall?at=${instant}`).then((r) => r.body.userId);
      const wide = await t.api().post(`${url}/overrides`, { userId: bob.id, start: '2026-03-10T10:00:00Z', end: '2026-03-10T20:00:00Z' }).expect(201);
      expect(wide.body).toMatchObject({ userId: bob.id, start: '2026-03-10T10:00:00.000Z', end: '2026-03-10T20:00:00.000Z' });
      const narrow = await t.api().post(`${url}/overrides`, { userId: carol.id, start: '2026-03-10T12:00:00Z', end: '2026-03-10T14:00:00Z' }).expect(201);
      const again = await t.api().post(`${url}/overrides`, { userId: bob.id, start: '2026-03-10T13:00:00Z', end: '2026-03-10T14:00:00Z' }).expect(201);
      expect([await at('2026-03-10T11:00:00Z'), await at('2026-03-10T12:30:00Z'), await at('2026-03-10T13:30:00Z')]).toEqual([bob.id, carol.id, bob.id]);
      const shifts = await get(`${url}/shifts?since=2026-03-10T00:00:00Z&until=2026-03-11T00:00:00Z`);
      expect(shifts.body.shifts.map((x: { userId: string }) => x.userId)).toEqual([alice.id, bob.id, carol.id, bob.id, alice.id]);

      await t.api().delete(`${url}/overrides/${again.body.id}`).expect(204);
      expect(await at('2026-03-10T13:30:00Z')).toBe(carol.id);
      await t.api().delete(`${url}/overrides/${narrow.body.id}`).expect(204);
      expect(await at('2026-03-10T13:30:00Z')).toBe(bob.id);
      await t.api().delete(`${url}/overrides/${narrow.body.id}`).expect(404);

      const listed = await get(`${url}/overrides?since=2026-03-10T19:00:00Z&until=2026-03-11T00:00:00Z`);
      expect(listed.body.items.map((o: { id: string }) => o.id)).toEqual([wide.body.id]);
      const none = await get(`${url}/overrides?since=2026-03-11T00:00:00Z`);
      expect(none.body.items).toEqual([]);
    });
  });

  describe('nextGap', () => {
    it('is null when covered for 14 days, else the first gap from now (cut at 14 days)', async () => {
      t.clock.set('2026-03-02T09:00:00Z');
      expect((await get(`/api/v1/schedules/${weekly.id}`)).body.nextGap).toBeNull();
      const ending = await createSchedule(t, { layers: [layerBody([alice.id], { end: '2026-03-05T00:00:00Z' })] });
      expect((await get(`/api/v1/schedules/${ending.id}`)).body.nextGap).toEqual({
        start: '2026-03-05T00:00:00.000Z',
        end: '2026-03-16T09:00:00.000Z',
      });
      const daytime = await createSchedule(t, {
        layers: [layerBody([alice.id], { restrictions: [{ type: 'daily', startTime: '09:00', endTime: '17:00' }] })],
      });
      expect((await get(`/api/v1/schedules/${daytime.id}`)).body.nextGap).toEqual({
        start: '2026-03-02T09:00:00.000Z',
        end: '2026-03-02T14:00:00.000Z',
      });
    });
  });

  describe('fairness report', () => {
    it('sums hours per user and hours of gap from the rendering', async () => {
      // The report starts no earlier than the schedule's creation: make this one older than the window.
      await t.dataSource.query(`UPDATE schedules SET created_at = '2025-12-01T00:00:00Z' WHERE id = $1`, [weekly.id]);
      const res = await get(`/api/v1/schedules/${weekly.id}/report?since=2026-01-04T14:00:00Z&until=2026-01-19T14:00:00Z`);
      expect(res.body).toMatchObject({
        since: '2026-01-04T14:00:00.000Z',
        requestedSince: '2026-01-04T14:00:00.000Z',
        until: '2026-01-19T14:00:00.000Z',
        timeZone: 'America/New_York',
        sinceLocal: '2026-01-04T09:00:00.000-05:00',
        untilLocal: '2026-01-19T09:00:00.000-05:00',
        totalHours: 360,
        gapHours: 10,
      });
      expect(res.body.users).toEqual([
        { userId: alice.id, userName: 'Alice Example', hours: 168, shifts: 1, share: 0.4667 },
        { userId: bob.id, userName: 'Bob Example', hours: 182, shifts: 2, share: 0.5056 },
      ].sort((a, b) => b.hours - a.hours));
    });

    it('is clipped at the schedule’s creation and says so in `since`', async () => {
      const young = await createSchedule(t, { layers: [layerBody([carol.id], { start: '2026-01-01T00:00:00Z' })] });
      await t.dataSource.query(`UPDATE schedules SET created_at = '2026-02-01T12:00:00Z' WHERE id = $1`, [young.id]);
      const res = await get(`/api/v1/schedules/${young.id}/report?since=2026-01-15T12:00:00Z&until=2026-02-11T12:00:00Z`);
      expect(res.body).toMatchObject({
        since: '2026-02-01T12:00:00.000Z',
        requestedSince: '2026-01-15T12:00:00.000Z',
        until: '2026-02-11T12:00:00.000Z',
        sinceLocal: '2026-02-01T07:00:00.000-05:00',
        totalHours: 240,
        gapHours: 0,
        users: [{ userId: carol.id, userName: 'Carol Example', hours: 240, shifts: 1, share: 1 }],
      });
      // The default window (the last 30 days before now, 2026-03-02T09:00Z) is clipped the same way.
      t.clock.set('2026-03-02T09:00:00Z');
      const byDefault = await get(`/api/v1/schedules/${young.id}/report`);
      expect(byDefault.body).toMatchObject({ since: '2026-02-01T12:00:00.000Z', requestedSince: '2026-01-31T09:00:00.000Z', until: '2026-03-02T09:00:00.000Z' });
      // A window that ends before the schedule existed counts nothing.
      const before = await get(`/api/v1/schedules/${young.id}/report?since=2026-01-02T00:00:00Z&until=2026-01-03T00:00:00Z`);
      expect(before.body).toMatchObject({ since: '2026-01-03T00:00:00.000Z', until: '2026-01-03T00:00:00.000Z', totalHours: 0, gapHours: 0, users: [] });
    });
  });

  describe('iCal feed', () => {
    it('serves text/calendar by token without an API key, per schedule or per user', async () => {
      t.clock.set('2026-03-02T09:00:00Z');
      const path = weekly.icalUrl.replace(/^https?:\/\/[^/]+/, '');
      const res = await t.http().get(path).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/calendar/);
      expect(res.text).toContain('BEGIN:VCALENDAR');
      expect(res.text).toContain('SUMMARY:On call: Alice Example');
      expect(res.text).toContain('SUMMARY:On call: Bob Example');
      // 7 days back to 90 ahead of a weekly rotation: 15 turns, partly cut at the edges.
      expect(res.text.match(/BEGIN:VEVENT/g)).toHaveLength(15);
      expect(res.text).toContain('DTSTART:20260223T140000Z');

      const onlyAlice = await t.http().get(`${path}&userId=${alice.id}`).expect(200);
      expect(onlyAlice.text).not.toContain('Bob Example');
      expect(onlyAlice.text.match(/BEGIN:VEVENT/g)!.length).toBeGreaterThan(5);
    });

    it('answers 404 to a wrong or missing token', async () => {
      await t.http().get(`/api/v1/schedules/${weekly.id}/ical?token=${'A'.repeat(43)}`).expect(404);
      await t.http().get(`/api/v1/schedules/${weekly.id}/ical`).expect(404);
    });
  });
});
