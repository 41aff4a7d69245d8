import { overrideTimeline, ParsedOverride } from './override-timeline';
import { Segment } from './segment-ops';
import { LayerSnapshot, OverrideSnapshot, Restriction, ScheduleSnapshot, WEEKDAYS } from './schedule-snapshot';
import { ZoneOffsetTable, zoneOffsetTable } from './zone-offset-table';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
export const WEEK_MS = 7 * DAY_MS;

const UNIT_MS = { hour: HOUR_MS, day: DAY_MS, week: WEEK_MS } as const;
const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A snapshot the resolver cannot interpret; `field` names the offending path. */
export class InvalidScheduleError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'InvalidScheduleError';
  }
}

/**
 * A restriction as a local window that repeats every `periodMs` of wall time
 * (a day or a week). Offsets are measured from local midnight (daily) or from
 * Monday 00:00 (weekly); `endOffsetMs` already includes the wrap, so the
 * window is [startOffsetMs, endOffsetMs) of wall time, at most one period long.
 */
export interface CompiledRestriction {
  periodMs: number;
  /** Wall value of a period start: 1970-01-01 (daily) or Monday 1969-12-29 (weekly). */
  originMs: number;
  startOffsetMs: number;
  endOffsetMs: number;
}

export interface CompiledLayer {
  name: string;
  startMs: number;
  /** +Infinity when the layer never ends. */
  endMs: number;
  users: string[];
  /** Wall value of the handoff (L0). */
  handoffWallMs: number;
  /** Wall-clock length of one turn. */
  turnMs: number;
  restrictions: CompiledRestriction[];
}

/**
 * A schedule prepared for repeated resolution: zone offsets cached, times
 * parsed, and the overrides pre-resolved into one sorted, disjoint timeline
 * (each segment carries the override that wins there).
 */
export class CompiledSchedule {
  constructor(
    readonly zone: ZoneOffsetTable,
    readonly layers: CompiledLayer[],
    readonly overrideTimeline: Segment[],
  ) {}
}

export function compileSchedule(snapshot: ScheduleSnapshot): CompiledSchedule {
  let zone: ZoneOffsetTable;
  try {
    zone = zoneOffsetTable(snapshot.timeZone);
  } catch {
    throw new InvalidScheduleError('timeZone', `unknown IANA time zone "${snapshot.timeZone}"`);
  }
  const layers = snapshot.layers.map((layer, i) => compileLayer(layer, `layers[${i}]`, zone));
  return new CompiledSchedule(zone, layers, overrideTimeline(parseOverrides(snapshot.overrides)));
}

function compileLayer(layer: LayerSnapshot, path: string, zone: ZoneOffsetTable): CompiledLayer {
  const { unit, length, handoff } = layer.rotation;
  if (!(unit in UNIT_MS)) throw new InvalidScheduleError(`${path}.rotation.unit`, `unknown unit "${unit}"`);
  if (!Number.isInteger(length) || length < 1) {
    throw new InvalidScheduleError(`${path}.rotation.length`, 'must be an integer >= 1');
  }
  return {
    name: layer.name,
    startMs: instant(layer.start, `${path}.start`),
    endMs: layer.end === null ? Number.POSITIVE_INFINITY : instant(layer.end, `${path}.end`),
    users: [...layer.users],
    handoffWallMs: zone.toWall(instant(handoff, `${path}.rotation.handoff`)),
    turnMs: length * UNIT_MS[unit],
    restrictions: layer.restrictions.map((r, i) => compileRestriction(r, `${path}.restrictions[${i}]`)),
  };
}

function compileRestriction(restriction: Restriction, path: string): CompiledRestriction {
  const startTime = timeOfDay(restriction.startTime, `${path}.startTime`);
  const endTime = timeOfDay(restriction.endTime, `${path}.endTime`);
  let periodMs = DAY_MS;
  let originMs = 0;
  let startOffsetMs = startTime;
  let endOffsetMs = endTime;
  if (restriction.type === 'weekly') {
    periodMs = WEEK_MS;
    originMs = -3 * DAY_MS;
    startOffsetMs += weekday(restriction.startDay, `${path}.startDay`) * DAY_MS;
    endOffsetMs += weekday(restriction.endDay, `${path}.endDay`) * DAY_MS;
  } else if (restriction.type !== 'daily') {
    throw new InvalidScheduleError(`${path}.type`, 'must be "daily" or "weekly"');
  }
  // An end at or before the start wraps into the next period (so equal = a whole period).
  if (endOffsetMs <= startOffsetMs) endOffsetMs += periodMs;
  return { periodMs, originMs, startOffsetMs, endOffsetMs };
}

function parseOverrides(overrides: OverrideSnapshot[]): ParsedOverride[] {
  return overrides.map((o, i) => ({
    userId: o.userId,
    id: o.id,
    start: instant(o.start, `overrides[${i}].start`),
    end: instant(o.end, `overrides[${i}].end`),
    createdAt: instant(o.createdAt, `overrides[${i}].createdAt`),
  }));
}

function instant(value: Date, field: string): number {
  const ms = value instanceof Date ? value.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new InvalidScheduleError(field, 'must be a valid instant');
  return ms;
}

function timeOfDay(value: string, field: string): number {
  const match = TIME_OF_DAY.exec(value);
  if (!match) throw new InvalidScheduleError(field, 'must be "HH:mm" (00:00-23:59)');
  return Number(match[1]) * HOUR_MS + Number(match[2]) * MINUTE_MS;
}

function weekday(value: string, field: string): number {
  const index = WEEKDAYS.indexOf(value as (typeof WEEKDAYS)[number]);
  if (index < 0) throw new InvalidScheduleError(field, 'must be one of mon..sun');
  return index;
}
