import { MAX_DEDUP_KEY_LENGTH, MAX_TITLE_LENGTH } from './normalised-event';

/**
 * Text hygiene for everything that arrives from a webhook. Two kinds of text:
 *
 * - one-line text (titles, dedup keys, sources, label values): every control
 *   character goes; `\t`, `\r` and `\n` become a space so words stay apart;
 * - long-form text (annotations, messages, custom details): `\n` and `\t` are
 *   kept because Alertmanager and Grafana put real line breaks in them, `\r`
 *   and every other control character go.
 *
 * "Control character" means C0 (U+0000-U+001F), DEL and C1 (U+0080-U+009F).
 * Lengths count Unicode code points, as PostgreSQL `varchar(n)` does, and a
 * truncation never splits a surrogate pair.
 */

const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/g;
const CONTROL_CHARS_EXCEPT_TAB_LF = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const LINE_BREAKS_AND_TABS = /[\t\r\n]/g;

/** Depth past which nested detail values are replaced; bodies are capped at 512 KB upstream. */
export const MAX_DETAILS_DEPTH = 32;
export const DEPTH_LIMIT_MARKER = '[depth limit]';

export function sanitizeLine(text: string): string {
  return text.replace(LINE_BREAKS_AND_TABS, ' ').replace(CONTROL_CHARS, '');
}

export function sanitizeMultiline(text: string): string {
  return text.replace(CONTROL_CHARS_EXCEPT_TAB_LF, '');
}

export function truncateChars(text: string, maxChars: number): string {
  // Fast path: a string of n UTF-16 units has at most n code points.
  if (text.length <= maxChars) return text;
  const codePoints = Array.from(text);
  return codePoints.length <= maxChars ? text : codePoints.slice(0, maxChars).join('');
}

/** One line, trimmed, at most 1024 characters. */
export function sanitizeTitle(text: string): string {
  return truncateChars(sanitizeLine(text).trim(), MAX_TITLE_LENGTH);
}

/**
 * One line, at most 255 characters. Not trimmed: a sender that puts spaces in
 * its keys must get the same incident back on acknowledge/resolve, and the
 * truncation is deterministic for the same reason.
 */
export function sanitizeDedupKey(text: string): string {
  return truncateChars(sanitizeLine(text), MAX_DEDUP_KEY_LENGTH);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads an own property only, so `obj.constructor` or `obj.toString` of a body
 * that lacks them never reads as a field value.
 */
export function getOwn(obj: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

/**
 * Keys dropped from every copied object. `JSON.parse` makes `__proto__` an own
 * property, harmless in the parsed body, but code that later copies it with
 * plain assignment or `Object.assign` would replace the target's prototype.
 */
const FORBIDDEN_KEYS = new Set(['__proto__']);

export function isForbiddenKey(key: string): boolean {
  return FORBIDDEN_KEYS.has(key);
}

/**
 * A JSON-safe deep copy of untrusted data: strings become long-form sanitised
 * text, keys one-line text, `__proto__` keys are dropped, non-finite numbers
 * and other non-JSON values become `null`, and nesting deeper than
 * MAX_DETAILS_DEPTH is replaced by DEPTH_LIMIT_MARKER.
 */
export function sanitizeJson(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return sanitizeMultiline(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean' || value === null) return value;
  if (typeof value !== 'object') return null;
  if (depth >= MAX_DETAILS_DEPTH) return DEPTH_LIMIT_MARKER;
  if (Array.isArray(value)) return value.map((item) => sanitizeJson(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (isForbiddenKey(key)) continue;
    copy[sanitizeLine(key)] = sanitizeJson(item, depth + 1);
  }
  return copy;
}

/** The href when it is an absolute http(s) URL, else null (no `javascript:` links in emails). */
export function safeHttpUrl(text: string): string | null {
  const trimmed = sanitizeLine(text).trim();
  if (trimmed === '') return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? trimmed : null;
}

const INSTANT =
  /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}:\d{2})(?:\.(\d+))?(?:([Zz])|([+-]\d{2}):?(\d{2}))$/;

/**
 * Parses an RFC 3339 / ISO-8601 instant with an explicit offset: Go's
 * nanosecond fractions (Alertmanager) and PagerDuty's `+0000` offsets are
 * accepted; dates without an offset, or that do not exist, are not.
 */
export function parseInstant(text: string): Date | null {
  const match = INSTANT.exec(text.trim());
  if (!match) return null;
  const [, date, time, fraction, zulu, offsetHours, offsetMinutes] = match;
  const millis = (fraction ?? '').padEnd(3, '0').slice(0, 3);
  const offset = zulu ? 'Z' : `${offsetHours}:${offsetMinutes}`;
  const iso = `${date}T${time}.${millis}${offset}`;
  if (!isRealCalendarDate(date)) return null;
  const parsed = new Date(iso);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

function isRealCalendarDate(date: string): boolean {
  const [year, month, day] = date.split('-').map(Number);
  const probe = new Date(0);
  probe.setUTCFullYear(year, month - 1, day);
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}
