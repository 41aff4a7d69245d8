import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { ChannelType } from '../channels/notification-channel';
import type { Changed } from '../../database/changed-rows';

/** A page folded into a bundle (now cancelled). */
export interface BundledPage {
  id: string;
  incidentId: string;
  channel: ChannelType;
  address: string;
}

/** A claimed page handed back until the rate-limit window frees. */
export interface DeferredPage extends BundledPage {
  userId: string | null;
  contactMethodId: string | null;
}

interface DeferredPageRow extends BundledPageRow {
  user_id: string | null;
  contact_method_id: string | null;
}

interface BundledPageRow {
  id: string;
  incident_id: string;
  channel: ChannelType;
  address: string;
}

/**
 * The `notifications` table as the per-contact-method rate limit reads and writes
 * it: pages sent in the window, deferred claims, and bundles.
 */
@Injectable()
export class NotificationsRateLimitRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** How many pages were sent to the contact method after `since`, and when the oldest of them was sent. */
  async sentSince(contactMethodId: string, since: Date): Promise<{ sent: number; oldestSentAt: Date | null }> {
    const [row] = await this.dataSource.query<{ n: number; oldest: Date | null }[]>(
      `SELECT count(*)::int AS n, min(sent_at) AS oldest FROM notifications
        WHERE contact_method_id = $1 AND state = 'sent' AND sent_at > $2`,
      [contactMethodId, since],
    );
    return { sent: row.n, oldestSentAt: row.oldest ? new Date(row.oldest) : null };
  }

  /**
   * Hands claimed pages back, due at `until`, without counting the claim as an attempt,
   * in the caller's transaction; `deferred_until` keeps the deferral for the API.
   */
  async defer(em: EntityManager, ids: string[], until: Date): Promise<DeferredPage[]> {
    const [rows] = await em.query<Changed<DeferredPageRow>>(
      `UPDATE notifications SET state = 'pending', due_at = $2, deferred_until = $2, attempts = greatest(attempts - 1, 0),
              claimed_until = NULL, claimed_by = NULL, updated_at = now()
        WHERE id = ANY($1::uuid[]) AND state = 'sending'
        RETURNING id, incident_id, user_id, contact_method_id, channel, address`,
      [ids, until],
    );
    return rows.map((r) => ({
      id: r.id,
      incidentId: r.incident_id,
      userId: r.user_id,
      contactMethodId: r.contact_method_id,
      channel: r.channel,
      address: r.address,
    }));
  }

  /**
   * Cancels with `reason`, in the caller's transaction, the claimed pages `absorbedIds`
   * and every other page of the contact method that is due at `now` and whose incident
   * is still triggered (read from `incidents`); the representative itself is left alone.
   */
  async absorb(
    em: EntityManager,
    b: { representativeId: string; contactMethodId: string; absorbedIds: string[]; reason: string; now: Date },
  ): Promise<BundledPage[]> {
    const [rows] = await em.query<Changed<BundledPageRow>>(
      `UPDATE notifications n SET state = 'cancelled', error = $3, bundled_into = $1, claimed_until = NULL, claimed_by = NULL, updated_at = now()
        WHERE n.id <> $1 AND n.contact_method_id = $2
          AND ((n.id = ANY($4::uuid[]) AND n.state = 'sending')
               OR (n.state = 'pending' AND n.due_at <= $5
                   AND EXISTS (SELECT 1 FROM incidents i WHERE i.id = n.incident_id AND i.status = 'triggered')))
        RETURNING n.id, n.incident_id, n.channel, n.address`,
      [b.representativeId, b.contactMethodId, b.reason, b.absorbedIds, b.now],
    );
    return rows.map((r) => ({ id: r.id, incidentId: r.incident_id, channel: r.channel, address: r.address }));
  }

  /** How many other incidents the representative page stands for. */
  async setBundledCount(em: EntityManager, representativeId: string, count: number): Promise<void> {
    await em.query(`UPDATE notifications SET bundled_count = $2 WHERE id = $1`, [representativeId, count]);
  }
}
