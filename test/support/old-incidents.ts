/**
 * Resolved incidents with their rows, written straight in SQL (fast enough for
 * a million rows): for retention tests and the cleanup bench. Each incident
 * gets `alerts` alerts, `timeline` timeline entries and `pages` sent pages.
 */
export interface OldIncidents {
  serviceId: string;
  count: number;
  resolvedAt: Date;
  alerts?: number;
  timeline?: number;
  pages?: number;
  /** Prefix of the dedup keys (`<prefix>-<n>`). */
  prefix?: string;
  status?: 'resolved' | 'triggered';
}

type Query = (sql: string, params: unknown[]) => Promise<unknown>;

export async function insertOldIncidents(query: Query, o: OldIncidents): Promise<void> {
  const status = o.status ?? 'resolved';
  await query(
    `WITH inc AS (
       INSERT INTO incidents (service_id, dedup_key, status, title, severity, created_at, updated_at, last_alert_at,
                              resolved_at, escalation_started_at, webhooks_announced_at)
       SELECT $1, $2 || '-' || g, $3, 'old incident ' || g, 'critical', $4::timestamptz - interval '1 hour', $4, $4,
              CASE WHEN $3 = 'resolved' THEN $4::timestamptz END, $4, $4
         FROM generate_series(1, $5::int) AS g
       RETURNING id),
     a AS (
       INSERT INTO alerts (incident_id, source, action, status, title, severity, details, payload, received_at, updated_at)
       SELECT inc.id, 'events-v2', 'trigger', 'firing', 'old alert', 'critical', '{}', '{"summary":"old"}', $4, $4
         FROM inc, generate_series(1, $6::int)),
     tl AS (
       INSERT INTO incident_timeline (incident_id, at, type, message, actor_type, channel)
       SELECT inc.id, $4, 'triggered', 'Triggered', 'system', 'api' FROM inc, generate_series(1, $7::int)),
     p AS (
       INSERT INTO notifications (incident_id, idempotency_key, level, loop, channel, address, state, due_at, sent_at)
       SELECT inc.id, inc.id || '-' || g, 0, 0, 'sms', '+15550000000', 'sent', $4, $4 FROM inc, generate_series(1, $8::int) AS g)
     SELECT 1`,
    [o.serviceId, o.prefix ?? 'old', status, o.resolvedAt, o.count, o.alerts ?? 2, o.timeline ?? 3, o.pages ?? 1],
  );
}
