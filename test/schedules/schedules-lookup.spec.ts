import { SchedulesService } from '../../src/schedules/schedules.service';
import { createSchedule, createUser, layerBody } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

/** The contract the escalation engine relies on: snapshots loaded once, then pure lookups. */
describe('SchedulesService lookup contract (real PostgreSQL)', () => {
  let t: TestApp;
  let service: SchedulesService;
  let alice: { id: string };
  let bob: { id: string };
  let carol: { id: string };
  let rota: { id: string };
  let nights: { id: string };
  beforeAll(async () => {
    t = await createTestApp();
    service = t.get(SchedulesService);
    alice = await createUser(t);
    bob = await createUser(t);
    carol = await createUser(t);
    rota = await createSchedule(t, { layers: [layerBody([alice.id, bob.id])] });
    nights = await createSchedule(t, {
      layers: [layerBody([bob.id], { restrictions: [{ type: 'daily', startTime: '22:00', endTime: '06:00' }] })],
    });
    await t
      .api()
      .post(`/api/v1/schedules/${rota.id}/overrides`, { userId: carol.id, start: '2026-01-07T00:00:00Z', end: '2026-01-07T06:00:00Z' })
      .expect(201);
  });
  afterAll(async () => {
    await t.close();
  });

  it('loads several schedules at once; unknown and malformed ids are simply absent', async () => {
    const ghost = '00000000-0000-4000-8000-000000000009';
    const snapshots = await service.loadSnapshots([rota.id, nights.id, ghost, 'not-a-uuid']);
    expect([...snapshots.keys()].sort()).toEqual([rota.id, nights.id].sort());
    expect(await service.existingIds([rota.id, ghost, 'x'])).toEqual([rota.id]);
    expect(service.userIdsOf(snapshots.get(rota.id)!).sort()).toEqual([alice.id, bob.id, carol.id].sort());
  });

  it('answers who is on call, overrides included, and within a caller transaction', async () => {
    const snapshots = await t.dataSource.transaction((em) => service.loadSnapshots([rota.id, nights.id], em));
    const s = snapshots.get(rota.id)!;
    expect(service.onCallAt(s, new Date('2026-01-06T12:00:00Z'))).toBe(alice.id);
    expect(service.onCallAt(s, new Date('2026-01-07T03:00:00Z'))).toBe(carol.id);
    expect(service.onCallAt(s, new Date('2026-01-12T15:00:00Z'))).toBe(bob.id);
    expect(service.onCallAt(s, new Date('2026-01-04T00:00:00Z'))).toBeNull();
    const n = snapshots.get(nights.id)!;
    expect(service.onCallAt(n, new Date('2026-01-06T04:00:00Z'))).toBe(bob.id); // 23:00 in New York
    expect(service.onCallAt(n, new Date('2026-01-06T17:00:00Z'))).toBeNull(); // noon
  });

  it('reports gaps in a window and the segment containing an instant', async () => {
    const snapshots = await service.loadSnapshots([rota.id, nights.id]);
    const s = snapshots.get(rota.id)!;
    const n = snapshots.get(nights.id)!;
    expect(service.hasGap(s, new Date('2026-01-06T00:00:00Z'), new Date('2026-02-06T00:00:00Z'))).toBe(false);
    expect(service.hasGap(s, new Date('2026-01-04T00:00:00Z'), new Date('2026-01-06T00:00:00Z'))).toBe(true);
    expect(service.hasGap(n, new Date('2026-01-06T04:00:00Z'), new Date('2026-01-06T05:00:00Z'))).toBe(false);
    expect(service.hasGap(n, new Date('2026-01-06T04:00:00Z'), new Date('2026-01-06T12:00:00Z'))).toBe(true);

    expect(await service.segmentAt(s, new Date('2026-01-07T03:00:00Z'))).toEqual({
      userId: carol.id,
      start: new Date('2026-01-07T00:00:00Z'),
      end: new Date('2026-01-07T06:00:00Z'),
    });
    expect(await service.segmentAt(n, new Date('2026-01-06T17:00:00Z'))).toEqual({
      userId: null,
      start: new Date('2026-01-06T11:00:00Z'),
      end: new Date('2026-01-07T03:00:00Z'),
    });
    const solo = await createSchedule(t, { layers: [layerBody([alice.id])] });
    const soloSnapshot = (await service.loadSnapshots([solo.id])).get(solo.id)!;
    expect(await service.segmentAt(soloSnapshot, new Date('2026-06-01T00:00:00Z'))).toEqual({
      userId: alice.id,
      start: new Date('2026-01-05T00:00:00Z'),
      end: null,
    });
  });
});
