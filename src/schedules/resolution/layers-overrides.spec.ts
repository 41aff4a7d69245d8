import { compileSchedule, InvalidScheduleError } from './compile-schedule';
import { LayerSnapshot } from './schedule-snapshot';
import { ON_CALL_HORIZON_MS, onCallAt, shifts, userOnCallAt } from './schedule-resolver';
import { at, iso, layer, override, rows, schedule } from './schedule-builders.test-helper';

const NY = 'America/New_York';
const WEEKLY = { unit: 'week' as const, length: 1, handoff: at('2026-01-05T09:00:00-05:00') };

/** One user around the clock: makes whichever layer decides easy to read. */
const solo = (user: string, partial: Partial<LayerSnapshot> = {}): LayerSnapshot =>
  layer({ name: user, rotation: WEEKLY, users: [user], ...partial });

describe('layers', () => {
  it('the topmost (last) active layer decides', () => {
    const snapshot = schedule(NY, [solo('bottom'), solo('top')]);
    expect(userOnCallAt(snapshot, at('2026-01-12T12:00:00Z'))).toBe('top');
  });

  it('a restricted top layer lets the layer below show through outside its windows', () => {
    const top = solo('top', { restrictions: [{ type: 'daily', startTime: '09:00', endTime: '17:00' }] });
    const rendered = rows(shifts(schedule(NY, [solo('bottom'), top]), at('2026-01-12T05:00:00Z'), at('2026-01-13T05:00:00Z')));
    expect(rendered).toEqual([
      ['bottom', '2026-01-12T05:00:00Z', '2026-01-12T14:00:00Z'],
      ['top', '2026-01-12T14:00:00Z', '2026-01-12T22:00:00Z'],
      ['bottom', '2026-01-12T22:00:00Z', '2026-01-13T05:00:00Z'],
    ]);
  });

  it('a layer counts only from its start and until (excluding) its end', () => {
    const top = solo('top', { start: at('2026-01-12T10:00:00Z'), end: at('2026-01-12T12:00:00Z') });
    const snapshot = schedule(NY, [solo('bottom'), top]);
    expect(rows(shifts(snapshot, at('2026-01-12T09:00:00Z'), at('2026-01-12T13:00:00Z')))).toEqual([
      ['bottom', '2026-01-12T09:00:00Z', '2026-01-12T10:00:00Z'],
      ['top', '2026-01-12T10:00:00Z', '2026-01-12T12:00:00Z'],
      ['bottom', '2026-01-12T12:00:00Z', '2026-01-12T13:00:00Z'],
    ]);
    expect(userOnCallAt(snapshot, at('2026-01-12T11:59:59.999Z'))).toBe('top');
    expect(userOnCallAt(snapshot, at('2026-01-12T12:00:00Z'))).toBe('bottom');
  });

  it('a layer with no users covers nothing, even when it is on top', () => {
    const snapshot = schedule(NY, [solo('bottom'), layer({ rotation: WEEKLY, users: [] })]);
    expect(userOnCallAt(snapshot, at('2026-01-12T12:00:00Z'))).toBe('bottom');
    expect(userOnCallAt(schedule(NY, [layer({ rotation: WEEKLY, users: [] })]), at('2026-01-12T12:00:00Z'))).toBeNull();
  });

  it('renders gaps as userId null where no layer is active or covering', () => {
    const early = solo('early', { end: at('2026-01-12T10:00:00Z') });
    const late = solo('late', { start: at('2026-01-12T12:00:00Z') });
    expect(rows(shifts(schedule(NY, [early, late]), at('2026-01-12T09:00:00Z'), at('2026-01-12T13:00:00Z')))).toEqual([
      ['early', '2026-01-12T09:00:00Z', '2026-01-12T10:00:00Z'],
      [null, '2026-01-12T10:00:00Z', '2026-01-12T12:00:00Z'],
      ['late', '2026-01-12T12:00:00Z', '2026-01-12T13:00:00Z'],
    ]);
    expect(onCallAt(schedule(NY, [early, late]), at('2026-01-12T11:00:00Z'))).toEqual({
      userId: null,
      start: at('2026-01-12T10:00:00Z'),
      end: at('2026-01-12T12:00:00Z'),
    });
  });

  it('a schedule without layers or overrides is one gap', () => {
    expect(rows(shifts(schedule(NY, []), at('2026-01-01T00:00:00Z'), at('2026-02-01T00:00:00Z')))).toEqual([
      [null, '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z'],
    ]);
  });
});

describe('overrides', () => {
  const base = [solo('rota')];

  it('an override replaces the layers while it lasts, including over a gap', () => {
    const gapLayer = solo('rota', { end: at('2026-01-12T11:00:00Z') });
    const snapshot = schedule(NY, [gapLayer], [
      override('o1', 'stand-in', '2026-01-12T10:00:00Z', '2026-01-12T12:00:00Z', '2026-01-01T00:00:00Z'),
    ]);
    expect(rows(shifts(snapshot, at('2026-01-12T09:00:00Z'), at('2026-01-12T13:00:00Z')))).toEqual([
      ['rota', '2026-01-12T09:00:00Z', '2026-01-12T10:00:00Z'],
      ['stand-in', '2026-01-12T10:00:00Z', '2026-01-12T12:00:00Z'],
      [null, '2026-01-12T12:00:00Z', '2026-01-12T13:00:00Z'],
    ]);
  });

  it('among overlapping overrides the one created last wins, whatever the list order', () => {
    const overrides = [
      override('late-created', 'x', '2026-01-12T10:00:00Z', '2026-01-12T14:00:00Z', '2026-01-02T00:00:00Z'),
      override('early-created', 'y', '2026-01-12T12:00:00Z', '2026-01-12T16:00:00Z', '2026-01-01T00:00:00Z'),
      override('newest-inner', 'z', '2026-01-12T12:30:00Z', '2026-01-12T13:00:00Z', '2026-01-03T00:00:00Z'),
    ];
    const expected = [
      ['rota', '2026-01-12T09:00:00Z', '2026-01-12T10:00:00Z'],
      ['x', '2026-01-12T10:00:00Z', '2026-01-12T12:30:00Z'],
      ['z', '2026-01-12T12:30:00Z', '2026-01-12T13:00:00Z'],
      ['x', '2026-01-12T13:00:00Z', '2026-01-12T14:00:00Z'],
      ['y', '2026-01-12T14:00:00Z', '2026-01-12T16:00:00Z'],
      ['rota', '2026-01-12T16:00:00Z', '2026-01-12T17:00:00Z'],
    ];
    for (const list of [overrides, [...overrides].reverse()]) {
      const snapshot = schedule(NY, base, list);
      expect(rows(shifts(snapshot, at('2026-01-12T09:00:00Z'), at('2026-01-12T17:00:00Z')))).toEqual(expected);
      expect(userOnCallAt(snapshot, at('2026-01-12T13:30:00Z'))).toBe('x');
    }
  });

  it('breaks a createdAt tie by the greater id, so list order never matters', () => {
    const a = override('a', 'user-a', '2026-01-12T10:00:00Z', '2026-01-12T11:00:00Z', '2026-01-01T00:00:00Z');
    const b = override('b', 'user-b', '2026-01-12T10:00:00Z', '2026-01-12T11:00:00Z', '2026-01-01T00:00:00Z');
    expect(userOnCallAt(schedule(NY, base, [a, b]), at('2026-01-12T10:30:00Z'))).toBe('user-b');
    expect(userOnCallAt(schedule(NY, base, [b, a]), at('2026-01-12T10:30:00Z'))).toBe('user-b');
  });

  it('an override is half-open and an override ending at or before its start covers nothing', () => {
    const snapshot = schedule(NY, base, [
      override('o', 'x', '2026-01-12T10:00:00Z', '2026-01-12T11:00:00Z', '2026-01-01T00:00:00Z'),
      override('bad', 'y', '2026-01-12T12:00:00Z', '2026-01-12T12:00:00Z', '2026-01-02T00:00:00Z'),
    ]);
    expect(userOnCallAt(snapshot, at('2026-01-12T10:00:00Z'))).toBe('x');
    expect(userOnCallAt(snapshot, at('2026-01-12T11:00:00Z'))).toBe('rota');
    expect(userOnCallAt(snapshot, at('2026-01-12T12:00:00Z'))).toBe('rota');
  });

  it('an override for the user already on call merges into one segment', () => {
    const snapshot = schedule(NY, base, [
      override('o', 'rota', '2026-01-12T10:00:00Z', '2026-01-12T11:00:00Z', '2026-01-01T00:00:00Z'),
    ]);
    expect(rows(shifts(snapshot, at('2026-01-12T09:00:00Z'), at('2026-01-12T12:00:00Z')))).toEqual([
      ['rota', '2026-01-12T09:00:00Z', '2026-01-12T12:00:00Z'],
    ]);
  });
});

describe('onCallAt and the API surface', () => {
  it('returns the merged segment across turns of the same user', () => {
    const snapshot = schedule(NY, [
      layer({ rotation: { unit: 'day', length: 1, handoff: at('2026-03-01T09:00:00-05:00') }, users: ['a', 'a', 'b'] }),
    ]);
    const shift = onCallAt(compileSchedule(snapshot), at('2026-03-02T12:00:00Z'));
    expect([shift.userId, iso(shift.start), iso(shift.end)]).toEqual(['a', '2026-03-01T14:00:00Z', '2026-03-03T14:00:00Z']);
  });

  it('cuts a segment that never ends at the horizon either side of t', () => {
    const t = at('2026-06-01T00:00:00Z');
    const shift = onCallAt(schedule(NY, [solo('forever', { rotation: { ...WEEKLY, unit: 'hour' } })]), t);
    expect(shift).toEqual({
      userId: 'forever',
      start: new Date(t.getTime() - ON_CALL_HORIZON_MS),
      end: new Date(t.getTime() + ON_CALL_HORIZON_MS),
    });
  });

  it('renders an empty or inverted window as no shifts', () => {
    expect(shifts(schedule(NY, [solo('a')]), at('2026-01-02T00:00:00Z'), at('2026-01-02T00:00:00Z'))).toEqual([]);
    expect(shifts(schedule(NY, [solo('a')]), at('2026-01-03T00:00:00Z'), at('2026-01-02T00:00:00Z'))).toEqual([]);
  });

  it('rejects what it cannot interpret, naming the field', () => {
    const bad = (snapshot: Parameters<typeof compileSchedule>[0]) => () => compileSchedule(snapshot);
    expect(bad(schedule('Mars/Olympus_Mons', []))).toThrow(new InvalidScheduleError('timeZone', 'unknown IANA time zone "Mars/Olympus_Mons"'));
    expect(bad(schedule(NY, [solo('a', { rotation: { ...WEEKLY, length: 0 } })]))).toThrow('layers[0].rotation.length');
    expect(bad(schedule(NY, [solo('a', { restrictions: [{ type: 'daily', startTime: '24:00', endTime: '01:00' }] })]))).toThrow(
      'layers[0].restrictions[0].startTime',
    );
    expect(() => userOnCallAt(schedule(NY, []), new Date(Number.NaN))).toThrow(RangeError);
  });
});
