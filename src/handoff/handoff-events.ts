import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EdgeType } from './core';

/** A handoff: `userId` went on call (`oncall`) or off call (`offcall`) in `scheduleId` at `at`. */
export interface HandoffEvent {
  scheduleId: string;
  userId: string;
  type: EdgeType;
  at: Date;
}

/**
 * Told of every handoff, once, in the transaction of the worker that fired
 * the schedule's edge timer (handoff-timer-claimer.service.ts, `fireEdge`),
 * after the schedule was re-checked: the one place where "a handoff happened"
 * is known. Outgoing webhooks (`oncall.handoff`) register here.
 */
export interface HandoffListener {
  handoffHappened(em: EntityManager, event: HandoffEvent): Promise<void>;
}

@Injectable()
export class HandoffEvents {
  private readonly listeners: HandoffListener[] = [];

  register(listener: HandoffListener): void {
    this.listeners.push(listener);
  }

  async happened(em: EntityManager, event: HandoffEvent): Promise<void> {
    for (const l of this.listeners) await l.handoffHappened(em, event);
  }
}
