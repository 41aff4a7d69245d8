import { getOwn, isForbiddenKey, isPlainObject, sanitizeLine, sanitizeMultiline } from './sanitize';

/**
 * Field readers that collect every problem instead of stopping at the first,
 * so a 400 names them all. Messages follow PagerDuty's Events API wording
 * ("'payload.summary' is missing or blank") for every source, so a sender sees
 * one style whichever endpoint it uses. Paths are dotted, arrays indexed:
 * `alerts[0].labels`.
 */

export const messages = {
  missing: (path: string) => `'${path}' is missing or blank`,
  mustBe: (path: string, expected: string) => `'${path}' must be ${expected}`,
  oneOf: (path: string, choices: readonly string[]) =>
    `'${path}' is invalid (must be one of the following: ${listChoices(choices)})`,
  notInstant: (path: string) => `'${path}' is invalid (must be an ISO 8601 timestamp with a time zone)`,
  notObjectBody: () => 'Body must be a JSON object',
};

function listChoices(choices: readonly string[]): string {
  const quoted = choices.map((choice) => `'${choice}'`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

export function joinPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null;
}

/**
 * A required string field, returned raw (callers pick the sanitiser). Absent,
 * null, or blank after removing control characters is "missing or blank".
 */
export function readRequiredString(
  obj: Record<string, unknown>,
  key: string,
  path: string,
  errors: string[],
): string | undefined {
  const value = getOwn(obj, key);
  if (isAbsent(value)) {
    errors.push(messages.missing(path));
    return undefined;
  }
  if (typeof value !== 'string') {
    errors.push(messages.mustBe(path, 'a string'));
    return undefined;
  }
  if (sanitizeLine(value).trim() === '') {
    errors.push(messages.missing(path));
    return undefined;
  }
  return value;
}

/** An optional string field: absent or null gives undefined; any other non-string is an error. */
export function readOptionalString(
  obj: Record<string, unknown>,
  key: string,
  path: string,
  errors: string[],
): string | undefined {
  const value = getOwn(obj, key);
  if (isAbsent(value)) return undefined;
  if (typeof value !== 'string') {
    errors.push(messages.mustBe(path, 'a string'));
    return undefined;
  }
  return value;
}

/** An optional string reduced to one clean line; blank becomes null. */
export function readOptionalLine(
  obj: Record<string, unknown>,
  key: string,
  path: string,
  errors: string[],
): string | null {
  const value = readOptionalString(obj, key, path, errors);
  if (value === undefined) return null;
  const line = sanitizeLine(value).trim();
  return line === '' ? null : line;
}

export function readOptionalObject(
  obj: Record<string, unknown>,
  key: string,
  path: string,
  errors: string[],
): Record<string, unknown> | undefined {
  const value = getOwn(obj, key);
  if (isAbsent(value)) return undefined;
  if (!isPlainObject(value)) {
    errors.push(messages.mustBe(path, 'an object'));
    return undefined;
  }
  return value;
}

/**
 * A map of string values (labels, annotations). Keys are cleaned to one line,
 * `__proto__` keys dropped; values keep line breaks when `multiline` (annotations
 * are prose) and are flattened to one line otherwise (labels are identifiers).
 * Absent gives `{}`.
 */
export function readStringMap(
  obj: Record<string, unknown>,
  key: string,
  path: string,
  errors: string[],
  options: { multiline: boolean },
): Record<string, string> {
  const map = readOptionalObject(obj, key, path, errors);
  const result: Record<string, string> = {};
  if (map === undefined) return result;
  for (const [entryKey, entryValue] of Object.entries(map)) {
    if (isForbiddenKey(entryKey)) continue;
    if (typeof entryValue !== 'string') {
      errors.push(messages.mustBe(joinPath(path, entryKey), 'a string'));
      continue;
    }
    result[sanitizeLine(entryKey)] = options.multiline ? sanitizeMultiline(entryValue) : sanitizeLine(entryValue);
  }
  return result;
}
