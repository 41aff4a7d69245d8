import { createHash, randomBytes } from 'node:crypto';

/**
 * The short link an SMS carries: `PUBLIC_URL/i/<token>`, 25 characters after
 * PUBLIC_URL. The token is 16 random bytes (128 bits) in base64url, 22 characters;
 * only its SHA-256 is stored (incident_links.token_hash), so the table alone does not
 * give anyone a working link.
 */
export const INCIDENT_LINK_PATH = '/i';
export const INCIDENT_LINK_TOKEN_CHARS = 22;
/** A link works for 7 days after its page was sent... */
export const INCIDENT_LINK_TTL_MS = 7 * 24 * 3_600_000;
/** ...and no longer than a day after its incident was resolved. */
export const INCIDENT_LINK_AFTER_RESOLVE_MS = 24 * 3_600_000;

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export function newIncidentLinkToken(): string {
  return randomBytes(16).toString('base64url');
}

/** What incident_links stores for a token: its SHA-256, base64url. */
export function hashIncidentLinkToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** The hash of a token from a URL; null for text that cannot be a token (it is never looked up). */
export function incidentLinkTokenHash(token: string): string | null {
  return TOKEN_PATTERN.test(token) ? hashIncidentLinkToken(token) : null;
}

export function incidentLinkUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${INCIDENT_LINK_PATH}/${token}`;
}

/** The instant a link stops working: its own expiry, or a day after its incident was resolved if that is sooner. */
export function incidentLinkEndsAt(link: { expiresAt: Date }, incidentResolvedAt: Date | null): Date {
  const afterResolve = incidentResolvedAt ? incidentResolvedAt.getTime() + INCIDENT_LINK_AFTER_RESOLVE_MS : Infinity;
  return new Date(Math.min(link.expiresAt.getTime(), afterResolve));
}
