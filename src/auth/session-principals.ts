import { Injectable } from '@nestjs/common';
import type { Principal } from './api-keys.service';

/** The console's session cookie (docs/console.md). */
export const SESSION_COOKIE = 'klaxon_session';

/** A signed-in console session, as the guard needs it. */
export interface AuthenticatedSession {
  principal: Principal;
  /** Every cookie-authenticated write must send this in `X-CSRF-Token`. */
  csrfToken: string;
  /** A `Set-Cookie` value to send with the response (the session was renewed), or null. */
  renewedCookie: string | null;
}

/** Verifies a session cookie's token; implemented by the sessions module, which owns the table. */
export interface SessionAuthenticator {
  authenticate(token: string): Promise<AuthenticatedSession | null>;
}

/**
 * Where the sessions module (above auth) registers its authenticator at start,
 * so that the one guard authorises a session like an API key without auth
 * importing it. With none registered, a session cookie authenticates nobody.
 */
@Injectable()
export class SessionPrincipals {
  private authenticator: SessionAuthenticator | null = null;

  register(authenticator: SessionAuthenticator): void {
    this.authenticator = authenticator;
  }

  authenticate(token: string): Promise<AuthenticatedSession | null> {
    return this.authenticator ? this.authenticator.authenticate(token) : Promise.resolve(null);
  }
}
