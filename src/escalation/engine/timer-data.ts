import { z } from 'zod';
import { ackTimeoutTimer } from './kinds/ack-timeout.data';
import { autoResolveTimer } from './kinds/auto-resolve.data';
import { cleanupTimer } from './kinds/cleanup.data';
import { escalationStepTimer } from './kinds/escalation-step.data';
import { maintenanceEndTimer } from './kinds/maintenance-end.data';

/**
 * What a timer row's `kind` and `data` may hold: one member per timer kind,
 * each declared beside the code that fires it (kinds/*.data.ts). Rows are checked
 * against it once, where they are read (timers.repository.ts); everything
 * after that works with typed data.
 */
export const timerPayloadSchema = z.discriminatedUnion('kind', [
  escalationStepTimer,
  ackTimeoutTimer,
  autoResolveTimer,
  cleanupTimer,
  maintenanceEndTimer,
]);

export type TimerPayload = z.infer<typeof timerPayloadSchema>;
export type TimerKindName = TimerPayload['kind'];
/** Each kind's `data`, by kind. */
export type TimerDataMap = { [P in TimerPayload as P['kind']]: P['data'] };

/**
 * Kinds whose timers belong to no incident: the engine's own housekeeping and
 * the ends of maintenance windows. `timers.incident_id` is null exactly for
 * these (a check constraint).
 */
export const ENGINE_TIMER_KINDS = ['cleanup', 'maintenance-end'] as const satisfies readonly TimerKindName[];
export type EngineTimerKindName = (typeof ENGINE_TIMER_KINDS)[number];
export type IncidentTimerKindName = Exclude<TimerKindName, EngineTimerKindName>;
type IncidentIdOf<P> = P extends EngineTimerKindName ? null : string;

/** A timer row as read (and locked) by the claimer; `data` matches `kind`. */
export type DueTimer<K extends TimerKindName = TimerKindName> = {
  [P in K]: { id: string; incidentId: IncidentIdOf<P>; dueAt: Date; attempts: number; kind: P; data: TimerDataMap[P] };
}[K];

/** A timer to insert. */
export type NewTimer<K extends TimerKindName = TimerKindName> = {
  [P in K]: { kind: P; incidentId: IncidentIdOf<P>; dueAt: Date; data: TimerDataMap[P] };
}[K];

/** Whether a kind is one of the engine's own (no incident). */
export function isEngineKind(kind: string): kind is EngineTimerKindName {
  return (ENGINE_TIMER_KINDS as readonly string[]).includes(kind);
}

/** Whether the timer is one of the engine's own (no incident). */
export function isEngineTimer(timer: DueTimer): timer is DueTimer<EngineTimerKindName> {
  return (ENGINE_TIMER_KINDS as readonly string[]).includes(timer.kind);
}

/** Whether the timer belongs to an incident (every kind but the engine's own). */
export function isIncidentTimer(timer: DueTimer): timer is DueTimer<IncidentTimerKindName> {
  return !isEngineTimer(timer);
}
