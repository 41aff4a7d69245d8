import { LayerInput, Schedule } from './api/client';
// The very resolver the server uses (pure: no I/O), so a preview shows exactly the shifts a save would give.
import { LayerSnapshot, ScheduleSnapshot, shifts, Shift } from '../../src/schedules/resolution';

export type { Shift };

export function layerSnapshot(l: LayerInput): LayerSnapshot {
  return {
    name: l.name ?? 'Layer',
    start: new Date(l.start),
    end: l.end ? new Date(l.end) : null,
    rotation: { unit: l.rotation.unit, length: l.rotation.length, handoff: new Date(l.rotation.handoff) },
    users: l.users,
    restrictions: (l.restrictions ?? []).map((r) =>
      r.type === 'daily' ? { type: 'daily', startTime: r.startTime, endTime: r.endTime } : { type: 'weekly', startDay: r.startDay!, startTime: r.startTime, endDay: r.endDay!, endTime: r.endTime },
    ),
  };
}

/** The final schedule these layers would give (the schedule's overrides applied), over [since, until). */
export function previewShifts(schedule: Schedule, layers: LayerInput[], since: Date, until: Date): Shift[] {
  const snapshot: ScheduleSnapshot = {
    timeZone: schedule.timeZone,
    layers: layers.map(layerSnapshot),
    overrides: schedule.overrides.map((o) => ({ id: o.id, userId: o.userId, start: new Date(o.start), end: new Date(o.end), createdAt: new Date(o.createdAt) })),
  };
  return shifts(snapshot, since, until);
}

/** One layer alone, no overrides: the turns it hands out. */
export function layerShifts(schedule: Schedule, layer: LayerInput, since: Date, until: Date): Shift[] {
  return shifts({ timeZone: schedule.timeZone, layers: [layerSnapshot(layer)], overrides: [] }, since, until);
}

export function layersOf(schedule: Schedule): LayerInput[] {
  return schedule.layers.map((l) => ({
    name: l.name,
    start: l.start,
    end: l.end,
    rotation: { unit: l.rotation.unit, length: l.rotation.length, handoff: l.rotation.handoff },
    users: [...l.users],
    restrictions: l.restrictions.map((r) => ({ ...r })),
  }));
}
