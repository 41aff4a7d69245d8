import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor, Page } from '../common/pagination';

export type DeliveryState = 'pending' | 'sending' | 'delivered' | 'failed';

/** A delivery claimed for one attempt, with what sending it needs. */
export interface ClaimedDelivery {
  id: string;
  eventId: string;
  eventType: string;
  webhookId: string;
  url: string;
  secret: string;
  body: string;
  /** This attempt's number (1 for the first). */
  attempt: number;
  /** When the first attempt was made (this one's time for the first). */
  firstAttemptAt: Date;
}

export interface AttemptRecord {
  at: Date;
  durationMs: number;
  outcome: 'delivered' | 'retry' | 'failed';
  statusCode: number | null;
  error: string | null;
  responsePrefix: string | null;
  nextAttemptAt: Date | null;
}

export interface DeliveryRow {
  id: string;
  eventId: string;
  eventType: string;
  incidentId: string | null;
  sequence: number | null;
  state: DeliveryState;
  attempts: number;
  dueAt: Date;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: Date;
  attemptLog: (AttemptRecord & { attempt: number })[];
}

/** Every statement on `webhook_deliveries` and `webhook_delivery_attempts`. */
@Injectable()
export class WebhookDeliveriesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Claims up to `limit` due deliveries of enabled webhooks (pending and due,
   * or `sending` with an expired claim: a worker died mid-send), oldest due
   * first, SKIP LOCKED: each goes to exactly one worker. The claim counts as
   * an attempt.
   */
  async claimDue(now: Date, claimedUntil: Date, limit: number): Promise<ClaimedDelivery[]> {
    return this.dataSource.query(
      `WITH due AS (
         SELECT d.id FROM webhook_deliveries d
          WHERE ((d.state = 'pending' AND d.due_at <= $1) OR (d.state = 'sending' AND d.claimed_until <= $1))
            AND EXISTS (SELECT 1 FROM webhooks w WHERE w.id = d.webhook_id AND w.enabled)
          ORDER BY d.due_at, d.id LIMIT $3 FOR UPDATE SKIP LOCKED
       ), claimed AS (
         UPDATE webhook_deliveries d SET state = 'sending', claimed_until = $2, attempts = d.attempts + 1,
                first_attempt_at = COALESCE(d.first_attempt_at, $1), last_attempt_at = $1
           FROM due WHERE d.id = due.id
         RETURNING d.id, d.event_id, d.webhook_id, d.attempts, d.first_attempt_at
       )
       SELECT c.id, c.event_id AS "eventId", e.type AS "eventType", c.webhook_id AS "webhookId", w.url, w.secret, e.body,
              c.attempts AS attempt, c.first_attempt_at AS "firstAttemptAt"
         FROM claimed c JOIN webhook_events e ON e.id = c.event_id JOIN webhooks w ON w.id = c.webhook_id`,
      [now, claimedUntil, limit],
    );
  }

  /** The earliest time a delivery of an enabled webhook becomes due (for the worker's sleep). */
  async nextDueAt(): Promise<Date | null> {
    const [row]: { at: Date | null }[] = await this.dataSource.query(
      `SELECT LEAST((SELECT min(d.due_at) FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id AND w.enabled WHERE d.state = 'pending'),
                    (SELECT min(d.claimed_until) FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id AND w.enabled WHERE d.state = 'sending')) AS at`,
    );
    return row.at;
  }

  /** Records one attempt and its outcome: delivered, failed, or pending again at `nextAttemptAt`. */
  async record(deliveryId: string, attempt: number, r: AttemptRecord): Promise<void> {
    const state: DeliveryState = r.outcome === 'retry' ? 'pending' : r.outcome;
    await this.dataSource.query(
      `WITH attempt AS (
         INSERT INTO webhook_delivery_attempts (delivery_id, attempt, at, duration_ms, outcome, status_code, error, response_prefix, next_attempt_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       )
       UPDATE webhook_deliveries SET state = $10, due_at = COALESCE($9, due_at), claimed_until = NULL,
              last_status_code = $6, last_error = $7
        WHERE id = $1 AND state = 'sending'`,
      [deliveryId, attempt, r.at, r.durationMs, r.outcome, r.statusCode, r.error, r.responsePrefix, r.nextAttemptAt, state],
    );
  }

  /** A disabled webhook's deliveries waiting for a retry are failed with it. */
  async failPendingOf(webhookId: string, reason: string): Promise<number> {
    const rows: { id: string }[] = await this.dataSource.query(
      `WITH failed AS (
         UPDATE webhook_deliveries SET state = 'failed', last_error = $2 WHERE webhook_id = $1 AND state = 'pending' RETURNING id
       ) SELECT id FROM failed`,
      [webhookId, reason],
    );
    return rows.length;
  }

  /**
   * Sends a delivery again: pending, due now, with a new 24-hour retry window.
   * Null when the delivery is not the webhook's; unchanged while it is being sent.
   */
  async redeliver(webhookId: string, deliveryId: string, now: Date): Promise<boolean> {
    const rows: { id: string }[] = await this.dataSource.query(
      `WITH again AS (
         UPDATE webhook_deliveries SET state = CASE WHEN state = 'sending' THEN state ELSE 'pending' END,
                due_at = $3, first_attempt_at = CASE WHEN state = 'sending' THEN first_attempt_at ELSE NULL END
          WHERE id = $2 AND webhook_id = $1 RETURNING id
       ) SELECT id FROM again`,
      [webhookId, deliveryId, now],
    );
    return rows.length > 0;
  }

  /** A webhook's deliveries, newest first (keyset on created_at, id), each with its attempts. */
  async list(webhookId: string, limit: number, cursor: string | undefined, deliveryId?: string): Promise<Page<DeliveryRow>> {
    const pos = cursor ? decodeCursor(cursor) : null;
    const rows: DeliveryRow[] = await this.dataSource.query(
      `SELECT d.id, d.event_id AS "eventId", e.type AS "eventType", e.incident_id AS "incidentId", e.sequence, d.state, d.attempts,
              d.due_at AS "dueAt", d.last_status_code AS "lastStatusCode", d.last_error AS "lastError", d.created_at AS "createdAt",
              COALESCE((SELECT json_agg(json_build_object('attempt', a.attempt, 'at', a.at, 'durationMs', a.duration_ms, 'outcome', a.outcome,
                                                          'statusCode', a.status_code, 'error', a.error, 'responsePrefix', a.response_prefix,
                                                          'nextAttemptAt', a.next_attempt_at) ORDER BY a.attempt, a.at)
                          FROM webhook_delivery_attempts a WHERE a.delivery_id = d.id), '[]'::json) AS "attemptLog"
         FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
        WHERE d.webhook_id = $1 AND ($5::uuid IS NULL OR d.id = $5)
          AND ($2::timestamptz IS NULL OR (d.created_at, d.id) < ($2::timestamptz, $3::uuid))
        ORDER BY d.created_at DESC, d.id DESC LIMIT $4`,
      [webhookId, pos?.t ?? null, pos?.id ?? null, limit + 1, deliveryId ?? null],
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    const nextCursor = rows.length > limit && last ? encodeCursor(last) : null;
    return { items, nextCursor };
  }
}
