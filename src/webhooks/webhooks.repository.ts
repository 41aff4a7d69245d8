import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { decodeCursor, encodeCursor, Page } from '../common/pagination';
import type { WebhookEventType } from './webhook-event-types';

/** A webhook as stored. `secret` never leaves the module except to sign. */
export interface WebhookRow {
  id: string;
  url: string;
  secret: string;
  events: WebhookEventType[];
  serviceIds: string[] | null;
  description: string | null;
  enabled: boolean;
  disabledAt: Date | null;
  disabledReason: string | null;
  failingSince: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `id, url, secret, events, service_ids AS "serviceIds", description, enabled, disabled_at AS "disabledAt",
  disabled_reason AS "disabledReason", failing_since AS "failingSince", created_at AS "createdAt", updated_at AS "updatedAt"`;

export interface WebhookChanges {
  url?: string;
  events?: WebhookEventType[];
  serviceIds?: string[] | null;
  description?: string | null;
  /** true re-enables a disabled webhook (its failure streak starts again); false disables it. */
  enabled?: boolean;
}

/** Every statement on the `webhooks` table. */
@Injectable()
export class WebhooksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(w: { url: string; secret: string; events: WebhookEventType[]; serviceIds: string[] | null; description: string | null }, now: Date): Promise<WebhookRow> {
    const [row]: WebhookRow[] = await this.dataSource.query(
      `INSERT INTO webhooks (url, secret, events, service_ids, description, created_at, updated_at)
       VALUES ($1, $2, $3::text[], $4::uuid[], $5, $6, $6) RETURNING ${COLUMNS}`,
      [w.url, w.secret, w.events, w.serviceIds, w.description, now],
    );
    return row;
  }

  async get(id: string, em?: EntityManager): Promise<WebhookRow | null> {
    const rows: WebhookRow[] = await (em ?? this.dataSource).query(`SELECT ${COLUMNS} FROM webhooks WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Newest first, keyset on (created_at, id). */
  async list(limit: number, cursor: string | undefined): Promise<Page<WebhookRow>> {
    const pos = cursor ? decodeCursor(cursor) : null;
    const rows: WebhookRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM webhooks
        WHERE $1::timestamptz IS NULL OR (created_at, id) < ($1::timestamptz, $2::uuid)
        ORDER BY created_at DESC, id DESC LIMIT $3`,
      [pos?.t ?? null, pos?.id ?? null, limit + 1],
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    const nextCursor = rows.length > limit && last ? encodeCursor(last) : null;
    return { items, nextCursor };
  }

  async update(id: string, c: WebhookChanges, now: Date): Promise<WebhookRow | null> {
    const rows: WebhookRow[] = await this.dataSource.query(
      `WITH changed AS (UPDATE webhooks SET
         url = COALESCE($2, url),
         events = COALESCE($3::text[], events),
         service_ids = CASE WHEN $4::boolean THEN $5::uuid[] ELSE service_ids END,
         description = CASE WHEN $6::boolean THEN $7 ELSE description END,
         enabled = COALESCE($8, enabled),
         disabled_at = CASE WHEN $8 THEN NULL WHEN NOT $8 THEN COALESCE(disabled_at, $9) ELSE disabled_at END,
         disabled_reason = CASE WHEN $8 THEN NULL WHEN NOT $8 THEN COALESCE(disabled_reason, 'disabled through the API') ELSE disabled_reason END,
         failing_since = CASE WHEN $8 THEN NULL ELSE failing_since END,
         updated_at = $9
       WHERE id = $1 RETURNING *)
       SELECT ${COLUMNS} FROM changed`,
      [
        id,
        c.url ?? null,
        c.events ?? null,
        c.serviceIds !== undefined,
        c.serviceIds ?? null,
        c.description !== undefined,
        c.description ?? null,
        c.enabled ?? null,
        now,
      ],
    );
    return rows[0] ?? null;
  }

  async delete(id: string, em: EntityManager): Promise<boolean> {
    const rows: { id: string }[] = await em.query('WITH gone AS (DELETE FROM webhooks WHERE id = $1 RETURNING id) SELECT id FROM gone', [id]);
    return rows.length > 0;
  }

  /** The enabled webhooks: whom an event may go to. */
  async enabled(em: EntityManager): Promise<Pick<WebhookRow, 'id' | 'events' | 'serviceIds'>[]> {
    return em.query(`SELECT id, events, service_ids AS "serviceIds" FROM webhooks WHERE enabled`);
  }

  /** For escalation targets: which of these webhooks exist, and whether each is enabled. */
  async states(ids: readonly string[], em?: EntityManager): Promise<Map<string, { enabled: boolean; description: string | null }>> {
    if (!ids.length) return new Map();
    const rows: { id: string; enabled: boolean; description: string | null }[] = await (em ?? this.dataSource).query(
      'SELECT id, enabled, description FROM webhooks WHERE id = ANY($1::uuid[])',
      [[...new Set(ids)]],
    );
    return new Map(rows.map((r) => [r.id, { enabled: r.enabled, description: r.description }]));
  }

  /** A success ends the webhook's failure streak. */
  async markSucceeded(id: string): Promise<void> {
    await this.dataSource.query('UPDATE webhooks SET failing_since = NULL WHERE id = $1 AND failing_since IS NOT NULL', [id]);
  }

  /**
   * A failed attempt: starts the streak if none, and disables the webhook when
   * the streak began at least `disableAfterMs` ago. Returns the row when this
   * call disabled it (once: a disabled webhook is not disabled again).
   */
  async markFailed(id: string, now: Date, disableAfterMs: number, reason: string): Promise<WebhookRow | null> {
    const rows: WebhookRow[] = await this.dataSource.query(
      `WITH marked AS (UPDATE webhooks SET failing_since = COALESCE(failing_since, $2),
              enabled = CASE WHEN COALESCE(failing_since, $2) <= $3 THEN false ELSE enabled END,
              disabled_at = CASE WHEN COALESCE(failing_since, $2) <= $3 THEN $2 ELSE disabled_at END,
              disabled_reason = CASE WHEN COALESCE(failing_since, $2) <= $3 THEN $4 ELSE disabled_reason END
        WHERE id = $1 AND enabled
        RETURNING *)
       SELECT ${COLUMNS}, (NOT enabled AND failing_since <= $3) AS "justDisabled" FROM marked`,
      [id, now, new Date(now.getTime() - disableAfterMs), reason],
    );
    const row = rows[0] as (WebhookRow & { justDisabled: boolean }) | undefined;
    return row?.justDisabled ? row : null;
  }
}
