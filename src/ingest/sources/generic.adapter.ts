import {
  AdapterResult,
  EVENT_ACTIONS,
  EventAction,
  isEventAction,
  isSeverity,
  NormalisedEvent,
  SEVERITIES,
  Severity,
} from './normalised-event';
import { messages, readOptionalString } from './payload-reader';
import {
  getOwn,
  isForbiddenKey,
  isPlainObject,
  sanitizeDedupKey,
  sanitizeJson,
  sanitizeLine,
  sanitizeMultiline,
  sanitizeTitle,
} from './sanitize';

/**
 * Generic JSON for scripts and cron jobs:
 * `POST { summary, severity?, dedupKey?, action?, details? }`, or the same
 * fields as GET query parameters for tools that can only open a URL.
 *
 * - `action` defaults to `trigger`; `summary` is required for a trigger;
 *   `dedupKey` is required for acknowledge/resolve and, when a trigger has
 *   none, `dedupKey` is null and the caller generates one.
 * - `severity` defaults to `error` (the Alertmanager default).
 * - GET: every value must be a single string; parameters other than the four
 *   known ones become `details` entries (`details` itself included).
 */
export const GENERIC_DEFAULT_SEVERITY: Severity = 'error';
const KNOWN_QUERY_KEYS = new Set(['summary', 'severity', 'dedupKey', 'action']);

interface GenericFields {
  summary: string | undefined;
  severity: string | undefined;
  dedupKey: string | undefined;
  action: string | undefined;
  details: Record<string, unknown>;
}

export function adaptGeneric(body: unknown): AdapterResult {
  if (!isPlainObject(body)) return { ok: false, errors: [messages.notObjectBody()] };
  const errors: string[] = [];
  const fields: GenericFields = {
    summary: readOptionalString(body, 'summary', 'summary', errors),
    severity: readOptionalString(body, 'severity', 'severity', errors),
    dedupKey: readOptionalString(body, 'dedupKey', 'dedupKey', errors),
    action: readOptionalString(body, 'action', 'action', errors),
    details: readDetails(body, errors),
  };
  return buildEvent(fields, errors);
}

/** `query` as Express parses it: values may be strings, arrays or nested objects; only strings are accepted. */
export function adaptGenericQuery(query: unknown): AdapterResult {
  if (!isPlainObject(query)) return { ok: false, errors: ['Query must be a set of parameters'] };
  const errors: string[] = [];
  const known: Record<string, string | undefined> = {};
  const details: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(query)) {
    if (isForbiddenKey(key)) continue;
    if (typeof value !== 'string') {
      errors.push(messages.mustBe(key, 'a single string value'));
      continue;
    }
    if (KNOWN_QUERY_KEYS.has(key)) known[key] = value;
    else details[sanitizeLine(key)] = sanitizeMultiline(value);
  }
  const fields: GenericFields = {
    summary: known.summary,
    severity: known.severity,
    dedupKey: known.dedupKey,
    action: known.action,
    details,
  };
  return buildEvent(fields, errors);
}

function readDetails(body: Record<string, unknown>, errors: string[]): Record<string, unknown> {
  const value = getOwn(body, 'details');
  if (value === undefined || value === null) return {};
  if (!isPlainObject(value)) {
    errors.push(messages.mustBe('details', 'an object'));
    return {};
  }
  return sanitizeJson(value) as Record<string, unknown>;
}

function buildEvent(fields: GenericFields, errors: string[]): AdapterResult {
  const action = readAction(fields.action, errors);
  const severity = readSeverity(fields.severity, errors);
  const dedupKey = fields.dedupKey === undefined ? '' : sanitizeDedupKey(fields.dedupKey);
  const summary = fields.summary === undefined ? '' : sanitizeTitle(fields.summary);

  if (action === 'trigger' && summary === '') errors.push(messages.missing('summary'));
  if ((action === 'acknowledge' || action === 'resolve') && dedupKey.trim() === '') {
    errors.push(messages.missing('dedupKey'));
  }
  if (errors.length > 0 || action === undefined || severity === undefined) return { ok: false, errors };

  const event: NormalisedEvent = {
    action,
    dedupKey: dedupKey.trim() === '' ? null : dedupKey,
    title: summary !== '' ? summary : sanitizeTitle(`${action} ${dedupKey}`),
    severity,
    source: null,
    details: fields.details,
    links: [],
    occurredAt: null,
  };
  return { ok: true, events: [event] };
}

function readAction(value: string | undefined, errors: string[]): EventAction | undefined {
  if (value === undefined || value.trim() === '') return 'trigger';
  if (!isEventAction(value)) {
    errors.push(messages.oneOf('action', EVENT_ACTIONS));
    return undefined;
  }
  return value;
}

function readSeverity(value: string | undefined, errors: string[]): Severity | undefined {
  if (value === undefined || value.trim() === '') return GENERIC_DEFAULT_SEVERITY;
  if (!isSeverity(value)) {
    errors.push(messages.oneOf('severity', SEVERITIES));
    return undefined;
  }
  return value;
}
