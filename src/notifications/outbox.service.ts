import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { WorkKind } from '../database/work-channel';
import { NotificationsRepository } from './notifications.repository';

/**
 * Outbox helpers that run inside the caller's transaction (the one that changed
 * the incident). The engine queues its planned pages through
 * PageOutboxRepository (escalation-plan-writer.ts).
 */
@Injectable()
export class OutboxService {
  constructor(private readonly notifications: NotificationsRepository) {}

  /** Acknowledge and resolve stop every page not yet handed to a provider. */
  cancelPending(em: EntityManager, incidentIds: readonly string[], reason: string): Promise<number> {
    return this.notifications.cancelPending(em, incidentIds, reason);
  }

  /** Wakes every worker's `kind` loop at commit (NOTIFY is transactional). */
  wakeWorkers(em: EntityManager, kind: WorkKind): Promise<void> {
    return this.notifications.wakeWorkers(em, kind);
  }
}
