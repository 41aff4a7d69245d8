/**
 * The few cookie operations Klaxon needs (the console's session cookie and
 * the OpenID Connect sign-in cookie): read one cookie from a `Cookie` header,
 * and write a `Set-Cookie` value. Values Klaxon writes are base64url, so no
 * encoding is needed; a value read is returned as sent.
 */
export function readCookie(header: string | string[] | undefined, name: string): string | null {
  const text = Array.isArray(header) ? header.join('; ') : header;
  if (!text) return null;
  for (const part of text.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      return value.length ? value : null;
    }
  }
  return null;
}

export interface CookieOptions {
  /** Seconds; 0 deletes the cookie. */
  maxAgeSeconds: number;
  secure: boolean;
  path?: string;
  sameSite?: 'Lax' | 'Strict';
}

/** A `Set-Cookie` value: always HttpOnly, SameSite=Lax unless told Strict, Path=/ unless told. */
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  const parts = [`${name}=${value}`, `Path=${options.path ?? '/'}`, `Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`, 'HttpOnly', `SameSite=${options.sameSite ?? 'Lax'}`];
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}
