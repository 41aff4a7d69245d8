import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Page, PageQuery, paginate } from '../common/pagination';
import { WORK_CHANNEL, type WorkKind } from '../database/work-channel';
import type { ChannelType } from './channels/notification-channel';
import { Notification, type NotificationState } from './notification.entity';
import type { Changed } from '../database/changed-rows';
import { json } from '../incidents/json-text';


/** A page claimed by this worker for sending (state `sending`). */
export interface ClaimedPage {
  id: string;
  incidentId: string;
  userId: string | null;
  contactMethodId: string | null;
  level: number;
  loop: number;
  channel: ChannelType;
  address: string;
  /** Counting this claim. */
  attempts: number;
  bundledCount: number;
  dueAt: Date;
}

interface ClaimedPageRow {
  id: string;
  incident_id: string;
  user_id: string | null;
  contact_method_id: string | null;
  level: number;
  loop: number;
  channel: ChannelType;
  address: string;
  attempts: number;
  bundled_count: number;
  due_at: Date;
}

/** How a claimed send ended; `pending` hands the row back for a retry at `retryAt`. */
export interface PageOutcome {
  state: NotificationState;
  provider: string | null;
  providerMessageId: string | null;
  error: string | null;
  /** The time of the outcome: `sent_at` when sent. */
  at: Date;
  retryAt: Date | null;
}

/** A voice page: the incident it is about and whom it called. */
export interface VoicePage {
  incidentId: string;
  userId: string | null;
  address: string;
}

/**
 * The `notifications` table, the outbox: planned pages, claimed by the dispatcher
 * (SKIP LOCKED), sent, retried, rate limited into bundles and cancelled. Writes that
 * belong to a caller's transaction take its EntityManager.
 */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Retention: at most `limit` pages of these (resolved, expired) incidents, on ix_notifications_incident. */
  async deleteOfIncidents(incidentIds: readonly string[], limit: number): Promise<number> {
    const [, n] = await this.dataSource.query<Changed<never>>(
      `DELETE FROM notifications WHERE id IN (SELECT id FROM notifications WHERE incident_id = ANY($1::uuid[]) LIMIT $2)`,
      [incidentIds, limit],
    );
    return n;
  }

  /** Claims up to `limit` due pending pages, oldest due first, for `workerId` until `claimedUntil`. */
  async claimDue(now: Date, claimedUntil: Date, workerId: string, limit: number): Promise<ClaimedPage[]> {
    const [rows] = await this.dataSource.query<Changed<ClaimedPageRow>>(
      `UPDATE notifications n
          SET state = 'sending', attempts = n.attempts + 1, claimed_until = $2, claimed_by = $3, updated_at = now()
        WHERE n.id IN (SELECT id FROM notifications
                        WHERE state = 'pending' AND due_at <= $1
                        ORDER BY due_at LIMIT $4 FOR UPDATE SKIP LOCKED)
        RETURNING n.id, n.incident_id, n.user_id, n.contact_method_id, n.level, n.loop, n.channel, n.address,
                  n.attempts, n.bundled_count, n.due_at`,
      [now, claimedUntil, workerId, limit],
    );
    return rows.map(toClaimedPage);
  }

  /** The earliest due pending page or queued Slack message update (both tables in one round trip). */
  async nextDueAt(): Promise<Date | null> {
    const [row] = await this.dataSource.query<{ next: Date | null }[]>(
      `SELECT LEAST((SELECT min(due_at) FROM notifications WHERE state = 'pending'),
                    (SELECT min(due_at) FROM slack_message_updates)) AS next`,
    );
    return row?.next ?? null;
  }

  /** Claims that expired before `now` (a worker that died) go back to pending; returns how many. */
  async releaseExpiredClaims(now: Date): Promise<number> {
    const [, affected] = await this.dataSource.query<Changed<never>>(
      `UPDATE notifications SET state = 'pending', claimed_until = NULL, claimed_by = NULL, updated_at = now()
        WHERE state = 'sending' AND claimed_until < $1`,
      [now],
    );
    return affected;
  }

  /** Hands back every page still claimed by `workerId`. */
  async releaseClaimsOf(workerId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications SET state = 'pending', claimed_until = NULL, claimed_by = NULL, updated_at = now()
        WHERE state = 'sending' AND claimed_by = $1`,
      [workerId],
    );
  }

  /**
   * Records the outcomes of claimed sends, in one UPDATE in the caller's
   * transaction; returns the ids it updated. A row no longer `sending` (another
   * worker took it over after our claim expired) keeps that worker's outcome.
   */
  async recordOutcomes(em: EntityManager, outcomes: readonly (PageOutcome & { id: string })[]): Promise<Set<string>> {
    if (!outcomes.length) return new Set();
    const [rows] = await em.query<Changed<{ id: string }>>(
      `UPDATE notifications n
          SET state = o.state, provider = COALESCE(o.provider, n.provider),
              provider_message_id = COALESCE(o.provider_message_id, n.provider_message_id),
              error = o.error, sent_at = CASE WHEN o.state = 'sent' THEN o.at ELSE n.sent_at END,
              due_at = COALESCE(o.retry_at, n.due_at), claimed_until = NULL, claimed_by = NULL, updated_at = now()
         FROM json_to_recordset($1::json) AS o(id uuid, state text, provider text, provider_message_id text, error text,
              at timestamptz, retry_at timestamptz)
        WHERE n.id = o.id AND n.id = ANY($2::uuid[]) AND n.state = 'sending'
        RETURNING n.id`,
      [
        json(
          outcomes.map((o) => ({
            id: o.id,
            state: o.state,
            provider: o.provider,
            provider_message_id: o.providerMessageId,
            error: o.error,
            at: o.at,
            retry_at: o.retryAt,
          })),
        ),
        outcomes.map((o) => o.id),
      ],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Cancels every page of these incidents not yet handed to a provider, in the caller's transaction; returns how many. */
  async cancelPending(em: EntityManager, incidentIds: readonly string[], reason: string): Promise<number> {
    if (!incidentIds.length) return 0;
    const [, affected] = await em.query<Changed<never>>(
      `UPDATE notifications SET state = 'cancelled', error = $2, updated_at = now()
        WHERE incident_id = ANY($1::uuid[]) AND state = 'pending'`,
      [incidentIds, reason],
    );
    return affected;
  }

  /** NOTIFY on WORK_CHANNEL for the workers' `kind` loop: delivered at the commit of the caller's transaction, not before. */
  async wakeWorkers(em: EntityManager, kind: WorkKind): Promise<void> {
    await em.query(`SELECT pg_notify('${WORK_CHANNEL}', $1)`, [kind]);
  }

  /** These incidents' Slack messages (direct and to chat destinations' channels) that exist or are being posted, in one query. */
  async slackMessagesOf(incidentIds: string[]): Promise<{ incidentId: string; state: NotificationState; providerMessageId: string | null }[]> {
    const rows = await this.dataSource.query<{ incident_id: string; state: NotificationState; provider_message_id: string | null }[]>(
      `SELECT incident_id, state, provider_message_id FROM notifications
        WHERE incident_id = ANY($1::uuid[]) AND channel IN ('slack', 'slack-channel') AND state IN ('sent', 'sending')`,
      [incidentIds],
    );
    return rows.map((r) => ({ incidentId: r.incident_id, state: r.state, providerMessageId: r.provider_message_id }));
  }

  /** Slack messages by notification id (those still sent or being sent), for the replies of notes. */
  async slackMessagesByIds(ids: string[]): Promise<{ id: string; state: NotificationState; providerMessageId: string | null }[]> {
    if (!ids.length) return [];
    const rows = await this.dataSource.query<{ id: string; state: NotificationState; provider_message_id: string | null }[]>(
      `SELECT id, state, provider_message_id FROM notifications
        WHERE id = ANY($1::uuid[]) AND channel IN ('slack', 'slack-channel') AND state IN ('sent', 'sending')`,
      [ids],
    );
    return rows.map((r) => ({ id: r.id, state: r.state, providerMessageId: r.provider_message_id }));
  }

  /** The incident of the page last sent to this phone number (sms or voice). */
  async latestIncidentPagedToPhone(address: string): Promise<string | null> {
    const rows = await this.dataSource.query<{ incident_id: string }[]>(
      `SELECT incident_id FROM notifications
        WHERE address = $1 AND channel IN ('sms', 'voice') AND state = 'sent'
        ORDER BY sent_at DESC LIMIT 1`,
      [address],
    );
    return rows[0]?.incident_id ?? null;
  }

  async findVoicePage(id: string): Promise<VoicePage | null> {
    const rows = await this.dataSource.query<{ incident_id: string; user_id: string | null; address: string }[]>(
      `SELECT incident_id, user_id, address FROM notifications WHERE id = $1 AND channel = 'voice'`,
      [id],
    );
    return rows[0] ? { incidentId: rows[0].incident_id, userId: rows[0].user_id, address: rows[0].address } : null;
  }

  /** One page of an incident's pages, newest first (keyset on (created_at, id), like every list of the API). */
  pagesOfIncident(incidentId: string, query: PageQuery): Promise<Page<Notification>> {
    const qb = this.dataSource.getRepository(Notification).createQueryBuilder('n').where('n.incidentId = :incidentId', { incidentId });
    return paginate(qb, 'n', query);
  }

  /** Sets the provider's delivery status on the pages with that provider message id; returns them (none: unknown id). */
  async recordDeliveryStatus(providerMessageId: string, status: string): Promise<DeliveryReport[]> {
    const [rows] = await this.dataSource.query<Changed<DeliveryReportRow>>(
      `UPDATE notifications n SET delivery_status = $2, updated_at = now() FROM incidents i
        WHERE n.provider_message_id = $1 AND i.id = n.incident_id
       RETURNING ${DELIVERY_REPORT_COLUMNS}`,
      [providerMessageId, status],
    );
    return rows.map(toDeliveryReport);
  }

  /** Sets the delivery status of a voice page found by its id or by its CallSid. */
  async recordCallStatus(notificationId: string, callSid: string, status: string): Promise<DeliveryReport[]> {
    const [rows] = await this.dataSource.query<Changed<DeliveryReportRow>>(
      `UPDATE notifications n SET delivery_status = $3, updated_at = now() FROM incidents i
        WHERE n.channel = 'voice' AND (n.id::text = $1 OR n.provider_message_id = $2) AND i.id = n.incident_id
       RETURNING ${DELIVERY_REPORT_COLUMNS}`,
      [notificationId, callSid, status],
    );
    return rows.map(toDeliveryReport);
  }
}

/** A page whose delivery status a provider callback just set. */
export interface DeliveryReport {
  notificationId: string;
  incidentId: string;
  incidentNumber: number;
  userId: string | null;
  channel: ChannelType;
  address: string;
  providerMessageId: string | null;
  status: string;
}

interface DeliveryReportRow {
  id: string;
  incident_id: string;
  number: string;
  user_id: string | null;
  channel: ChannelType;
  address: string;
  provider_message_id: string | null;
  delivery_status: string;
}

const DELIVERY_REPORT_COLUMNS = 'n.id, n.incident_id, i.number, n.user_id, n.channel, n.address, n.provider_message_id, n.delivery_status';

function toDeliveryReport(r: DeliveryReportRow): DeliveryReport {
  return {
    notificationId: r.id,
    incidentId: r.incident_id,
    incidentNumber: Number(r.number),
    userId: r.user_id,
    channel: r.channel,
    address: r.address,
    providerMessageId: r.provider_message_id,
    status: r.delivery_status,
  };
}

function toClaimedPage(r: ClaimedPageRow): ClaimedPage {
  return {
    id: r.id,
    incidentId: r.incident_id,
    userId: r.user_id,
    contactMethodId: r.contact_method_id,
    level: r.level,
    loop: r.loop,
    channel: r.channel,
    address: r.address,
    attempts: r.attempts,
    bundledCount: r.bundled_count,
    dueAt: r.due_at,
  };
}
