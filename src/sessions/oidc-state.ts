/**
 * What an OpenID Connect sign-in keeps between its start and its callback,
 * in a short-lived cookie signed by the install's key: the state, the nonce
 * and the PKCE verifier it sent, where to go afterwards, and when it expires.
 * Pure: the signature is computed by the caller and passed in.
 */
export interface OidcPendingSignIn {
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export const OIDC_COOKIE = 'klaxon_oidc';
export const OIDC_COOKIE_PATH = '/auth/oidc';
export const OIDC_SIGN_IN_MINUTES = 10;

export function encodePending(p: OidcPendingSignIn): string {
  return Buffer.from(JSON.stringify(p), 'utf8').toString('base64url');
}

/** The pending sign-in of a cookie's payload, or null when it is not one or has expired at `nowMs`. */
export function decodePending(payload: string, nowMs: number): OidcPendingSignIn | null {
  try {
    const p = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<OidcPendingSignIn>;
    const strings = [p.state, p.nonce, p.verifier, p.returnTo].every((v) => typeof v === 'string' && v.length > 0 && v.length < 2000);
    if (!strings || typeof p.expiresAt !== 'number' || p.expiresAt <= nowMs) return null;
    return p as OidcPendingSignIn;
  } catch {
    return null;
  }
}

/**
 * Where a sign-in may send the browser back: a path of this site only
 * (`/incidents/42?x=1`), never another origin (`//evil.example`,
 * `https://…`, `/\evil`); anything else is `/`.
 */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length > 1000 || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return '/';
  if (/[\u0000-\u001f\u007f]/.test(value)) return '/';
  try {
    const base = 'http://klaxon.invalid';
    const url = new URL(value, base);
    return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : '/';
  } catch {
    return '/';
  }
}
