import { ValidationError } from './errors';

/**
 * Guards that the body parsers (body-parsers.ts) apply before any code walks a
 * body, turning two kinds of input that used to end in a 500 into 400s: nesting
 * deep enough to overflow recursive code (class-transformer,
 * JSON.stringify, PostgreSQL's jsonb parser), and text PostgreSQL cannot
 * store: NUL characters, and lone UTF-16 surrogates (`"\ud800"` is valid JSON
 * but no Unicode text; jsonb refuses it and validator.js's isEmail throws on it).
 */

/** Deeper JSON than any real client sends. */
export const MAX_BODY_DEPTH = 64;

/** The nesting depth of a parsed JSON value, measured without recursion; stops once `limit` is passed. */
export function jsonDepth(value: unknown, limit = Number.POSITIVE_INFINITY): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth > max) max = depth;
    if (max > limit) return max;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return max;
}

/** The path (`layers.0.name`) of the first key or string value holding U+0000, or null. */
export function nulTextPath(value: unknown, root = ''): string | null {
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return path || 'body';
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    for (const [k, child] of Object.entries(v)) {
      const childPath = path ? `${path}.${k}` : k;
      if (k.includes('\u0000')) return childPath;
      stack.push([child, childPath]);
    }
  }
  return null;
}

/** Every route: a body nested deeper than MAX_BODY_DEPTH is a 400, like malformed JSON (the parser raises it). */
export function deepBodyProblem(body: unknown): Error | null {
  if (body === null || typeof body !== 'object' || jsonDepth(body, MAX_BODY_DEPTH) <= MAX_BODY_DEPTH) return null;
  return Object.assign(new Error(`body: nested deeper than ${MAX_BODY_DEPTH} levels`), { status: 400, type: 'entity.too.deep' });
}

/** More keys in one object than any management API body needs. */
export const MAX_OBJECT_KEYS = 256;

/**
 * The path (`layers.0`, or `body` for the top level) of the first object with
 * more than `maxKeys` keys, or null. Iterative; it counts keys without copying
 * them, so a body with 70,000 keys is refused in well under a millisecond
 * instead of being walked by class-transformer.
 */
export function overWideObjectPath(value: unknown, maxKeys = MAX_OBJECT_KEYS): string | null {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) stack.push([v[i], path ? `${path}.${i}` : String(i)]);
      continue;
    }
    let count = 0;
    for (const key in v) {
      if (!Object.prototype.hasOwnProperty.call(v, key)) continue;
      if (++count > maxKeys) return path || 'body';
    }
    for (const [k, child] of Object.entries(v)) {
      if (child !== null && typeof child === 'object') stack.push([child, path ? `${path}.${k}` : k]);
    }
  }
  return null;
}

/**
 * The management API's input rules, applied before any transformation or
 * validation: a NUL in the body or the query is a 400 naming the field, and so
 * is an object with more than MAX_OBJECT_KEYS keys. (Webhooks keep their NULs:
 * ingest strips control characters from what it stores.)
 */
export function apiInputProblem(body: unknown, query: unknown): ValidationError | null {
  const nul = nulTextPath(body) ?? nulTextPath(query);
  if (nul) return ValidationError.field(nul, 'must not contain NUL characters (U+0000)');
  const wide = overWideObjectPath(body);
  if (wide) return ValidationError.field(wide, `has more than ${MAX_OBJECT_KEYS} keys`);
  return null;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Replaces each lone surrogate with U+FFFD, as a UTF-8 decoder does with bytes that are not UTF-8. */
export function toWellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd');
}

/**
 * Rewrites, in place, every key and string value of a parsed body that holds a
 * lone surrogate; returns the body (or the replacement for a bare string).
 * Iterative, like jsonDepth. The raw bytes (for signatures) are untouched.
 */
export function wellFormedBody(value: unknown): unknown {
  if (typeof value === 'string') return toWellFormed(value);
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        if (typeof v[i] === 'string') v[i] = toWellFormed(v[i]);
        else stack.push(v[i]);
      }
      continue;
    }
    const obj = v as Record<string, unknown>;
    for (const key of Object.keys(obj)) {
      const child = obj[key];
      const fixedKey = toWellFormed(key);
      const fixed = typeof child === 'string' ? toWellFormed(child) : child;
      if (fixedKey !== key) {
        delete obj[key];
        Object.defineProperty(obj, fixedKey, { value: fixed, enumerable: true, writable: true, configurable: true });
      } else if (fixed !== child) {
        obj[key] = fixed;
      }
      if (typeof fixed === 'object') stack.push(fixed);
    }
  }
  return value;
}

/**
 * Decoded text never holds a lone surrogate (the UTF-8 and UTF-16 decoders
 * write U+FFFD instead), so a parsed JSON body can hold one only through an
 * escape `\uD800`-`\uDFFF` in its text.
 */
const SURROGATE_ESCAPE = /\\u[dD][89abcdefABCDEF]/;

/** wellFormedBody for a body parsed from JSON `text`: the walk is skipped when the text has no surrogate escape. */
export function wellFormedJsonBody(body: unknown, text: string): unknown {
  return SURROGATE_ESCAPE.test(text) ? wellFormedBody(body) : body;
}
