import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { WORK_CHANNEL, type WorkKind } from '../database/work-channel';
import type { IncidentFacts, WebhookActor } from './event-body';

export interface IncidentFactsRow extends IncidentFacts {
  suppressed: boolean;
  /** The highest sequence of the incident's events so far (0: none). */
  lastSequence: number;
}

/** An event ready to store: its body (exact bytes) and the webhooks it goes to. */
export interface StoredEvent {
  id: string;
  type: string;
  incidentId: string | null;
  sequence: number | null;
  occurredAt: Date;
  body: string;
  webhookIds: readonly string[];
}

/** Every statement on `webhook_events`, and the insert of their deliveries. */
@Injectable()
export class WebhookEventsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * What the events show of these incidents, read in the caller's
   * transaction. Every caller holds the incidents' row locks, but a note
   * holds only a share lock, which two notes hold at once: a transaction-level
   * advisory lock per incident (taken in id order, always after the row lock)
   * keeps `lastSequence` from being read by two writers at once.
   */
  async incidentFacts(em: EntityManager, incidentIds: readonly string[]): Promise<Map<string, IncidentFactsRow>> {
    if (!incidentIds.length) return new Map();
    await em.query(
      `SELECT count(pg_advisory_xact_lock(hashtextextended('klaxon:webhook-sequence:' || id::text, 0)))
         FROM (SELECT DISTINCT id FROM unnest($1::uuid[]) AS u(id) ORDER BY id) AS ids`,
      [[...new Set(incidentIds)]],
    );
    const rows: (Omit<IncidentFactsRow, 'number' | 'lastSequence'> & { number: string; lastSequence: number })[] = await em.query(
      `SELECT i.id, i.number, i.title, i.status, i.severity, i.service_id AS "serviceId", s.name AS "serviceName",
              i.created_at AS "createdAt", i.acknowledged_at AS "acknowledgedAt", i.acknowledged_by AS "acknowledgedBy",
              i.resolved_at AS "resolvedAt", i.resolved_by AS "resolvedBy", i.suppressed,
              COALESCE((SELECT max(e.sequence) FROM webhook_events e WHERE e.incident_id = i.id), 0)::int AS "lastSequence"
         FROM incidents i JOIN services s ON s.id = i.service_id
        WHERE i.id = ANY($1::uuid[])`,
      [[...new Set(incidentIds)]],
    );
    return new Map(
      rows.map((r) => [
        r.id,
        { ...r, number: Number(r.number), acknowledgedBy: r.acknowledgedBy as WebhookActor | null, resolvedBy: r.resolvedBy as WebhookActor | null },
      ]),
    );
  }

  /** The events and one pending delivery per (event, webhook), due at once, in the caller's transaction; wakes the workers at commit. */
  async insert(em: EntityManager, events: readonly StoredEvent[], now: Date): Promise<void> {
    if (!events.length) return;
    const rows = events.map((e) => ({
      id: e.id,
      type: e.type,
      incident_id: e.incidentId,
      sequence: e.sequence,
      occurred_at: e.occurredAt,
      body: e.body,
      webhook_ids: e.webhookIds,
    }));
    await em.query(
      `WITH e AS (
         SELECT * FROM json_to_recordset($1::json) AS x(id uuid, type text, incident_id uuid, sequence int, occurred_at timestamptz,
                                                          body text, webhook_ids uuid[])
       ), events AS (
         INSERT INTO webhook_events (id, type, incident_id, sequence, occurred_at, body, created_at)
         SELECT id, type, incident_id, sequence, occurred_at, body, $2 FROM e
         RETURNING id
       ), deliveries AS (
         INSERT INTO webhook_deliveries (event_id, webhook_id, due_at, created_at)
         SELECT events.id, w.webhook_id, $2, $2
           FROM events JOIN e ON e.id = events.id CROSS JOIN LATERAL unnest(e.webhook_ids) AS w(webhook_id)
         ON CONFLICT (event_id, webhook_id) DO NOTHING
       )
       SELECT pg_notify('${WORK_CHANNEL}', '${'webhooks' satisfies WorkKind}')`,
      [JSON.stringify(rows), now],
    );
  }

  /** Retention: events created before `before` (their deliveries and attempts go with them). */
  async deleteBefore(before: Date, limit: number): Promise<number> {
    const rows: { id: string }[] = await this.dataSource.query(
      `WITH gone AS (
         DELETE FROM webhook_events WHERE id IN (SELECT id FROM webhook_events WHERE created_at < $1 ORDER BY created_at LIMIT $2) RETURNING id
       ) SELECT id FROM gone`,
      [before, limit],
    );
    return rows.length;
  }
}
