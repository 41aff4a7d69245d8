import { createHash } from 'node:crypto';

/** The stored form of a bearer secret (API key, session token, sign-in link): SHA-256 of its text, hex. */
export function sha256Hex(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
