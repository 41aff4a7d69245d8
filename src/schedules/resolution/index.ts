export * from './schedule-snapshot';
export { compileSchedule, CompiledSchedule, DAY_MS, HOUR_MS, InvalidScheduleError, MINUTE_MS } from './compile-schedule';
export { onCallAt, onCallSearch, userOnCallAt, shifts, shiftChunks, segmentChunks, toShift, ON_CALL_HORIZON_MS } from './schedule-resolver';
export type { Segment } from './segment-ops';
export type { ResolvableSchedule } from './schedule-resolver';
export { localIso } from './local-iso';
