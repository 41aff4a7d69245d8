import type { EntityManager } from 'typeorm';
import type { PolicySnapshot } from '../planner';
import type { DueTimer, EngineTimerKindName, IncidentTimerKindName, NewTimer } from './timer-data';

/** What a timer kind may read of its incident (and the incident's service), as loaded by the claimer. */
export interface TimerIncident {
  id: string;
  /** The incident's number, for log lines. */
  number: number;
  status: 'triggered' | 'acknowledged' | 'resolved';
  level: number;
  loop: number;
  escalationEpoch: number;
  escalationExhausted: boolean;
  levelReachedAt: Date | null;
  policySnapshot: PolicySnapshot | null;
  acknowledgedAt: Date | null;
  lastAlertAt: Date | null;
  escalationPolicyId: string | null;
  ackTimeoutMinutes: number | null;
  autoResolveMinutes: number | null;
  /** Opened suppressed by an event router rule: it never pages (every escalation step is a no-op). */
  suppressed?: boolean;
}

/** A due timer of one kind with its locked incident, as handed to a kind's `fireBatch`. */
export interface FiringTimer<K extends IncidentTimerKindName = IncidentTimerKindName> {
  timer: DueTimer<K>;
  incident: TimerIncident;
}

/**
 * The contract every timer kind implements (one module per kind, kinds/).
 * The claimer (timer-claimer.service.ts) owns the `timers` table: it claims,
 * locks and deletes rows and inserts the timers a kind asks for, so a kind
 * only decides and writes its own effects.
 *
 * Every timer of a missing or resolved incident is a no-op; the claimer
 * decides that before it asks the kind.
 */
export interface TimerKind<K extends IncidentTimerKindName> {
  readonly kind: K;
  /**
   * True when firing this timer can do nothing now (a step the incident has
   * left, an acknowledgement that is over). Pure, and it must stay true once
   * true, because the claimer judges it without a lock and deletes the timer;
   * it is asked again under the incident's lock just before `fire`.
   */
  isNoop(timer: DueTimer<K>, incident: TimerIncident): boolean;
  /**
   * Fires the timer inside the claimer's transaction, with the timer and the
   * incident row locked; the claimer deletes the timer in that transaction.
   * Returns the timers that follow (the next escalation step, a re-armed
   * auto-resolve), inserted in the same transaction.
   */
  fire(em: EntityManager, timer: DueTimer<K>, incident: TimerIncident, now: Date): Promise<NewTimer[]>;
  /**
   * Optional: fires the first due timer of many incidents (at most one each)
   * in one transaction, exactly as `fire` would one by one. The claimer
   * batches a kind that has it and falls back to `fire` if a batch fails.
   */
  fireBatch?(em: EntityManager, timers: FiringTimer<K>[], now: Date): Promise<NewTimer[]>;
}

/**
 * The contract of the engine's own timers, which belong to no incident
 * (the retention cleanup, the end of a maintenance window). The claimer claims, locks and deletes them
 * like any timer, so exactly one worker fires each; firing runs in the
 * claimer's transaction, which holds the timer's row lock for as long as the
 * kind works. A kind may run its own short transactions meanwhile.
 */
export interface EngineTimerKind<K extends EngineTimerKindName> {
  readonly kind: K;
  /**
   * The timer armed at start when none of this kind exists (one across every
   * worker; the cleanup). A kind armed by what it serves (a maintenance
   * window's end) has none.
   */
  first?(now: Date): NewTimer<K>;
  /** Pure, and true for good once true, as for incident timers. */
  isNoop(timer: DueTimer<K>): boolean;
  /** Does the kind's work and returns the timers that follow (typically itself, re-armed). */
  fire(em: EntityManager, timer: DueTimer<K>, now: Date): Promise<NewTimer[]>;
}
