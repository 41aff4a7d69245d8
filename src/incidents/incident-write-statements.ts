import { WORK_CHANNEL, type WorkKind } from '../database/work-channel';
import { LOAD_SQL, TRIGGER_LOAD_SQL } from './incident-statements';

/**
 * The statements that write a batch's decision (incidents.repository.ts):
 * the incident rows, the alerts and the timeline, as JSON arrays (see
 * BatchDecision). An alert with a key is upserted and counted (a repeat is a
 * counter, not a row); a timeline row with an id is the entry of a burst of
 * repeats, inserted when the burst starts and rewritten with its final count
 * when it ends (RepeatBurst).
 *
 * `WRITE_SQL` runs in the batch's transaction after the load locked the rows
 * ($1 incidents, $2 alerts, $3 timeline, $4 the time, $5 whether to wake the
 * workers) and returns the id of its transaction: the version of every
 * incident row it updated. `KNOWN_WRITE_SQL` is the whole transaction of a
 * batch of repeats, decided from incidents the process already knew
 * (known-incidents.ts), that writes alerts alone: $1 holds each incident's
 * expected row version (`xmin`), the rows are locked first, and nothing is
 * written unless every one still has that version ($2 the alerts, $3 the
 * time); it returns `ok`. It leaves the incident rows, and so their versions,
 * as they were.
 */
const alertUpsert = (rows: string, at: string, onlyIfOk: string) => `alert AS (
  INSERT INTO alerts AS a (incident_id, integration_id, source, action, fingerprint, alert_key, occurrences, status, title, severity,
         details, payload, first_payload, received_at, updated_at)
  SELECT r.incident_id, r.integration_id, r.source, r.action, r.fingerprint, r.alert_key, r.occurrences, r.status, r.title, r.severity,
         r.details, r.payload, r.first_payload, ${at}::timestamptz, ${at}::timestamptz
    FROM json_to_recordset(${rows}::json) AS r(n int, incident_id uuid, integration_id uuid, source text, action text, fingerprint text,
         alert_key text, occurrences int, status text, title text, severity text, details jsonb, payload jsonb, first_payload jsonb)
   WHERE true${onlyIfOk}
   ORDER BY r.n
  ON CONFLICT (incident_id, alert_key) WHERE alert_key IS NOT NULL DO UPDATE SET
    action = EXCLUDED.action, status = EXCLUDED.status, title = EXCLUDED.title, severity = EXCLUDED.severity,
    details = EXCLUDED.details, payload = EXCLUDED.payload, updated_at = EXCLUDED.updated_at,
    occurrences = a.occurrences + EXCLUDED.occurrences, first_payload = COALESCE(a.first_payload, a.payload)
)`;

export const WRITE_SQL = `
WITH u AS (
  SELECT * FROM json_to_recordset($1::json) AS u(id uuid, status text, updated_at timestamptz, last_alert_at timestamptz,
         acknowledged_at timestamptz, acknowledged_by jsonb, resolved_at timestamptz, resolved_by jsonb, repeat_burst jsonb)
), inc AS (
  UPDATE incidents i SET status = u.status, updated_at = u.updated_at, last_alert_at = u.last_alert_at,
         acknowledged_at = u.acknowledged_at, acknowledged_by = u.acknowledged_by, resolved_at = u.resolved_at, resolved_by = u.resolved_by,
         repeat_burst = u.repeat_burst
    FROM u
   WHERE i.id = u.id AND i.id = ANY (ARRAY(SELECT id FROM u))
), ${alertUpsert('$2', '$4', '')}, timeline AS (
  INSERT INTO incident_timeline (id, incident_id, at, type, message, actor_type, actor_id, actor_name, channel, data)
  SELECT COALESCE(e.id, gen_random_uuid()), e.incident_id, e.at, e.type, e.message, e.actor_type, e.actor_id, e.actor_name, e.channel, e.data
    FROM json_to_recordset($3::json) AS e(n int, id uuid, incident_id uuid, at timestamptz, type text, message text, actor_type text,
         actor_id text, actor_name text, channel text, data jsonb)
   ORDER BY e.n
  ON CONFLICT (id) DO UPDATE SET message = EXCLUDED.message, data = EXCLUDED.data
)
SELECT pg_current_xact_id()::xid::text AS version,
       (SELECT count(*) FROM (SELECT pg_notify('${WORK_CHANNEL}', '${'timers' satisfies WorkKind}') WHERE $5::boolean) AS woken)::int AS woken`;

const KNOWN_WRITE_SQL = `
WITH v AS (
  SELECT * FROM json_to_recordset($1::json) AS v(id uuid, version xid)
), g AS (
  SELECT i.id FROM incidents i JOIN v ON v.id = i.id
   WHERE i.id = ANY (ARRAY(SELECT id FROM v)) AND i.xmin = v.version
   ORDER BY i.id
     FOR NO KEY UPDATE OF i
), ok AS (
  SELECT (SELECT count(*) FROM g) = (SELECT count(*) FROM v) AS ok
), ${alertUpsert('$2', '$3', ' AND (SELECT ok FROM ok)')}
SELECT ok FROM ok`;

/**
 * The statements as server-side prepared statements, made once per
 * connection (PREPARE; planned once, then a cached plan): a batch sends only
 * `EXECUTE` with its rows as literals, so BEGIN and the load travel in one
 * message, the write and COMMIT in another; a batch of known repeats is one
 * message and its own transaction.
 */
export const PREPARED = {
  load: { name: 'klaxon_incident_load', text: `PREPARE klaxon_incident_load(json, timestamptz) AS ${LOAD_SQL}` },
  /** The load of a batch of triggers: only the columns a trigger reads (incident-statements.ts). */
  loadTriggers: {
    name: 'klaxon_incident_load_triggers',
    text: `PREPARE klaxon_incident_load_triggers(json, timestamptz) AS ${TRIGGER_LOAD_SQL}`,
  },
  write: {
    name: 'klaxon_incident_write',
    text: `PREPARE klaxon_incident_write(json, json, json, timestamptz, boolean) AS ${WRITE_SQL}`,
  },
  knownWrite: {
    name: 'klaxon_incident_write_known',
    text: `PREPARE klaxon_incident_write_known(json, json, timestamptz) AS ${KNOWN_WRITE_SQL}`,
  },
} as const;
