import type { AlertmanagerAlert, NormalisedEvent, Severity } from '../ingest/sources/normalised-event';
import { isSeverity } from '../ingest/sources/normalised-event';
import type { EventCommand } from './incident-commands';
import { json } from './json-text';

/** One alert row as the write statement stores it (alerts, by json_to_recordset). */
export interface AlertRow {
  n: number;
  incident_id: string;
  integration_id: string | null;
  source: string;
  action: string;
  /** Set for an alert of a group; null for an ungrouped event. */
  fingerprint: string | null;
  /**
   * The alert of the incident this row counts, upserted by (incident, key):
   * the fingerprint for an alert of a group, '' for an ungrouped trigger (the
   * incident's own dedup key); null for an acknowledge/resolve event (a row each).
   */
  alert_key: string | null;
  /** Events this row stands for (a batch folds the repeats of one alert into one row). */
  occurrences: number;
  /** The first of those events' payload when there were several; null otherwise. */
  first_payload: unknown;
  status: 'firing' | 'resolved';
  title: string;
  severity: Severity;
  details: unknown;
  payload: unknown;
}

/** A stored alert of a group, as far as "did it change?" needs it. */
export interface KnownAlert {
  status: string;
  payload: unknown;
}

/** The value as jsonb will hold it: JSON, without U+0000. */
export function asStored(value: unknown): unknown {
  return JSON.parse(json(value));
}

/** The row of an ungrouped event (Events v2, generic): the whole request body is its payload. */
export function ungroupedAlertRow(incidentId: string, c: EventCommand): Omit<AlertRow, 'n'> {
  const { event, target } = c;
  return {
    incident_id: incidentId,
    integration_id: target.integrationId,
    source: target.source,
    action: event.action,
    fingerprint: null,
    alert_key: event.action === 'trigger' ? '' : null,
    occurrences: 1,
    first_payload: null,
    status: event.action === 'resolve' ? 'resolved' : 'firing',
    title: event.title,
    severity: event.severity,
    details: { ...event.details, links: event.links, source: event.source, occurredAt: event.occurredAt },
    payload: c.raw ?? null,
  };
}

/** The row of one alert of a group (Alertmanager, Grafana): its own element of `alerts[]` is its payload. */
export function groupedAlertRow(incidentId: string, c: EventCommand, alert: AlertmanagerAlert): Omit<AlertRow, 'n'> {
  return {
    incident_id: incidentId,
    integration_id: c.target.integrationId,
    source: c.target.source,
    action: c.event.action,
    fingerprint: alert.fingerprint,
    alert_key: alert.fingerprint,
    occurrences: 1,
    first_payload: null,
    status: alert.status,
    title: alertTitle(alert, c.event),
    severity: isSeverity(alert.labels.severity) ? alert.labels.severity : c.event.severity,
    details: {
      labels: alert.labels,
      annotations: alert.annotations,
      startsAt: alert.startsAt,
      endsAt: alert.endsAt,
      generatorURL: alert.generatorURL,
      ...(alert.grafana ? { grafana: alert.grafana } : {}),
    },
    payload: asStored(rawAlert(c.raw, alert.fingerprint) ?? alert),
  };
}

function alertTitle(alert: AlertmanagerAlert, event: NormalisedEvent): string {
  return alert.annotations.summary?.trim() || alert.labels.alertname || event.title;
}

/** The alert's own element of the raw `alerts[]`, so the stored payload is exactly what arrived. */
function rawAlert(raw: unknown, fingerprint: string): unknown {
  const alerts = (raw as { alerts?: unknown })?.alerts;
  if (!Array.isArray(alerts)) return undefined;
  return alerts.find((a) => (a as { fingerprint?: unknown })?.fingerprint === fingerprint);
}

/** Folds a later event's row for the same alert into the batch's row: counts it, and the later state wins. */
export function foldAlertRow<R extends AlertRow>(earlier: R, later: R): R {
  return { ...later, occurrences: earlier.occurrences + later.occurrences, first_payload: earlier.first_payload ?? earlier.payload };
}
