import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PlannedNotification } from '../escalation/planner';

export const WORK_CHANNEL = 'klaxon_work';

/**
 * Writes outbox rows inside the caller's transaction (the one that changed the
 * incident), so a state change and its pages commit together or not at all.
 */
@Injectable()
export class OutboxService {
  /** Inserts planned pages; a page whose idempotency key exists already is not inserted again. */
  async enqueue(em: EntityManager, incidentId: string, planned: readonly PlannedNotification[]): Promise<number> {
    if (!planned.length) return 0;
    const cols = 10;
    const values: unknown[] = [];
    const rows = planned.map((p, i) => {
      values.push(
        incidentId,
        p.idempotencyKey,
        p.userId,
        p.contactMethodId,
        p.ruleId,
        p.level,
        p.loop,
        p.epoch,
        p.contactMethodType,
        p.address,
      );
      values.push(p.dueAt);
      const b = i * (cols + 1);
      return `(${Array.from({ length: cols + 1 }, (_, k) => `$${b + k + 1}`).join(', ')})`;
    });
    const res: unknown[] = await em.query(
      `INSERT INTO notifications (incident_id, idempotency_key, user_id, contact_method_id, rule_id, level, loop, epoch, channel, address, due_at)
       VALUES ${rows.join(', ')}
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING id`,
      values,
    );
    return res.length;
  }

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
