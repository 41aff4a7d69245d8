export * from './schedule-snapshot';
export { compileSchedule, CompiledSchedule, InvalidScheduleError } from './compile-schedule';
export { onCallAt, userOnCallAt, shifts, ON_CALL_HORIZON_MS } from './schedule-resolver';
export type { ResolvableSchedule } from './schedule-resolver';
