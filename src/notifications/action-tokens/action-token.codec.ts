import { createHmac, timingSafeEqual } from 'node:crypto';

export type TokenAction = 'acknowledge' | 'resolve';

/** What an email action link authorises: one action, on one incident, by the paged user, until it expires. */
export interface ActionTokenClaims {
  /** Token id: redeeming it inserts this id into used_action_tokens (single use). */
  tokenId: string;
  incidentId: string;
  action: TokenAction;
  userId: string | null;
  expiresAt: Date;
}

export type TokenCheck =
  | { ok: true; claims: ActionTokenClaims }
  | { ok: false; reason: 'malformed' | 'forged' | 'expired' };

const VERSION = 'v1';
const ACTIONS: Record<string, TokenAction> = { ack: 'acknowledge', res: 'resolve' };
const CODES: Record<TokenAction, string> = { acknowledge: 'ack', resolve: 'res' };

/**
 * `v1.<base64url JSON claims>.<base64url HMAC-SHA256>`: pure functions of (key, claims, now).
 * The key is derived from the install secret for this one purpose, so a leaked link key
 * says nothing about other uses of the secret.
 */
export function signActionToken(secret: string, claims: ActionTokenClaims): string {
  const body = Buffer.from(
    JSON.stringify({
      j: claims.tokenId,
      i: claims.incidentId,
      a: CODES[claims.action],
      u: claims.userId,
      e: Math.floor(claims.expiresAt.getTime() / 1000),
    }),
  ).toString('base64url');
  return `${VERSION}.${body}.${mac(secret, `${VERSION}.${body}`)}`;
}

export function verifyActionToken(secret: string, token: string, now: Date): TokenCheck {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== VERSION) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(mac(secret, `${parts[0]}.${parts[1]}`));
  const given = Buffer.from(parts[2]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'forged' };
  let raw: { j?: unknown; i?: unknown; a?: unknown; u?: unknown; e?: unknown };
  try {
    raw = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const action = typeof raw.a === 'string' ? ACTIONS[raw.a] : undefined;
  if (typeof raw.j !== 'string' || typeof raw.i !== 'string' || !action || typeof raw.e !== 'number') {
    return { ok: false, reason: 'malformed' };
  }
  const expiresAt = new Date(raw.e * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  return {
    ok: true,
    claims: { tokenId: raw.j, incidentId: raw.i, action, userId: typeof raw.u === 'string' ? raw.u : null, expiresAt },
  };
}

function mac(secret: string, data: string): string {
  const key = createHmac('sha256', secret).update('klaxon/email-action-links').digest();
  return createHmac('sha256', key).update(data).digest('base64url');
}
