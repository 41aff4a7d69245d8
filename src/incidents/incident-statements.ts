import type { Severity } from '../ingest/sources/normalised-event';
import type { KnownAlert } from './alert-rows';
import type { IncidentStatus } from './domain/incident-state';
import type { IncidentCommand } from './incident-commands';
import type { BatchDecision, LoadedIncident } from './incident-batch-decision';
import { datesAsText } from './json-text';
import { ActorRecord, Incident, RepeatBurst } from './incident.entity';

/**
 * The load statement of an incident batch (incidents.repository.ts): it
 * locks and opens; incident-write-statements.ts writes what the state machine
 * decided.
 */

/** One command's key as the load statement reads it (json_to_recordset). */
export interface LoadKey {
  i: number;
  incident_id: string | null;
  service_id: string | null;
  dedup_key: string | null;
  /** A trigger: open an incident for the key if none is open. */
  opens: boolean;
  title: string | null;
  severity: string | null;
  /** The fingerprints of a group, whose stored alerts the batch compares with. */
  fingerprints: string[];
  /** Set on an incident the command opens: the router it came through, and whether it is suppressed. */
  router_id: string | null;
  suppressed: boolean;
}

/** An incident row as the load statement returns it. */
export interface LoadedRow {
  id: string;
  number: string;
  service_id: string;
  dedup_key: string;
  status: IncidentStatus;
  title: string;
  severity: Severity;
  created_at: Date;
  updated_at: Date;
  last_alert_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by: ActorRecord | null;
  resolved_at: Date | null;
  resolved_by: ActorRecord | null;
  level: number;
  loop: number;
  escalation_epoch: number;
  escalation_exhausted: boolean;
  level_reached_at: Date | null;
  repeat_burst: RepeatBurst | null;
  maintenance: boolean;
  maintenance_released_at: Date | null;
  created: boolean;
  known_alerts: ({ fingerprint: string } & KnownAlert)[] | null;
  /** The trigger alert's occurrences and last write (Incident.triggerCount, lastTriggerAt); null without one. */
  trigger_count: number | null;
  last_trigger_at: Date | null;
  /** The row version the load found (`xmin`): known-incidents.ts. */
  version: string;
}

const COLUMNS = `id, number, service_id, dedup_key, status, title, severity, created_at, updated_at, last_alert_at,
  acknowledged_at, acknowledged_by, resolved_at, resolved_by, level, loop, escalation_epoch, escalation_exhausted, level_reached_at, repeat_burst,
  maintenance, maintenance_released_at`;

/**
 * What a batch of triggers decides and logs with: a trigger never tells the
 * listeners nor answers with the incident, so the decision reads only the
 * key, status and repeat burst of an open incident (and writes back its
 * acknowledgement and resolution as they are), and the title, severity,
 * creation time and maintenance hold of one it opens (its timeline and log
 * line). The escalation state and the other times (timestamps are the dearest
 * values to parse) stay in the database: 14 columns instead of 22.
 */
export const TRIGGER_COLUMNS = [
  ...['id', 'number', 'service_id', 'dedup_key', 'status', 'title', 'severity', 'created_at'],
  ...['acknowledged_at', 'acknowledged_by', 'resolved_at', 'resolved_by', 'repeat_burst', 'maintenance'],
] as const satisfies readonly (keyof LoadedRow)[];

/** An incident row as the load statement of a batch of triggers returns it. */
export type TriggerLoadedRow = Pick<LoadedRow, (typeof TRIGGER_COLUMNS)[number] | 'created' | 'known_alerts' | 'trigger_count' | 'last_trigger_at' | 'version'>;

/**
 * Rows are found by primary key through `id = ANY (ARRAY(...))`: a set from
 * json_to_recordset is estimated at 100 rows whatever its size, and with a
 * plain join or `IN` the planner chose a sequential scan of `incidents` for
 * every batch once the table held a few thousand rows (1.1 ms at 1,400 rows,
 * growing with the table); the array form always probes the primary key.
 *
 * Locks the incidents the commands name (by id, or the open one with the
 * key), in id order, then opens an incident for each key a trigger names that
 * has none (in (service, key) order; ON CONFLICT on the partial unique index
 * `uq_incidents_open_dedup`). A new incident whose service a maintenance
 * window covers at $2 is opened `maintenance` (held: docs/maintenance.md); the
 * EXISTS runs only for incidents being opened, one index probe each
 * (`ix_maintenance_window_services_cover`), so repeats pay nothing. The
 * trigger alert of each locked incident (the count of its repeat burst,
 * RepeatBurst) is locked too: a lock reads the row's latest version even when
 * the incident's lock had to wait for another transaction that wrote it,
 * where a plain read would see this statement's older snapshot. Every lock is taken before the first insert (the
 * count over `locked`), so a batch waiting on another's insert holds no lock
 * that one still needs: batches never deadlock. A key that a concurrent
 * transaction opened after this statement's snapshot comes back neither
 * locked nor opened (the command is retried).
 *
 * $1: the commands' keys (LoadKey[] as JSON); $2: now.
 */
/**
 * Whether a maintenance window covers `serviceColumn`'s service at the time
 * parameter `at` (docs/maintenance.md): one probe of
 * `ix_maintenance_window_services_cover`. The one definition of "covered" that
 * the opening of held incidents and their release share.
 */
export function coveredByMaintenance(serviceColumn: string, at: string): string {
  return `EXISTS (SELECT 1 FROM maintenance_window_services w
                  WHERE w.service_id = ${serviceColumn} AND w.ends_at > ${at}::timestamptz AND w.starts_at <= ${at}::timestamptz)`;
}

const loadSql = (columns: string) => `
WITH k AS (
  SELECT * FROM json_to_recordset($1::json) AS k(i int, incident_id uuid, service_id uuid, dedup_key text, opens boolean,
    title text, severity text, fingerprints jsonb, router_id uuid, suppressed boolean)
), named AS (
  SELECT incident_id AS id FROM k WHERE incident_id IS NOT NULL
  UNION
  SELECT i.id FROM incidents i JOIN k ON i.service_id = k.service_id AND i.dedup_key = k.dedup_key
   WHERE k.incident_id IS NULL AND i.status <> 'resolved'
), locked AS (
  SELECT ${columns.split(',').map((c) => `i.${c.trim()}`).join(', ')}, i.xmin::text AS version FROM incidents i
   WHERE i.id = ANY (ARRAY(SELECT id FROM named))
   ORDER BY i.id
     FOR NO KEY UPDATE OF i
), triggers AS (
  SELECT t.incident_id, t.occurrences, t.updated_at FROM alerts t
   WHERE t.incident_id = ANY (ARRAY(SELECT id FROM locked)) AND t.alert_key = ''
     FOR NO KEY UPDATE OF t
), firsts AS (
  SELECT DISTINCT ON (k.service_id, k.dedup_key) k.service_id, k.dedup_key, k.title, k.severity, k.router_id, k.suppressed
    FROM k CROSS JOIN (SELECT count(*) FROM locked) AS all_locked
   WHERE k.opens AND NOT EXISTS (
     SELECT 1 FROM locked l WHERE l.service_id = k.service_id AND l.dedup_key = k.dedup_key AND l.status <> 'resolved')
   ORDER BY k.service_id, k.dedup_key, k.i
), opened AS (
  INSERT INTO incidents (service_id, dedup_key, status, title, severity, created_at, updated_at, last_alert_at, router_id, suppressed, maintenance)
  SELECT f.service_id, f.dedup_key, 'triggered', f.title, f.severity, $2::timestamptz, $2::timestamptz, $2::timestamptz, f.router_id,
         COALESCE(f.suppressed, false),
         ${coveredByMaintenance('f.service_id', '$2')}
    FROM firsts f ORDER BY f.service_id, f.dedup_key
  ON CONFLICT (service_id, dedup_key) WHERE status <> 'resolved' DO NOTHING
  RETURNING ${columns}, xmin::text AS version
), wanted AS (
  SELECT DISTINCT k.service_id, k.dedup_key, f.fingerprint
    FROM k CROSS JOIN LATERAL jsonb_array_elements_text(k.fingerprints) AS f(fingerprint)
), known AS (
  SELECT l.id, json_agg(json_build_object('fingerprint', a.fingerprint, 'status', a.status, 'payload', a.payload)) AS alerts
    FROM wanted w
    JOIN locked l ON l.service_id = w.service_id AND l.dedup_key = w.dedup_key
    JOIN alerts a ON a.incident_id = l.id AND a.alert_key = w.fingerprint
   GROUP BY l.id
)
SELECT l.*, false AS created, known.alerts AS known_alerts, tr.occurrences AS trigger_count, tr.updated_at AS last_trigger_at
  FROM locked l LEFT JOIN known ON known.id = l.id LEFT JOIN triggers tr ON tr.incident_id = l.id
UNION ALL
SELECT o.*, true, NULL, NULL, NULL FROM opened o`;

export const LOAD_SQL = loadSql(COLUMNS);

/** LOAD_SQL returning TRIGGER_COLUMNS: for a batch whose commands are all triggers. */
export const TRIGGER_LOAD_SQL = loadSql(TRIGGER_COLUMNS.join(', '));

/** Whether a batch is all triggers, and so loads with TRIGGER_LOAD_SQL. */
export function onlyTriggers(commands: readonly IncidentCommand[]): boolean {
  return commands.every((c) => c.kind === 'event' && c.event.action === 'trigger');
}

/**
/** The write statements' incident, alert and timeline rows for json(): the incident and timeline times as text already (datesAsText). */
export function writeRows(d: BatchDecision): [unknown[], unknown[], unknown[]] {
  return [datesAsText(d.incidents, ['updated_at', 'last_alert_at', 'acknowledged_at', 'resolved_at']), d.alerts, datesAsText(d.timeline, ['at'])];
}

export function loadKeys(commands: readonly IncidentCommand[]): LoadKey[] {
  return commands.map((c, i) =>
    c.kind === 'act'
      ? {
          i,
          incident_id: c.incidentId,
          service_id: null,
          dedup_key: null,
          opens: false,
          title: null,
          severity: null,
          fingerprints: [],
          router_id: null,
          suppressed: false,
        }
      : {
          i,
          incident_id: null,
          service_id: c.target.serviceId,
          dedup_key: c.dedupKey,
          opens: c.event.action === 'trigger',
          title: c.event.title,
          severity: c.event.severity,
          fingerprints: c.event.alerts?.map((a) => a.fingerprint) ?? [],
          router_id: c.target.routerId ?? null,
          suppressed: c.target.suppressed ?? false,
        },
  );
}

/**
 * The loaded incident of a row. A row of TRIGGER_LOAD_SQL sets only its
 * columns: the escalation state and the other times are left unset (nothing
 * that decides or logs a trigger reads them).
 */
export function toLoaded(row: LoadedRow | TriggerLoadedRow): LoadedIncident {
  const incident = Object.assign(new Incident(), {
    id: row.id,
    number: Number(row.number),
    serviceId: row.service_id,
    dedupKey: row.dedup_key,
    status: row.status,
    title: row.title,
    severity: row.severity,
    createdAt: row.created_at,
    acknowledgedAt: row.acknowledged_at,
    acknowledgedBy: row.acknowledged_by,
    resolvedAt: row.resolved_at,
    resolvedBy: row.resolved_by,
    repeatBurst: row.repeat_burst,
    maintenance: row.maintenance,
    triggerCount: row.trigger_count,
    lastTriggerAt: row.last_trigger_at,
  });
  if ('level' in row) {
    Object.assign(incident, {
      updatedAt: row.updated_at,
      lastAlertAt: row.last_alert_at,
      level: row.level,
      loop: row.loop,
      escalationEpoch: row.escalation_epoch,
      escalationExhausted: row.escalation_exhausted,
      levelReachedAt: row.level_reached_at,
      maintenanceReleasedAt: row.maintenance_released_at,
    });
  }
  const known = new Map((row.known_alerts ?? []).map((a) => [a.fingerprint, { status: a.status, payload: a.payload }]));
  return { incident, created: row.created, knownAlerts: known };
}
