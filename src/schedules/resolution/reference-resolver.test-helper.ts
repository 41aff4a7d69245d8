import { DateTime, IANAZone } from 'luxon';
import { LayerSnapshot, Restriction, ScheduleSnapshot, WEEKDAYS } from './schedule-snapshot';

/**
 * A deliberately naive oracle for the property tests: docs/schedules.md read
 * literally, built on luxon's calendar arithmetic instead of the resolver's
 * offset tables and wall-clock shortcuts. Slow, and only for tests.
 */

interface Local {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const UNIT_HOURS = { hour: 1, day: 24, week: 168 } as const;

/** luxon's reading (gap -> forward), replaced by an earlier instant with the same local reading if one exists. */
export function localToInstant(zone: string, local: Local): number {
  let best = DateTime.fromObject(local, { zone }).toMillis();
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  const iana = IANAZone.create(zone);
  for (const probe of [wall - 86_400_000, wall + 86_400_000]) {
    const candidate = wall - iana.offset(probe) * 60_000;
    const back = DateTime.fromMillis(candidate, { zone });
    const same =
      back.year === local.year && back.month === local.month && back.day === local.day && back.hour === local.hour && back.minute === local.minute;
    if (same) best = Math.min(best, candidate);
  }
  return best;
}

function localOf(dt: DateTime): Local {
  return { year: dt.year, month: dt.month, day: dt.day, hour: dt.hour, minute: dt.minute };
}

function boundary(zone: string, layer: LayerSnapshot, k: number): number {
  const l0 = DateTime.fromMillis(layer.rotation.handoff.getTime(), { zone });
  const onClock = DateTime.fromObject(localOf(l0), { zone: 'utc' }).plus({ [`${layer.rotation.unit}s`]: k * layer.rotation.length });
  return localToInstant(zone, localOf(onClock));
}

function turnUser(zone: string, layer: LayerSnapshot, t: number): string {
  const nominalMs = layer.rotation.length * UNIT_HOURS[layer.rotation.unit] * 3_600_000;
  const estimate = Math.floor((t - layer.rotation.handoff.getTime()) / nominalMs);
  let best: { k: number; at: number } | undefined;
  for (let k = estimate - 3; k <= estimate + 3; k++) {
    const at = boundary(zone, layer, k);
    if (at <= t && (!best || at >= best.at)) best = { k, at };
  }
  if (!best) throw new Error('oracle search window too small');
  const n = layer.users.length;
  return layer.users[((best.k % n) + n) % n];
}

function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
}

function windowCovers(zone: string, restriction: Restriction, t: number): boolean {
  const local = DateTime.fromMillis(t, { zone });
  const date = DateTime.fromObject({ year: local.year, month: local.month, day: local.day }, { zone: 'utc' });
  const periods = restriction.type === 'daily' ? [-2, -1, 0, 1].map((d) => date.plus({ days: d })) : [-1, 0, 1].map((w) => date.startOf('week').plus({ weeks: w }));
  for (const periodStart of periods) {
    let startMinutes = minutesOf(restriction.startTime);
    let endMinutes = minutesOf(restriction.endTime);
    if (restriction.type === 'weekly') {
      startMinutes += WEEKDAYS.indexOf(restriction.startDay) * 1440;
      endMinutes += WEEKDAYS.indexOf(restriction.endDay) * 1440;
    }
    if (endMinutes <= startMinutes) endMinutes += restriction.type === 'daily' ? 1440 : 7 * 1440;
    const start = localToInstant(zone, localOf(periodStart.plus({ minutes: startMinutes })));
    const end = localToInstant(zone, localOf(periodStart.plus({ minutes: endMinutes })));
    if (start <= t && t < end) return true;
  }
  return false;
}

export function referenceUserAt(schedule: ScheduleSnapshot, t: number): string | null {
  const covering = schedule.overrides.filter((o) => o.start.getTime() <= t && t < o.end.getTime());
  if (covering.length > 0) {
    covering.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return covering[covering.length - 1].userId;
  }
  for (let i = schedule.layers.length - 1; i >= 0; i--) {
    const layer = schedule.layers[i];
    if (t < layer.start.getTime() || (layer.end !== null && t >= layer.end.getTime()) || layer.users.length === 0) continue;
    if (layer.restrictions.length > 0 && !layer.restrictions.some((r) => windowCovers(schedule.timeZone, r, t))) continue;
    return turnUser(schedule.timeZone, layer, t);
  }
  return null;
}
