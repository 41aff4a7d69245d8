import {
  AdapterResult,
  EventAction,
  EventLink,
  EVENT_ACTIONS,
  InvalidEventBody,
  invalidEventBody,
  isEventAction,
  isSeverity,
  MAX_TITLE_LENGTH,
  NormalisedEvent,
  Severity,
} from './normalised-event';
import {
  joinPath,
  messages,
  readOptionalLine,
  readOptionalString,
  readRequiredString,
} from './payload-reader';
import {
  getOwn,
  isPlainObject,
  parseInstant,
  safeHttpUrl,
  sanitizeDedupKey,
  sanitizeJson,
  sanitizeLine,
  sanitizeTitle,
  truncateChars,
} from './sanitize';

/**
 * PagerDuty Events API v2 (`POST /v2/enqueue`), drop-in: the field rules and
 * error messages are PagerDuty's, so Prometheus Alertmanager's
 * `pagerduty_configs` and PagerDuty client libraries work unchanged.
 *
 * - `routing_key` is validated here (present, string, 32 characters) so one
 *   call names every problem; looking it up is the caller's job, with the key
 *   from `parseRoutingKey`.
 * - A `trigger` without `dedup_key` (or with a blank one) yields
 *   `dedupKey: null`: the caller generates a key, stores it and returns it in
 *   `eventsV2SuccessBody`.
 * - `acknowledge` / `resolve` need only `dedup_key`; their `payload` is not
 *   validated (PagerDuty ignores it), but a usable `payload.summary` and
 *   `payload.severity` are still used for the alert row.
 */

export const ROUTING_KEY_LENGTH = 32;

const ROUTING_KEY_LENGTH_MESSAGE = `Length of 'routing_key' is incorrect (should be ${ROUTING_KEY_LENGTH} characters)`;
/** PagerDuty lists the severities in this order in its own message. */
const SEVERITY_ORDER_IN_MESSAGES = ['critical', 'warning', 'error', 'info'] as const;
/** Severity for acknowledge/resolve events that carry none; they never open an incident. */
const DEFAULT_FOLLOW_UP_SEVERITY: Severity = 'info';

export type RoutingKeyResult = { ok: true; routingKey: string } | { ok: false; errors: string[] };

/** Extracts the integration key for the lookup; answers 400-style errors when it is malformed. */
export function parseRoutingKey(body: unknown): RoutingKeyResult {
  if (!isPlainObject(body)) return { ok: false, errors: [messages.notObjectBody()] };
  const errors: string[] = [];
  const routingKey = readRoutingKey(body, errors);
  return routingKey === undefined ? { ok: false, errors } : { ok: true, routingKey };
}

function readRoutingKey(body: Record<string, unknown>, errors: string[]): string | undefined {
  const value = getOwn(body, 'routing_key');
  if (value === undefined || value === null || value === '') {
    errors.push(messages.missing('routing_key'));
    return undefined;
  }
  if (typeof value !== 'string') {
    errors.push(messages.mustBe('routing_key', 'a string'));
    return undefined;
  }
  if (value.length !== ROUTING_KEY_LENGTH) {
    errors.push(ROUTING_KEY_LENGTH_MESSAGE);
    return undefined;
  }
  return value;
}

export function adaptEventsV2(body: unknown): AdapterResult {
  if (!isPlainObject(body)) return { ok: false, errors: [messages.notObjectBody()] };
  const errors: string[] = [];

  readRoutingKey(body, errors);
  const action = readEventAction(body, errors);
  const dedupKey = readDedupKey(body, action, errors);

  const payload =
    action === 'trigger'
      ? readTriggerPayload(body, errors)
      : readFollowUpPayload(getOwn(body, 'payload'), action, dedupKey);
  const client = readOptionalLine(body, 'client', 'client', errors);
  const clientUrl = readOptionalLine(body, 'client_url', 'client_url', errors);
  const links = readLinks(body, errors);
  const images = readImages(body, errors);

  if (errors.length > 0 || action === undefined || payload === undefined) return { ok: false, errors };

  const clientLink = clientUrl === null ? null : safeHttpUrl(clientUrl);
  if (clientLink !== null) links.push({ href: clientLink, text: client ?? 'Client' });

  const details: Record<string, unknown> = { ...payload.details };
  if (client !== null) details.client = client;
  if (clientUrl !== null) details.client_url = clientUrl;
  if (images.length > 0) details.images = images;

  const event: NormalisedEvent = {
    action,
    dedupKey,
    title: payload.title,
    severity: payload.severity,
    source: payload.source,
    details,
    links,
    occurredAt: payload.occurredAt,
  };
  return { ok: true, events: [event] };
}

export interface EventsV2SuccessBody {
  status: 'success';
  message: 'Event processed';
  dedup_key: string;
}

/** The 202 body; `dedupKey` is the sender's key or the one generated for a keyless trigger. */
export function eventsV2SuccessBody(dedupKey: string): EventsV2SuccessBody {
  return { status: 'success', message: 'Event processed', dedup_key: dedupKey };
}

/** The 400 body, exactly PagerDuty's. */
export function eventsV2InvalidBody(errors: string[]): InvalidEventBody {
  return invalidEventBody(errors, 'Event object is invalid');
}

function readEventAction(body: Record<string, unknown>, errors: string[]): EventAction | undefined {
  const value = readRequiredString(body, 'event_action', 'event_action', errors);
  if (value === undefined) return undefined;
  if (!isEventAction(value)) {
    errors.push(messages.oneOf('event_action', EVENT_ACTIONS));
    return undefined;
  }
  return value;
}

function readDedupKey(
  body: Record<string, unknown>,
  action: EventAction | undefined,
  errors: string[],
): string | null {
  const value = readOptionalString(body, 'dedup_key', 'dedup_key', errors);
  const key = value === undefined ? '' : sanitizeDedupKey(value);
  if (key.trim() !== '') return key;
  if (action === 'acknowledge' || action === 'resolve') errors.push(messages.missing('dedup_key'));
  return null;
}

interface PayloadFields {
  title: string;
  severity: Severity;
  source: string | null;
  occurredAt: Date | null;
  details: Record<string, unknown>;
}

function readTriggerPayload(body: Record<string, unknown>, errors: string[]): PayloadFields | undefined {
  const value = getOwn(body, 'payload');
  if (value === undefined || value === null) {
    errors.push(messages.missing('payload'));
    return undefined;
  }
  if (!isPlainObject(value)) {
    errors.push(messages.mustBe('payload', 'an object'));
    return undefined;
  }
  const summary = readRequiredString(value, 'summary', 'payload.summary', errors);
  const source = readRequiredString(value, 'source', 'payload.source', errors);
  const severity = readSeverity(value, errors);
  const occurredAt = readTimestamp(value, errors);
  const details: Record<string, unknown> = {};
  for (const field of ['component', 'group', 'class'] as const) {
    const text = readOptionalLine(value, field, joinPath('payload', field), errors);
    if (text !== null) details[field] = truncateChars(text, MAX_TITLE_LENGTH);
  }
  const customDetails = getOwn(value, 'custom_details');
  if (customDetails !== undefined && customDetails !== null) details.custom_details = sanitizeJson(customDetails);

  if (summary === undefined || source === undefined || severity === undefined) return undefined;
  return {
    title: sanitizeTitle(summary),
    severity,
    source: truncateChars(sanitizeLine(source).trim(), MAX_TITLE_LENGTH),
    occurredAt,
    details,
  };
}

function readSeverity(payload: Record<string, unknown>, errors: string[]): Severity | undefined {
  const value = readRequiredString(payload, 'severity', 'payload.severity', errors);
  if (value === undefined) return undefined;
  if (!isSeverity(value)) {
    errors.push(messages.oneOf('payload.severity', SEVERITY_ORDER_IN_MESSAGES));
    return undefined;
  }
  return value;
}

function readTimestamp(payload: Record<string, unknown>, errors: string[]): Date | null {
  const value = getOwn(payload, 'timestamp');
  if (value === undefined || value === null) return null;
  const parsed = typeof value === 'string' ? parseInstant(value) : null;
  if (parsed === null) errors.push(messages.notInstant('payload.timestamp'));
  return parsed;
}

/** Acknowledge/resolve: best effort, never an error (PagerDuty ignores their payload). */
function readFollowUpPayload(
  value: unknown,
  action: EventAction | undefined,
  dedupKey: string | null,
): PayloadFields | undefined {
  if (action === undefined) return undefined;
  const payload = isPlainObject(value) ? value : {};
  const summary = getOwn(payload, 'summary');
  const title = typeof summary === 'string' ? sanitizeTitle(summary) : '';
  const severity = getOwn(payload, 'severity');
  const source = getOwn(payload, 'source');
  const sourceLine = typeof source === 'string' ? sanitizeLine(source).trim() : '';
  const details: Record<string, unknown> = {};
  const customDetails = getOwn(payload, 'custom_details');
  if (customDetails !== undefined && customDetails !== null) details.custom_details = sanitizeJson(customDetails);
  const timestamp = getOwn(payload, 'timestamp');
  return {
    title: title !== '' ? title : sanitizeTitle(`${action} ${dedupKey ?? ''}`),
    severity: isSeverity(severity) ? severity : DEFAULT_FOLLOW_UP_SEVERITY,
    source: sourceLine === '' ? null : truncateChars(sourceLine, MAX_TITLE_LENGTH),
    occurredAt: typeof timestamp === 'string' ? parseInstant(timestamp) : null,
    details,
  };
}

/** `links[]`: each needs a string `href`; only http(s) links are kept for rendering. */
function readLinks(body: Record<string, unknown>, errors: string[]): EventLink[] {
  const items = readOptionalArray(body, 'links', errors);
  const links: EventLink[] = [];
  items.forEach((item, index) => {
    const path = `links[${index}]`;
    if (!isPlainObject(item)) {
      errors.push(messages.mustBe(path, 'an object'));
      return;
    }
    const href = readRequiredString(item, 'href', `${path}.href`, errors);
    const text = readOptionalLine(item, 'text', `${path}.text`, errors);
    const safeHref = href === undefined ? null : safeHttpUrl(href);
    if (safeHref === null) return;
    links.push(text === null ? { href: safeHref } : { href: safeHref, text });
  });
  return links;
}

/** `images[]`: each needs a string `src`; kept in details with http(s) URLs only. */
function readImages(body: Record<string, unknown>, errors: string[]): Record<string, string>[] {
  const items = readOptionalArray(body, 'images', errors);
  const images: Record<string, string>[] = [];
  items.forEach((item, index) => {
    const path = `images[${index}]`;
    if (!isPlainObject(item)) {
      errors.push(messages.mustBe(path, 'an object'));
      return;
    }
    const src = readRequiredString(item, 'src', `${path}.src`, errors);
    const href = readOptionalLine(item, 'href', `${path}.href`, errors);
    const alt = readOptionalLine(item, 'alt', `${path}.alt`, errors);
    const safeSrc = src === undefined ? null : safeHttpUrl(src);
    if (safeSrc === null) return;
    const image: Record<string, string> = { src: safeSrc };
    const safeHref = href === null ? null : safeHttpUrl(href);
    if (safeHref !== null) image.href = safeHref;
    if (alt !== null) image.alt = alt;
    images.push(image);
  });
  return images;
}

function readOptionalArray(body: Record<string, unknown>, key: string, errors: string[]): unknown[] {
  const value = getOwn(body, key);
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    errors.push(messages.mustBe(key, 'an array'));
    return [];
  }
  return value;
}
