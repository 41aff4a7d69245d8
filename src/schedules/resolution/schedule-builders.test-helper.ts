import { LayerSnapshot, OverrideSnapshot, ScheduleSnapshot, Shift } from './schedule-snapshot';

/** Builders shared by the resolver specs. Fixed instants only: nothing here reads the clock. */

export const at = (iso: string): Date => new Date(iso);

export function layer(partial: Partial<LayerSnapshot> & Pick<LayerSnapshot, 'rotation'>): LayerSnapshot {
  return {
    name: 'layer',
    start: at('2000-01-01T00:00:00Z'),
    end: null,
    users: ['a', 'b', 'c'],
    restrictions: [],
    ...partial,
  };
}

export function override(id: string, userId: string, start: string, end: string, createdAt: string): OverrideSnapshot {
  return { id, userId, start: at(start), end: at(end), createdAt: at(createdAt) };
}

export function schedule(
  timeZone: string,
  layers: LayerSnapshot[],
  overrides: OverrideSnapshot[] = [],
): ScheduleSnapshot {
  return { timeZone, layers, overrides };
}

/** Shifts as compact [userId, startZ, endZ] rows (ISO without milliseconds) for table assertions. */
export function rows(list: Shift[]): Array<[string | null, string, string]> {
  return list.map((s) => [s.userId, iso(s.start), iso(s.end)]);
}

export function iso(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}

/** Distinct user names so no two consecutive turns merge. */
export const distinctUsers = (n: number): string[] => Array.from({ length: n }, (_, i) => `u${i}`);
