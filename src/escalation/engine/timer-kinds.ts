import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AckTimeoutKind } from './kinds/ack-timeout.kind';
import { AutoResolveKind } from './kinds/auto-resolve.kind';
import { CleanupKind } from './kinds/cleanup.kind';
import { EscalationStepKind } from './kinds/escalation-step.kind';
import { MaintenanceEndKind } from './kinds/maintenance-end.kind';
import type { DueTimer, EngineTimerKindName, IncidentTimerKindName, NewTimer } from './timer-data';
import type { EngineTimerKind, TimerIncident, TimerKind } from './timer-kind';

/** One module per kind; the types make a kind added to timer-data.ts without a module here a compile error. */
type KindsByName = { readonly [K in IncidentTimerKindName]: TimerKind<K> };
type EngineKindsByName = { readonly [K in EngineTimerKindName]: EngineTimerKind<K> };

/** The timer kinds, by name: the claimer's one way to reach a kind. */
@Injectable()
export class TimerKinds {
  private readonly byName: KindsByName;
  private readonly engineByName: EngineKindsByName;

  constructor(
    escalation: EscalationStepKind,
    ackTimeout: AckTimeoutKind,
    autoResolve: AutoResolveKind,
    cleanup: CleanupKind,
    maintenanceEnd: MaintenanceEndKind,
  ) {
    this.byName = { escalation, 'ack-timeout': ackTimeout, 'auto-resolve': autoResolve };
    this.engineByName = { cleanup, 'maintenance-end': maintenanceEnd };
  }

  get<K extends IncidentTimerKindName>(kind: K): TimerKind<K> {
    return this.byName[kind];
  }

  /** Whether the claimer may fire this kind's first due timers of many incidents in one transaction. */
  batches(kind: IncidentTimerKindName): boolean {
    return !!this.byName[kind].fireBatch;
  }

  /** Nothing to do for a missing or resolved incident, whatever the kind; otherwise the kind decides. */
  isNoop<K extends IncidentTimerKindName>(timer: DueTimer<K>, incident: TimerIncident | undefined): boolean {
    if (!incident || incident.status === 'resolved') return true;
    return this.get<K>(timer.kind).isNoop(timer, incident);
  }

  fire<K extends IncidentTimerKindName>(em: EntityManager, timer: DueTimer<K>, incident: TimerIncident, now: Date): Promise<NewTimer[]> {
    return this.get<K>(timer.kind).fire(em, timer, incident, now);
  }

  isEngineNoop<K extends EngineTimerKindName>(timer: DueTimer<K>): boolean {
    return this.engineByName[timer.kind as K].isNoop(timer);
  }

  /** The engine timers to arm at start, one per engine kind that has a first timer. */
  firstEngineTimers(now: Date): NewTimer<EngineTimerKindName>[] {
    const kinds: EngineTimerKind<EngineTimerKindName>[] = Object.values(this.engineByName);
    return kinds.flatMap((k) => (k.first ? [k.first(now)] : []));
  }

  fireEngine<K extends EngineTimerKindName>(em: EntityManager, timer: DueTimer<K>, now: Date): Promise<NewTimer[]> {
    return this.engineByName[timer.kind as K].fire(em, timer, now);
  }
}
