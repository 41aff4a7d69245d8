import { createHash, timingSafeEqual } from 'node:crypto';

/** The stored form of a bearer secret (API key, session token, sign-in link): SHA-256 of its text, hex. */
export function sha256Hex(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Whether a secret sent by a client equals the expected one, in time that does not depend on where they differ. */
export function sameSecret(given: string | Buffer, expected: string | Buffer): boolean {
  const a = Buffer.isBuffer(given) ? given : Buffer.from(given, 'utf8');
  const b = Buffer.isBuffer(expected) ? expected : Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
