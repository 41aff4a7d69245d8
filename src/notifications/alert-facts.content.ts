import { oneLine, truncate } from './channels/page-facts';
/**
 * What a page shows of the alert behind an incident: where it comes from, a bounded
 * list of detail fields and the links the sender attached. Pure: the stored alert row
 * (`alerts.source` and `alerts.details`, as the ingest path writes them) in, facts out.
 *
 * Stored shapes read here (written by incidents/alert-rows.ts):
 * - an ungrouped event (Events v2, generic, heartbeat): the adapter's `details`
 *   (Events v2: `custom_details`, `component`, `group`, `class`, `client`...; generic:
 *   the sender's own keys) plus `links`, `source` and `occurredAt`;
 * - an alert of an Alertmanager or Grafana group: `labels`, `annotations`, `startsAt`,
 *   `endsAt`, `generatorURL` and, for Grafana, `grafana` (dashboard, panel, silence
 *   URLs, `valueString`).
 */

/** At most this many detail fields, each value cut to MAX_FIELD_CHARS, all of them to MAX_DETAILS_CHARS. */
export const MAX_DETAIL_FIELDS = 10;
export const MAX_FIELD_CHARS = 200;
export const MAX_LABEL_CHARS = 60;
export const MAX_DETAILS_CHARS = 1500;
export const MAX_LINKS = 5;
const MAX_LINK_TEXT_CHARS = 80;
const MAX_URL_CHARS = 1000;

/** The stored alert as the page repository reads it. */
export interface StoredAlert {
  /** `alerts.source`: the integration kind (`events-v2`, `alertmanager`, `grafana`, `generic`, `heartbeat`). */
  kind: string;
  details: unknown;
  /** How many alerts of the incident are firing (a group has one row per alert). */
  firing: number;
}

export interface PageLink {
  href: string;
  text: string;
}

export interface AlertFacts {
  /** The affected system as the sender named it (Events v2 `payload.source`, a group's `instance` or `job` label). */
  source?: string;
  /** The integration that received the alert, as people name it ("Events v2", "Alertmanager"). */
  integration: string;
  details: Array<[string, string]>;
  /** Detail fields left out by the limits. */
  detailsOmitted: number;
  links: PageLink[];
}

const INTEGRATION_LABELS: Record<string, string> = {
  'events-v2': 'Events v2',
  alertmanager: 'Alertmanager',
  grafana: 'Grafana',
  generic: 'Webhook',
  opsgenie: 'Opsgenie API',
  heartbeat: 'Heartbeat',
};

/** Keys of an ungrouped event's details that are shown elsewhere (source, links) or are noise on a page. */
const UNGROUPED_HIDDEN = new Set(['links', 'source', 'occurredAt', 'custom_details', 'client', 'client_url', 'images']);

export function alertFacts(alert: StoredAlert, title = ''): AlertFacts {
  const details = isRecord(alert.details) ? alert.details : {};
  const integration = INTEGRATION_LABELS[alert.kind] ?? alert.kind;
  const grouped = isRecord(details.labels) || isRecord(details.annotations);
  const raw = grouped ? groupedFacts(details, title) : ungroupedFacts(details);
  if (alert.firing > 1) raw.fields.unshift(['Firing alerts', String(alert.firing)]);
  const bounded = boundFields(raw.fields);
  return {
    ...(raw.source ? { source: truncate(oneLine(raw.source), MAX_FIELD_CHARS) } : {}),
    integration,
    details: bounded.fields,
    detailsOmitted: bounded.omitted,
    links: boundLinks(raw.links),
  };
}

interface RawFacts {
  source: string | null;
  fields: Array<[string, string]>;
  links: PageLink[];
}

function ungroupedFacts(details: Record<string, unknown>): RawFacts {
  const fields: Array<[string, string]> = [];
  const custom = details.custom_details;
  if (isRecord(custom)) for (const [key, value] of Object.entries(custom)) pushField(fields, key, value);
  else pushField(fields, 'details', custom);
  for (const [key, value] of Object.entries(details)) if (!UNGROUPED_HIDDEN.has(key)) pushField(fields, key, value);
  const links: PageLink[] = [];
  if (Array.isArray(details.links)) {
    for (const link of details.links) {
      if (isRecord(link) && typeof link.href === 'string') links.push({ href: link.href, text: typeof link.text === 'string' ? link.text : link.href });
    }
  }
  if (typeof details.client_url === 'string') links.push({ href: details.client_url, text: typeof details.client === 'string' ? details.client : 'Client' });
  return { source: typeof details.source === 'string' ? details.source : null, fields, links };
}

function groupedFacts(details: Record<string, unknown>, title: string): RawFacts {
  const labels = stringMap(details.labels);
  const annotations = stringMap(details.annotations);
  const fields: Array<[string, string]> = [];
  const links: PageLink[] = [];
  // The runbook is what the person paged needs first.
  const runbook = annotations.runbook_url;
  if (runbook) links.push({ href: runbook, text: 'Runbook' });
  for (const [key, value] of Object.entries(annotations)) {
    if (key === 'runbook_url') continue;
    if (isHttpUrl(value)) links.push({ href: value, text: key });
    else if (!(key === 'summary' && oneLine(value) === oneLine(title))) pushField(fields, key, value);
  }
  const grafana = isRecord(details.grafana) ? details.grafana : {};
  if (typeof grafana.valueString === 'string') pushField(fields, 'values', grafana.valueString);
  for (const [key, value] of Object.entries(labels)) pushField(fields, key, value);
  if (typeof details.generatorURL === 'string') links.push({ href: details.generatorURL, text: 'Source' });
  for (const [key, text] of [['dashboardURL', 'Dashboard'], ['panelURL', 'Panel'], ['silenceURL', 'Silence']] as const) {
    const href = grafana[key];
    if (typeof href === 'string') links.push({ href, text });
  }
  return { source: labels.instance ?? labels.job ?? null, fields, links };
}

function pushField(fields: Array<[string, string]>, key: string, value: unknown): void {
  const text = displayValue(value);
  if (text === null) return;
  fields.push([truncate(oneLine(key), MAX_LABEL_CHARS), truncate(text, MAX_FIELD_CHARS)]);
}

/** Text as one line; numbers and booleans as written; objects and arrays as compact JSON; empty and null left out. */
function displayValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
  const line = oneLine(text ?? '');
  return line === '' ? null : line;
}

function boundFields(all: Array<[string, string]>): { fields: Array<[string, string]>; omitted: number } {
  const fields: Array<[string, string]> = [];
  let chars = 0;
  for (const [label, value] of all) {
    if (fields.length === MAX_DETAIL_FIELDS || chars + label.length + value.length > MAX_DETAILS_CHARS) break;
    fields.push([label, value]);
    chars += label.length + value.length;
  }
  return { fields, omitted: all.length - fields.length };
}

/** http(s) only (they are rendered as links), each href once, at most MAX_LINKS. */
function boundLinks(all: PageLink[]): PageLink[] {
  const seen = new Set<string>();
  const links: PageLink[] = [];
  for (const link of all) {
    if (!isHttpUrl(link.href) || link.href.length > MAX_URL_CHARS || seen.has(link.href)) continue;
    seen.add(link.href);
    links.push({ href: link.href, text: truncate(oneLine(link.text) || link.href, MAX_LINK_TEXT_CHARS) });
    if (links.length === MAX_LINKS) break;
  }
  return links;
}

function stringMap(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isHttpUrl(text: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(text);
}

