export * from './schedule-snapshot';
export { compileSchedule, CompiledSchedule, InvalidScheduleError } from './compile-schedule';
export { onCallAt, onCallSearch, userOnCallAt, shifts, shiftChunks, ON_CALL_HORIZON_MS } from './schedule-resolver';
export type { ResolvableSchedule } from './schedule-resolver';
