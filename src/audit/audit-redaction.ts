import { maskCredentialUrl } from '../common/credential-redaction';
import type { AuditBody } from './audit-entry.entity';

/**
 * Request bodies go into the audit log with their secrets removed: a field
 * whose name says it holds a secret becomes "***", a password inside a URL
 * becomes "***", an http(s) URL in a field named `url` or `...Url` (an
 * incoming-webhook URL carries its token in its path or query) keeps only its
 * scheme and host, and bodies too deep or too large are summarised rather than
 * stored. NUL characters are dropped (PostgreSQL's jsonb cannot hold them).
 */
export const REDACTED = '***';
export const MAX_AUDIT_BODY_BYTES = 16 * 1024;
const MAX_DEPTH = 16;

const SECRET_FIELD = /(secret|token|password|passphrase|credentials?|authorization|api_?key|routing_?key|^key)$/i;
const URL_PASSWORD = /^([a-z][a-z0-9+.-]*:\/\/[^/:@\s]*):[^@/\s]+@/i;
const URL_FIELD = /(^|[a-z_])url$/i;
const HTTP_URL = /^https?:\/\//i;

export function redactSecrets(value: unknown): AuditBody {
  const redacted = walk(value, 0) as AuditBody;
  const json = JSON.stringify(redacted);
  if (json !== undefined && Buffer.byteLength(json, 'utf8') > MAX_AUDIT_BODY_BYTES) {
    return { truncated: true, bytes: Buffer.byteLength(json, 'utf8') };
  }
  return redacted;
}

function walk(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return value.replace(/\u0000/g, '').replace(URL_PASSWORD, `$1:${REDACTED}@`);
  if (value === null || typeof value !== 'object') return typeof value === 'bigint' ? String(value) : value;
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (Array.isArray(value)) return value.map((v) => walk(v, depth + 1));
  // A plain copy of own enumerable fields; "__proto__" stays an ordinary key and never becomes a prototype.
  const out: Record<string, unknown> = Object.create(null);
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const secret = SECRET_FIELD.test(k) && v !== null && v !== undefined;
    const webhookUrl = URL_FIELD.test(k) && typeof v === 'string' && HTTP_URL.test(v);
    out[k.replace(/\u0000/g, '')] = secret ? REDACTED : webhookUrl ? maskCredentialUrl(v, REDACTED) : walk(v, depth + 1);
  }
  return out;
}
