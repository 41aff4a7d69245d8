import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { WORK_CHANNEL } from '../database/work-channel';

export { WORK_CHANNEL };

/**
 * Outbox helpers that run inside the caller's transaction (the one that changed
 * the incident). The engine writes planned pages itself, in the statement that
 * writes the rest of its plan (escalation-engine.service.ts writePlan).
 */
@Injectable()
export class OutboxService {
  /** Acknowledge and resolve stop every page not yet handed to a provider. */
  async cancelPending(em: EntityManager, incidentId: string, reason: string): Promise<number> {
    const res: [unknown[], number] = await em.query(
      `UPDATE notifications SET state = 'cancelled', error = $2, updated_at = now()
        WHERE incident_id = $1 AND state = 'pending'`,
      [incidentId, reason],
    );
    return res[1];
  }

  /** Wakes every worker at commit (NOTIFY is transactional). */
  async wakeWorkers(em: EntityManager): Promise<void> {
    await em.query(`SELECT pg_notify('${WORK_CHANNEL}', '')`);
  }
}
