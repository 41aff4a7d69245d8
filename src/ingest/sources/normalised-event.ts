/**
 * The one shape every webhook adapter produces. Adapters are pure: the
 * controller hands them the already-parsed JSON body and persists what comes
 * back; nothing here touches the database or the clock.
 *
 * Contract for the persistence layer:
 * - `dedupKey` is sanitised and truncated to 255 characters. It is `null` only
 *   for an Events v2 `trigger` sent without `dedup_key` (or a generic trigger
 *   without `dedupKey`): the caller generates a key, stores it on the incident
 *   and returns it to the sender.
 * - `title` is sanitised to one line and truncated to 1024 characters.
 * - `alerts` is present only for grouped sources (Alertmanager, Grafana). Each
 *   notification carries the full current state of the group, so the caller
 *   upserts every alert by `fingerprint` (unique within one event).
 * - `details` is a JSON-safe copy of the source-specific fields worth showing
 *   (long-form text keeps `\n` and `\t`); the raw body is stored separately by
 *   the caller.
 * - `links` hold only absolute http(s) URLs, because they are rendered into
 *   email, Slack and SMS.
 */

export const EVENT_ACTIONS = ['trigger', 'acknowledge', 'resolve'] as const;
export type EventAction = (typeof EVENT_ACTIONS)[number];

export const SEVERITIES = ['critical', 'error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const MAX_TITLE_LENGTH = 1024;
export const MAX_DEDUP_KEY_LENGTH = 255;

export interface EventLink {
  href: string;
  text?: string;
}

export type AlertStatus = 'firing' | 'resolved';

/** Fields Grafana adds to each alert of the Alertmanager shape. */
export interface GrafanaAlertExtras {
  silenceURL: string | null;
  dashboardURL: string | null;
  panelURL: string | null;
  imageURL: string | null;
  /** Query results by ref id; Grafana sends numbers, `null` for no data. */
  values: Record<string, number | null> | null;
  valueString: string | null;
}

/** One alert of an Alertmanager or Grafana group, keyed by `fingerprint`. */
export interface AlertmanagerAlert {
  fingerprint: string;
  status: AlertStatus;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: Date | null;
  /** `null` when the source sent Go's zero time (still firing, no end known). */
  endsAt: Date | null;
  generatorURL: string | null;
  /** Present only for Grafana payloads. */
  grafana?: GrafanaAlertExtras;
}

export interface NormalisedEvent {
  action: EventAction;
  dedupKey: string | null;
  title: string;
  severity: Severity;
  source: string | null;
  details: Record<string, unknown>;
  links: EventLink[];
  occurredAt: Date | null;
  alerts?: AlertmanagerAlert[];
}

export type AdapterResult =
  | { ok: true; events: NormalisedEvent[] }
  | { ok: false; errors: string[] };

export function isEventAction(value: unknown): value is EventAction {
  return typeof value === 'string' && (EVENT_ACTIONS as readonly string[]).includes(value);
}

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

/**
 * The 400 body of every ingest endpoint: PagerDuty's Events v2 shape, reused
 * for the other sources as docs/ingest.md describes.
 */
export interface InvalidEventBody {
  status: 'invalid event';
  message: string;
  errors: string[];
}

export function invalidEventBody(errors: string[], message = 'Event object is invalid'): InvalidEventBody {
  return { status: 'invalid event', message, errors: [...errors] };
}
