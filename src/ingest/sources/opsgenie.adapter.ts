import { AdapterResult, EventLink, NormalisedEvent, Severity } from './normalised-event';
import { messages, readOptionalString } from './payload-reader';
import {
  getOwn,
  isPlainObject,
  safeHttpUrl,
  sanitizeDedupKey,
  sanitizeJson,
  sanitizeLine,
  sanitizeMultiline,
  sanitizeTitle,
} from './sanitize';

/**
 * Opsgenie's Alert API (v2), the subset a monitoring tool uses: create an
 * alert, acknowledge, close, add a note (docs/opsgenie.md).
 *
 * - `message` is required, at most 130 characters (Opsgenie's limit): the
 *   incident title.
 * - `alias` is the dedup key; without it every create opens a new incident.
 *   Opsgenie allows 512 characters, Klaxon's dedup keys 255: a longer alias is
 *   refused rather than cut (two long aliases must never become one incident).
 * - `priority` P1..P5 maps to severity: P1 critical, P2 error, P3 warning,
 *   P4 and P5 info. Absent, it is P3 (Opsgenie's default), so warning.
 * - `details` (Opsgenie: a map of strings) become the incident's details as
 *   sent; `description`, `tags`, `entity`, `note`, `priority` and `source`
 *   are kept beside them. `responders`, `visibleTo`, `actions` and `user` are
 *   read past: Klaxon's service decides who is paged.
 *
 * Every problem is named (the 422 lists them all), in Opsgenie's wording
 * style where Opsgenie has one ("Message can not be longer than 130 characters").
 */

export const OPSGENIE_PRIORITIES = ['P1', 'P2', 'P3', 'P4', 'P5'] as const;
export type OpsgeniePriority = (typeof OPSGENIE_PRIORITIES)[number];

export const PRIORITY_SEVERITY: Readonly<Record<OpsgeniePriority, Severity>> = {
  P1: 'critical',
  P2: 'error',
  P3: 'warning',
  P4: 'info',
  P5: 'info',
};

/** Opsgenie's default priority when a create names none. */
export const OPSGENIE_DEFAULT_PRIORITY: OpsgeniePriority = 'P3';

/** Opsgenie's limits, in characters (code points), as its API documents them. */
export const OPSGENIE_LIMITS = {
  message: 130,
  alias: 255,
  description: 15_000,
  entity: 512,
  source: 100,
  user: 100,
  note: 25_000,
  tags: 20,
  tag: 50,
} as const;

export const OPSGENIE_IDENTIFIER_TYPES = ['id', 'tiny', 'alias'] as const;
export type OpsgenieIdentifierType = (typeof OPSGENIE_IDENTIFIER_TYPES)[number];

/** `user`, `source` and `note` of an acknowledge, close or add-note body, cleaned; null when absent. */
export interface OpsgenieActionFields {
  user: string | null;
  source: string | null;
  note: string | null;
}

export type OpsgenieActionResult = { ok: true; fields: OpsgenieActionFields } | { ok: false; errors: string[] };

const codePoints = (text: string): number => Array.from(text).length;

function tooLong(field: string, limit: number): string {
  return `${field[0].toUpperCase()}${field.slice(1)} can not be longer than ${limit} characters`;
}

/** An optional string field within a limit; null when absent or blank after cleaning. */
function readLimited(
  body: Record<string, unknown>,
  field: keyof typeof OPSGENIE_LIMITS,
  errors: string[],
  clean: (text: string) => string,
): string | null {
  const value = readOptionalString(body, field, field, errors);
  if (value === undefined) return null;
  const text = clean(value).trim();
  if (text === '') return null;
  if (codePoints(text) > OPSGENIE_LIMITS[field]) {
    errors.push(tooLong(field, OPSGENIE_LIMITS[field]));
    return null;
  }
  return text;
}

function readPriority(body: Record<string, unknown>, errors: string[]): OpsgeniePriority | undefined {
  const value = getOwn(body, 'priority');
  if (value === undefined || value === null) return OPSGENIE_DEFAULT_PRIORITY;
  const priority = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if ((OPSGENIE_PRIORITIES as readonly string[]).includes(priority)) return priority as OpsgeniePriority;
  errors.push(messages.oneOf('priority', OPSGENIE_PRIORITIES));
  return undefined;
}

function readTags(body: Record<string, unknown>, errors: string[]): string[] {
  const value = getOwn(body, 'tags');
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    errors.push(messages.mustBe('tags', 'an array of strings'));
    return [];
  }
  if (value.length > OPSGENIE_LIMITS.tags) errors.push(`Tags can not have more than ${OPSGENIE_LIMITS.tags} items`);
  const tags: string[] = [];
  value.forEach((item, i) => {
    if (typeof item !== 'string') {
      errors.push(messages.mustBe(`tags[${i}]`, 'a string'));
      return;
    }
    const tag = sanitizeLine(item).trim();
    if (codePoints(tag) > OPSGENIE_LIMITS.tag) errors.push(`Tag can not be longer than ${OPSGENIE_LIMITS.tag} characters: tags[${i}]`);
    else if (tag !== '' && !tags.includes(tag)) tags.push(tag);
  });
  return tags;
}

function readDetails(body: Record<string, unknown>, errors: string[]): Record<string, unknown> | null {
  const value = getOwn(body, 'details');
  if (value === undefined || value === null) return null;
  if (!isPlainObject(value)) {
    errors.push(messages.mustBe('details', 'an object'));
    return null;
  }
  const copy = sanitizeJson(value) as Record<string, unknown>;
  return Object.keys(copy).length ? copy : null;
}

/** `responders`, `visibleTo` and `actions` are not used, but a malformed one is still named. */
function checkIgnoredArrays(body: Record<string, unknown>, errors: string[]): void {
  for (const field of ['responders', 'visibleTo', 'actions']) {
    const value = getOwn(body, field);
    if (value !== undefined && value !== null && !Array.isArray(value)) errors.push(messages.mustBe(field, 'an array'));
  }
}

/** `POST /v2/alerts`: the body of Opsgenie's create-alert request, as one trigger. */
export function adaptOpsgenieCreate(body: unknown): AdapterResult {
  if (!isPlainObject(body)) return { ok: false, errors: [messages.notObjectBody()] };
  const errors: string[] = [];
  const rawMessage = getOwn(body, 'message');
  const message = typeof rawMessage === 'string' ? sanitizeLine(rawMessage).trim() : '';
  if (rawMessage !== undefined && rawMessage !== null && typeof rawMessage !== 'string') errors.push(messages.mustBe('message', 'a string'));
  else if (message === '') errors.push('Message can not be empty');
  else if (codePoints(message) > OPSGENIE_LIMITS.message) errors.push(tooLong('message', OPSGENIE_LIMITS.message));

  const aliasText = readOptionalString(body, 'alias', 'alias', errors);
  const alias = aliasText === undefined ? '' : sanitizeLine(aliasText);
  if (codePoints(alias) > OPSGENIE_LIMITS.alias) errors.push(tooLong('alias', OPSGENIE_LIMITS.alias));

  const description = readLimited(body, 'description', errors, sanitizeMultiline);
  const entity = readLimited(body, 'entity', errors, sanitizeLine);
  const source = readLimited(body, 'source', errors, sanitizeLine);
  const user = readLimited(body, 'user', errors, sanitizeLine);
  const note = readLimited(body, 'note', errors, sanitizeMultiline);
  const priority = readPriority(body, errors);
  const tags = readTags(body, errors);
  const custom = readDetails(body, errors);
  checkIgnoredArrays(body, errors);
  if (errors.length || priority === undefined) return { ok: false, errors };

  const details: Record<string, unknown> = {};
  if (custom) details.custom_details = custom;
  if (description !== null) details.description = description;
  if (entity !== null) details.entity = entity;
  if (tags.length) details.tags = tags;
  details.priority = priority;
  if (user !== null) details.user = user;
  if (note !== null) details.note = note;
  if (source !== null) details.source = source;

  const links: EventLink[] = [];
  const sourceUrl = source === null ? null : safeHttpUrl(source);
  if (sourceUrl !== null) links.push({ href: sourceUrl, text: 'Source' });

  const event: NormalisedEvent = {
    action: 'trigger',
    dedupKey: alias.trim() === '' ? null : sanitizeDedupKey(alias),
    title: sanitizeTitle(message),
    severity: PRIORITY_SEVERITY[priority],
    source: source ?? entity,
    details,
    links,
    occurredAt: null,
  };
  return { ok: true, events: [event] };
}

/**
 * The body of acknowledge, close and add-note: `user`, `source`, `note`, all
 * optional except the note of add-note. No body at all is an empty one.
 */
export function adaptOpsgenieAction(body: unknown, options: { noteRequired: boolean }): OpsgenieActionResult {
  if (body === undefined || body === null) body = {};
  if (!isPlainObject(body)) return { ok: false, errors: [messages.notObjectBody()] };
  const errors: string[] = [];
  const fields: OpsgenieActionFields = {
    user: readLimited(body, 'user', errors, sanitizeLine),
    source: readLimited(body, 'source', errors, sanitizeLine),
    note: readLimited(body, 'note', errors, sanitizeMultiline),
  };
  if (options.noteRequired && fields.note === null && !errors.some((e) => e.startsWith("'note'") || e.startsWith('Note'))) {
    errors.push('Note can not be empty');
  }
  return errors.length ? { ok: false, errors } : { ok: true, fields };
}

/** `?identifierType=`: `id` when absent; anything else named. */
export function parseIdentifierType(value: unknown): { ok: true; type: OpsgenieIdentifierType } | { ok: false; errors: string[] } {
  if (value === undefined || value === '') return { ok: true, type: 'id' };
  if (typeof value === 'string' && (OPSGENIE_IDENTIFIER_TYPES as readonly string[]).includes(value)) {
    return { ok: true, type: value as OpsgenieIdentifierType };
  }
  return { ok: false, errors: [messages.oneOf('identifierType', OPSGENIE_IDENTIFIER_TYPES)] };
}

/**
 * The key of `Authorization: GenieKey <key>`; the scheme's case does not
 * matter (HTTP auth schemes are case-insensitive). Null for anything else.
 */
export function parseGenieKey(header: unknown): string | null {
  if (typeof header !== 'string') return null;
  const match = /^\s*geniekey[ \t]+(\S+)\s*$/i.exec(header);
  return match ? match[1] : null;
}

/** The timeline text of an action's fields: "note (user alice, source cli)", "source cli", or null for none. */
export function describeActionFields(fields: OpsgenieActionFields): string | null {
  const by = [fields.user !== null ? `user ${fields.user}` : null, fields.source !== null ? `source ${fields.source}` : null]
    .filter((part): part is string => part !== null)
    .join(', ');
  if (fields.note === null) return by === '' ? null : by;
  return by === '' ? fields.note : `${fields.note} (${by})`;
}
