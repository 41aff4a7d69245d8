import { z } from 'zod';
import { ackTimeoutTimer } from './kinds/ack-timeout.data';
import { autoResolveTimer } from './kinds/auto-resolve.data';
import { escalationStepTimer } from './kinds/escalation-step.data';

/**
 * What a timer row's `kind` and `data` may hold: one member per timer kind,
 * each declared beside the code that fires it (kinds/*.data.ts). Rows are checked
 * against it once, where they are read (timers.repository.ts); everything
 * after that works with typed data.
 */
export const timerPayloadSchema = z.discriminatedUnion('kind', [escalationStepTimer, ackTimeoutTimer, autoResolveTimer]);

export type TimerPayload = z.infer<typeof timerPayloadSchema>;
export type TimerKindName = TimerPayload['kind'];
/** Each kind's `data`, by kind. */
export type TimerDataMap = { [P in TimerPayload as P['kind']]: P['data'] };

/** A timer row as read (and locked) by the claimer; `data` matches `kind`. */
export type DueTimer<K extends TimerKindName = TimerKindName> = {
  [P in K]: { id: string; incidentId: string; dueAt: Date; attempts: number; kind: P; data: TimerDataMap[P] };
}[K];

/** A timer to insert. */
export type NewTimer<K extends TimerKindName = TimerKindName> = {
  [P in K]: { kind: P; incidentId: string; dueAt: Date; data: TimerDataMap[P] };
}[K];
