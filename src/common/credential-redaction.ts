/**
 * Webhook senders put credentials in the body or the query string (Events v2's
 * `routing_key`, an `apiKey` or `token` field of a generic sender). Klaxon keeps
 * every alert's raw payload and shows it to every API role, so these fields
 * are replaced before a payload is stored, and again on the way out for rows
 * stored before that (alerts.payload and details).
 *
 * Only the top level is looked at: that is where senders put their credential,
 * and a shallow copy keeps the Events v2 hot path cheap (a handful of keys).
 */
export const REDACTED_CREDENTIAL = '[redacted]';

/** `routing_key`, `apiKey`, `X-Api-Key`, `access_token`, `key`...; not `dedup_key` nor `groupKey`. */
const CREDENTIAL_FIELD = /(?:routing[-_]?key|integration[-_]?key|api[-_]?key|token|secret|password|passphrase|authorization|credentials?)$|^key$/i;

export function isCredentialField(name: string): boolean {
  return CREDENTIAL_FIELD.test(name);
}

const isCredential = (obj: Record<string, unknown>, k: string): boolean =>
  obj[k] !== null && obj[k] !== undefined && isCredentialField(k);

/**
 * A shallow copy of a JSON object with its credential fields replaced, or the
 * value itself when it is not an object or holds none (no copy on the common path).
 */
export function redactCredentialFields<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (!keys.some((k) => isCredential(obj, k))) return value;
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const v = isCredential(obj, k) ? REDACTED_CREDENTIAL : obj[k];
    // JSON.parse makes "__proto__" an own key; an assignment would set the prototype instead.
    if (k === '__proto__') Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    else out[k] = v;
  }
  return out as T;
}

/** An alert payload as stored: its top level, and the `query` wrapper a generic GET is stored in. */
export function redactStoredPayload<T>(payload: T): T {
  const top = redactCredentialFields(payload);
  const query = (top as { query?: unknown } | null)?.query;
  const redactedQuery = redactCredentialFields(query);
  // Spread defines own properties, so an own "__proto__" key stays a key here too.
  return redactedQuery === query ? top : ({ ...(top as object), query: redactedQuery } as T);
}

/**
 * An incoming-webhook URL (Teams, Mattermost, an outgoing webhook) carries its
 * credential in its path or query: shown as its scheme and host only,
 * `https://example.webhook.office.com/•••`, for read-only keys, the timeline
 * and the logs. Anything that is not a URL is hidden whole.
 */
export function maskCredentialUrl(url: string, mark = '•••'): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}/${mark}`;
  } catch {
    return mark;
  }
}
