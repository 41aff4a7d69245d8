import { createSchedule, createUser, layerBody } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

const ISO_MS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

describe('schedules API: CRUD, validation, permissions (real PostgreSQL)', () => {
  let t: TestApp;
  let alice: { id: string };
  let bob: { id: string };
  beforeAll(async () => {
    t = await createTestApp();
    alice = await createUser(t, { name: 'Alice' });
    bob = await createUser(t, { name: 'Bob' });
  });
  afterAll(async () => {
    await t.close();
  });

  describe('CRUD', () => {
    it('creates a schedule and reads it back with layers in UTC, an iCal URL and no overrides', async () => {
      const created = await createSchedule(t, {
        name: 'Platform',
        layers: [
          layerBody([alice.id, bob.id, alice.id], {
            start: '2026-01-05T00:00:00-05:00',
            end: '2026-12-31T00:00:00+01:00',
            restrictions: [
              { type: 'daily', startTime: '22:00', endTime: '06:00' },
              { type: 'weekly', startDay: 'fri', startTime: '18:00', endDay: 'mon', endTime: '08:00' },
            ],
          }),
        ],
      });
      const res = await t.api().get(`/api/v1/schedules/${created.id}`).expect(200);
      expect(res.body).toMatchObject({ id: created.id, name: 'Platform', timeZone: 'America/New_York', overrides: [] });
      expect(res.body.layers).toEqual([
        {
          name: 'Primary',
          start: '2026-01-05T05:00:00.000Z',
          end: '2026-12-30T23:00:00.000Z',
          rotation: { unit: 'week', length: 1, handoff: '2026-01-05T14:00:00.000Z' },
          users: [alice.id, bob.id, alice.id],
          restrictions: [
            { type: 'daily', startTime: '22:00', endTime: '06:00' },
            { type: 'weekly', startDay: 'fri', startTime: '18:00', endDay: 'mon', endTime: '08:00' },
          ],
        },
      ]);
      expect(res.body.createdAt).toMatch(ISO_MS);
      expect(res.body.icalUrl).toMatch(new RegExp(`/api/v1/schedules/${created.id}/ical\\?token=[A-Za-z0-9_-]{43}$`));
    });

    it('lists schedules with pagination', async () => {
      await createSchedule(t);
      await createSchedule(t);
      const first = await t.api().get('/api/v1/schedules?limit=1').expect(200);
      expect(first.body.items).toHaveLength(1);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await t.api().get(`/api/v1/schedules?limit=1&cursor=${first.body.nextCursor}`).expect(200);
      expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    });

    it('PUT replaces name, zone and layers and keeps overrides', async () => {
      const s = await createSchedule(t, { layers: [layerBody([alice.id]), layerBody([bob.id])] });
      await t
        .api()
        .post(`/api/v1/schedules/${s.id}/overrides`, { userId: bob.id, start: '2026-03-03T00:00:00Z', end: '2026-03-04T00:00:00Z' })
        .expect(201);
      const res = await t
        .api()
        .put(`/api/v1/schedules/${s.id}`, {
          name: 'Renamed',
          timeZone: 'Europe/London',
          layers: [layerBody([bob.id], { name: 'Only', rotation: { unit: 'day', length: 2, handoff: '2026-01-05T09:00:00Z' } })],
        })
        .expect(200);
      expect(res.body).toMatchObject({ name: 'Renamed', timeZone: 'Europe/London' });
      expect(res.body.layers).toHaveLength(1);
      expect(res.body.layers[0]).toMatchObject({ name: 'Only', users: [bob.id], rotation: { unit: 'day', length: 2 } });
      expect(res.body.overrides).toHaveLength(1);
    });

    it('PATCH changes only the fields given, checks them as on create, keeps overrides and is audited', async () => {
      const s = await createSchedule(t, { name: 'Patch me', layers: [layerBody([alice.id])] });
      const override = await t
        .api()
        .post(`/api/v1/schedules/${s.id}/overrides`, { userId: bob.id, start: '2026-03-03T00:00:00Z', end: '2026-03-04T00:00:00Z' })
        .expect(201);
      const before = (await t.api().get(`/api/v1/schedules/${s.id}`).expect(200)).body;

      const renamed = await t.api().patch(`/api/v1/schedules/${s.id}`, { name: '  Patched  ' }).expect(200);
      expect(renamed.body).toMatchObject({ name: 'Patched', timeZone: 'America/New_York', layers: before.layers });
      expect(renamed.body.overrides.map((o: { id: string }) => o.id)).toEqual([override.body.id]);

      const rezoned = await t.api().patch(`/api/v1/schedules/${s.id}`, { timeZone: 'Europe/London' }).expect(200);
      expect(rezoned.body).toMatchObject({ name: 'Patched', timeZone: 'Europe/London', layers: before.layers });

      const relayered = await t.api().patch(`/api/v1/schedules/${s.id}`, { layers: [layerBody([bob.id, alice.id], { name: 'Pair' })] }).expect(200);
      expect(relayered.body).toMatchObject({ name: 'Patched', timeZone: 'Europe/London' });
      expect(relayered.body.layers).toEqual([expect.objectContaining({ name: 'Pair', users: [bob.id, alice.id] })]);

      // Each field given is checked as on create; nothing is written when one is refused.
      const badZone = await t.api().patch(`/api/v1/schedules/${s.id}`, { name: 'Never', timeZone: 'Mars/Olympus' }).expect(400);
      expect(fields(badZone.body)).toEqual(['timeZone']);
      const badLayer = await t
        .api()
        .patch(`/api/v1/schedules/${s.id}`, { layers: [layerBody([alice.id], { start: '2026-02-01T00:00:00Z', end: '2026-01-01T00:00:00Z' })] })
        .expect(400);
      expect(fields(badLayer.body)).toEqual(['layers.0.end']);
      const unknownUser = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
      const unknown = await t.api().patch(`/api/v1/schedules/${s.id}`, { layers: [layerBody([unknownUser])] }).expect(400);
      expect(fields(unknown.body)).toEqual(['layers.0.users']);
      const nullName = await t.api().patch(`/api/v1/schedules/${s.id}`, { name: null }).expect(400);
      expect(fields(nullName.body)).toEqual(['name']);
      expect(fields((await t.api().patch(`/api/v1/schedules/${s.id}`, { name: '' }).expect(400)).body)).toEqual(['name']);
      const after = (await t.api().get(`/api/v1/schedules/${s.id}`).expect(200)).body;
      expect(after).toMatchObject({ name: 'Patched', timeZone: 'Europe/London', layers: relayered.body.layers });

      await t.api().patch('/api/v1/schedules/7c9e6679-7425-40de-944b-e07fc1f90ae7', { name: 'x' }).expect(404);
      await t.api('responder').patch(`/api/v1/schedules/${s.id}`, { name: 'x' }).expect(403);
      await t.api('readOnly').patch(`/api/v1/schedules/${s.id}`, { name: 'x' }).expect(403);

      const audit = (await t.api('readOnly').get(`/api/v1/audit-log?resourceType=schedule&resourceId=${s.id}`).expect(200)).body.items;
      const patches = audit.filter((e: { method: string }) => e.method === 'PATCH');
      expect(patches.map((e: { action: string; status: number }) => [e.action, e.status])).toEqual([
        ['update', 200],
        ['update', 200],
        ['update', 200],
      ]);
      expect(patches[2]).toMatchObject({ path: `/api/v1/schedules/${s.id}`, requestBody: { name: '  Patched  ' } });
    });

    it('deletes a schedule (204, then 404) and answers 404/400 to unknown or malformed ids', async () => {
      const s = await createSchedule(t, { layers: [layerBody([alice.id])] });
      await t.api().delete(`/api/v1/schedules/${s.id}`).expect(204);
      await t.api().get(`/api/v1/schedules/${s.id}`).expect(404);
      await t.api().delete(`/api/v1/schedules/${s.id}`).expect(404);
      const bad = await t.api().get('/api/v1/schedules/nope').expect(400);
      expect(fields(bad.body)).toEqual(['id']);
    });
  });

  describe('validation: 400 naming the field', () => {
    const post = (body: Record<string, unknown>) =>
      t.api().post('/api/v1/schedules', { name: 'V', timeZone: 'America/New_York', layers: [], ...body }).expect(400);

    type Patch = { timeZone?: string; layers?: Record<string, unknown>[] };
    it.each<[string, Patch, string]>([
      ['an unknown IANA zone', { timeZone: 'Mars/Olympus' }, 'timeZone'],
      ['a bad HH:mm', { layers: [{ restrictions: [{ type: 'daily', startTime: '25:00', endTime: '06:00' }] }] }, 'layers.0.restrictions.0.startTime'],
      ['a bad weekday', { layers: [{ restrictions: [{ type: 'weekly', startDay: 'funday', startTime: '09:00', endDay: 'mon', endTime: '10:00' }] }] }, 'layers.0.restrictions.0.startDay'],
      ['a missing weekly end day', { layers: [{ restrictions: [{ type: 'weekly', startDay: 'fri', startTime: '09:00', endTime: '10:00' }] }] }, 'layers.0.restrictions.0.endDay'],
      ['a day on a daily window', { layers: [{ restrictions: [{ type: 'daily', startDay: 'mon', startTime: '09:00', endTime: '10:00' }] }] }, 'layers.0.restrictions.0.startDay'],
      ['a rotation length < 1', { layers: [{ rotation: { unit: 'day', length: 0, handoff: '2026-01-05T09:00:00Z' } }] }, 'layers.0.rotation.length'],
      ['a fractional rotation length', { layers: [{ rotation: { unit: 'day', length: 1.5, handoff: '2026-01-05T09:00:00Z' } }] }, 'layers.0.rotation.length'],
      ['an unknown rotation unit', { layers: [{ rotation: { unit: 'month', length: 1, handoff: '2026-01-05T09:00:00Z' } }] }, 'layers.0.rotation.unit'],
      ['a layer end before its start', { layers: [{ end: '2026-01-01T00:00:00Z' }] }, 'layers.0.end'],
      ['a layer end equal to its start', { layers: [{ end: '2026-01-05T00:00:00Z' }] }, 'layers.0.end'],
      ['an instant without an offset', { layers: [{ start: '2026-01-05T00:00:00' }] }, 'layers.0.start'],
      ['a field that is not part of a Layer', { layers: [{ colour: 'red' }] }, 'layers.0.colour'],
    ])('%s', async (_name, patch, field) => {
      const body = patch.layers ? { layers: patch.layers.map((l) => layerBody([alice.id], l)) } : patch;
      const res = await post(body);
      expect(fields(res.body)).toContain(field);
    });

    it('names the layer holding unknown users and writes nothing', async () => {
      const ghost = '00000000-0000-4000-8000-000000000001';
      const res = await post({ name: 'Ghosts', layers: [layerBody([alice.id]), layerBody([bob.id, ghost])] });
      expect(fields(res.body)).toEqual(['layers.1.users']);
      expect(res.body.errors[0].message).toContain(ghost);
      const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM schedules WHERE name = 'Ghosts'`);
      expect(count).toBe(0);
    });

    it('refuses more than 20 layers and more than 500 users per layer', async () => {
      const many = await post({ layers: Array.from({ length: 21 }, () => layerBody([alice.id])) });
      expect(fields(many.body)).toContain('layers');
      const crowd = await post({ layers: [layerBody(Array.from({ length: 501 }, () => alice.id))] });
      expect(fields(crowd.body)).toContain('layers.0.users');
      await t
        .api()
        .post('/api/v1/schedules', { name: 'Max', timeZone: 'UTC', layers: [layerBody(Array.from({ length: 500 }, () => alice.id))] })
        .expect(201);
    });

    it('validates overrides: end after start, a known user, a schedule that exists', async () => {
      const s = await createSchedule(t);
      const url = `/api/v1/schedules/${s.id}/overrides`;
      const inverted = await t.api().post(url, { userId: alice.id, start: '2026-03-02T10:00:00Z', end: '2026-03-02T10:00:00Z' }).expect(400);
      expect(fields(inverted.body)).toEqual(['end']);
      const ghost = await t
        .api()
        .post(url, { userId: '00000000-0000-4000-8000-000000000002', start: '2026-03-02T10:00:00Z', end: '2026-03-02T11:00:00Z' })
        .expect(400);
      expect(fields(ghost.body)).toEqual(['userId']);
      await t
        .api()
        .post('/api/v1/schedules/00000000-0000-4000-8000-000000000003/overrides', {
          userId: alice.id,
          start: '2026-03-02T10:00:00Z',
          end: '2026-03-02T11:00:00Z',
        })
        .expect(404);
    });
  });

  describe('permissions and references', () => {
    it('lets a read-only key read but not write; responders may override but not edit', async () => {
      const s = await createSchedule(t, { layers: [layerBody([alice.id])] });
      await t.api('readOnly').get(`/api/v1/schedules/${s.id}`).expect(200);
      await t.api('readOnly').post('/api/v1/schedules', { name: 'x', timeZone: 'UTC', layers: [] }).expect(403);
      await t.api('readOnly').delete(`/api/v1/schedules/${s.id}`).expect(403);
      const override = { userId: bob.id, start: '2026-03-02T10:00:00Z', end: '2026-03-02T11:00:00Z' };
      await t.api('readOnly').post(`/api/v1/schedules/${s.id}/overrides`, override).expect(403);
      await t.api('responder').put(`/api/v1/schedules/${s.id}`, { name: 'x', timeZone: 'UTC', layers: [] }).expect(403);
      const created = await t.api('responder').post(`/api/v1/schedules/${s.id}/overrides`, override).expect(201);
      await t.api('responder').delete(`/api/v1/schedules/${s.id}/overrides/${created.body.id}`).expect(204);
      await t.api(null).get(`/api/v1/schedules/${s.id}`).expect(401);
    });

    it('refuses to delete a user who is in a rotation (409 listing the schedules) until they are removed', async () => {
      const carol = await createUser(t, { name: 'Carol' });
      const s = await createSchedule(t, { name: 'Carol rota', layers: [layerBody([alice.id, carol.id])] });
      const res = await t.api().delete(`/api/v1/users/${carol.id}`).expect(409);
      expect(res.body.schedules).toEqual([{ kind: 'schedule', id: s.id, name: 'Carol rota' }]);
      expect(res.body.message).toContain('Carol rota');
      await t.api().put(`/api/v1/schedules/${s.id}`, { name: 'Carol rota', timeZone: 'UTC', layers: [layerBody([alice.id])] }).expect(200);
      await t.api().delete(`/api/v1/users/${carol.id}`).expect(204);
    });

    it('lets a user with only overrides be deleted; the overrides go with them', async () => {
      const dan = await createUser(t, { name: 'Dan' });
      const s = await createSchedule(t, { layers: [layerBody([alice.id])] });
      await t
        .api()
        .post(`/api/v1/schedules/${s.id}/overrides`, { userId: dan.id, start: '2026-03-02T10:00:00Z', end: '2026-03-02T11:00:00Z' })
        .expect(201);
      await t.api().delete(`/api/v1/users/${dan.id}`).expect(204);
      const list = await t.api().get(`/api/v1/schedules/${s.id}/overrides`).expect(200);
      expect(list.body.items).toEqual([]);
    });
  });
});
