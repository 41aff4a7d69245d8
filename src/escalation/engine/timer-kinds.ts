import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AckTimeoutKind } from './kinds/ack-timeout.kind';
import { AutoResolveKind } from './kinds/auto-resolve.kind';
import { EscalationStepKind } from './kinds/escalation-step.kind';
import type { DueTimer, NewTimer, TimerKindName } from './timer-data';
import type { TimerIncident, TimerKind } from './timer-kind';

/** One module per kind; the type makes a kind added to timer-data.ts without a module here a compile error. */
type KindsByName = { readonly [K in TimerKindName]: TimerKind<K> };

/** The timer kinds, by name: the claimer's one way to reach a kind. */
@Injectable()
export class TimerKinds {
  private readonly byName: KindsByName;

  constructor(escalation: EscalationStepKind, ackTimeout: AckTimeoutKind, autoResolve: AutoResolveKind) {
    this.byName = { escalation, 'ack-timeout': ackTimeout, 'auto-resolve': autoResolve };
  }

  get<K extends TimerKindName>(kind: K): TimerKind<K> {
    return this.byName[kind];
  }

  /** Whether the claimer may fire this kind's first due timers of many incidents in one transaction. */
  batches(kind: TimerKindName): boolean {
    return !!this.byName[kind].fireBatch;
  }

  /** Nothing to do for a missing or resolved incident, whatever the kind; otherwise the kind decides. */
  isNoop<K extends TimerKindName>(timer: DueTimer<K>, incident: TimerIncident | undefined): boolean {
    if (!incident || incident.status === 'resolved') return true;
    return this.get<K>(timer.kind).isNoop(timer, incident);
  }

  fire<K extends TimerKindName>(em: EntityManager, timer: DueTimer<K>, incident: TimerIncident, now: Date): Promise<NewTimer[]> {
    return this.get<K>(timer.kind).fire(em, timer, incident, now);
  }
}
