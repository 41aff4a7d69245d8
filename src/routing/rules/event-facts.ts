import { AlertmanagerAlert, isSeverity, NormalisedEvent } from '../../ingest/sources/normalised-event';

/**
 * What a router's conditions read of one event, or of one alert of an
 * Alertmanager/Grafana group (each alert is routed on its own labels,
 * annotations and status). A field that is `undefined` is missing: every op
 * is false on it except notEquals, notContains, notMatches and notExists.
 * Built without copying the event's maps.
 */
export interface EventFacts {
  summary: string;
  source: string | undefined;
  severity: string;
  component: string | undefined;
  group: string | undefined;
  class: string | undefined;
  eventAction: string;
  labels: Readonly<Record<string, string>> | undefined;
  annotations: Readonly<Record<string, string>> | undefined;
  /** What `details.<path>` reads: Events v2 `custom_details` and Opsgenie `details`, else the event's details (generic `details`). */
  details: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function detailString(details: Record<string, unknown>, key: string): string | undefined {
  const v = details[key];
  return typeof v === 'string' ? v : undefined;
}

/** The facts of an event that is not a group (Events v2, generic, ...). */
export function eventFacts(event: NormalisedEvent, format: string): EventFacts {
  const d = event.details;
  return {
    summary: event.title,
    source: event.source ?? undefined,
    severity: event.severity,
    component: detailString(d, 'component'),
    group: detailString(d, 'group'),
    class: detailString(d, 'class'),
    eventAction: event.action,
    labels: undefined,
    annotations: undefined,
    details: format === 'events-v2' || format === 'opsgenie' ? d.custom_details : d,
  };
}

/**
 * The facts of one alert of a group: its labels, annotations and status
 * (`trigger` while firing, `resolve` once resolved). `summary` is its own
 * `summary` annotation, else the group's title; `severity` its `severity`
 * label when one of the four levels, else the group's; `source` its
 * `instance` label, else `job`, else the group's source.
 */
export function alertFacts(event: NormalisedEvent, alert: AlertmanagerAlert): EventFacts {
  const labels = alert.labels;
  const severity = labels.severity?.trim().toLowerCase();
  return {
    summary: alert.annotations.summary ?? event.title,
    source: labels.instance ?? labels.job ?? event.source ?? undefined,
    severity: isSeverity(severity) ? severity : event.severity,
    component: undefined,
    group: undefined,
    class: undefined,
    eventAction: alert.status === 'resolved' ? 'resolve' : 'trigger',
    labels,
    annotations: alert.annotations,
    details: isObject(event.details) ? event.details : undefined,
  };
}

/** A details value as text for the string ops: strings as they are, numbers and booleans printed, objects as JSON; null is missing. */
export function detailText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

/** Reads a dotted path (already split) of own fields; undefined when any step is missing. */
export function readPath(root: unknown, path: readonly string[]): unknown {
  let at: unknown = root;
  for (const step of path) {
    // Objects and arrays (`details.hosts.0`), own fields only: never a prototype's.
    if (typeof at !== 'object' || at === null || !Object.prototype.hasOwnProperty.call(at, step)) return undefined;
    at = (at as Record<string, unknown>)[step];
  }
  return at;
}
