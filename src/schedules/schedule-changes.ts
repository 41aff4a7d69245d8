import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CompiledSchedule } from './resolution';

/** What changed: the schedule row (name, Slack channel), its layers (a zone change counts as one), or an override. */
export type ScheduleChangeKind = 'created' | 'schedule' | 'layers' | 'override';

export interface ScheduleChange {
  scheduleId: string;
  kind: ScheduleChangeKind;
  /**
   * The schedule as it was before the change, compiled with the overrides
   * that overlap [now - 1 day, now + 30 days); null for a new schedule and
   * for a change of kind `schedule` (name or Slack channel: nobody's on-call
   * time moves).
   */
  before: CompiledSchedule | null;
}

/**
 * Told of every schedule write inside its transaction, after the write (the
 * handoff module registers one at start to recompute its timers and send
 * shift-change notices). A listener that throws rolls the change back.
 */
export interface ScheduleChangeListener {
  scheduleChanged(em: EntityManager, change: ScheduleChange): Promise<void>;
}

/** The registry of schedule change listeners; schedules never import what listens. */
@Injectable()
export class ScheduleChanges {
  private readonly listeners: ScheduleChangeListener[] = [];

  register(listener: ScheduleChangeListener): void {
    this.listeners.push(listener);
  }

  /** Whether anyone listens (the "before" picture is only loaded then). */
  get active(): boolean {
    return this.listeners.length > 0;
  }

  async changed(em: EntityManager, change: ScheduleChange): Promise<void> {
    for (const listener of this.listeners) await listener.scheduleChanged(em, change);
  }
}
