import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { json } from '../incidents/json-text';
import type { ChannelType } from './channels/notification-channel';

/** A page to queue in the outbox: who or which room, on which channel, when. */
export interface NewPage {
  incidentId: string;
  /** Unique: a page whose key is already queued is not queued again. */
  idempotencyKey: string;
  userId: string | null;
  contactMethodId: string | null;
  ruleId: string | null;
  level: number;
  loop: number;
  epoch: number;
  channel: ChannelType;
  address: string;
  dueAt: Date;
}

/** New rows of the `notifications` outbox, queued in the caller's transaction (an escalation step's pages). */
@Injectable()
export class PageOutboxRepository {
  /** Every page in one INSERT; a key already queued is skipped. */
  async queue(em: EntityManager, pages: readonly NewPage[]): Promise<void> {
    if (!pages.length) return;
    const rows = pages.map((p) => ({
      incident_id: p.incidentId,
      key: p.idempotencyKey,
      user_id: p.userId,
      contact_method_id: p.contactMethodId,
      rule_id: p.ruleId,
      level: p.level,
      loop: p.loop,
      epoch: p.epoch,
      channel: p.channel,
      address: p.address,
      due_at: p.dueAt,
    }));
    await em.query(
      `INSERT INTO notifications (incident_id, idempotency_key, user_id, contact_method_id, rule_id, level, loop, epoch, channel, address, due_at)
       SELECT p.incident_id, p.key, p.user_id, p.contact_method_id, p.rule_id, p.level, p.loop, p.epoch, p.channel, p.address, p.due_at
         FROM json_to_recordset($1::json) AS p(incident_id uuid, key text, user_id uuid, contact_method_id uuid, rule_id uuid, level int,
                                               loop int, epoch int, channel text, address text, due_at timestamptz)
       ON CONFLICT (idempotency_key) DO NOTHING`,
      [json(rows)],
    );
  }
}
