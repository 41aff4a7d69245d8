import { Inject, Injectable, Logger } from '@nestjs/common';
import { sameSecret } from '../common/secret-hash';
import type * as OpenIdClient from 'openid-client';
import { Clock } from '../common/clock';
import { readCookie, serializeCookie } from '../common/cookies';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ActionTokenService } from '../notifications/action-tokens/action-token.service';
import { UsersService } from '../users/users.service';
import { decodePending, encodePending, OIDC_COOKIE, OIDC_COOKIE_PATH, OIDC_SIGN_IN_MINUTES, safeReturnTo } from './oidc-state';
import { OpenedSession, SessionsService } from './sessions.service';

/** Separates the sign-in cookie's signatures from every other use of the install's key. */
const MAC_PURPOSE = 'oidc-sign-in';
const OIDC_CALLBACK_PATH = '/auth/oidc/callback';
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** What a callback ends in: signed in (redirect there), or refused with a message for a person. */
export type OidcOutcome =
  | { kind: 'signed-in'; opened: OpenedSession; returnTo: string }
  | { kind: 'refused'; status: number; title: string; message: string };

/**
 * OpenID Connect sign-in (authorization code with PKCE, docs/console.md)
 * through openid-client. The provider's metadata is discovered on first use.
 * The state, nonce and PKCE verifier travel in a signed cookie that lives ten
 * minutes; the ID token's `email` claim names the Klaxon user.
 */
@Injectable()
export class OidcSignInService {
  private readonly logger = new Logger(OidcSignInService.name);
  private discovered: Promise<{ lib: typeof OpenIdClient; config: OpenIdClient.Configuration }> | null = null;
  private readonly base: string;
  private readonly secureCookie: boolean;

  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly signer: ActionTokenService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.base = (config.PUBLIC_URL ?? '').replace(/\/+$/, '');
    this.secureCookie = this.base.startsWith('https:');
  }

  get enabled(): boolean {
    return Boolean(this.config.OIDC_ISSUER_URL && this.config.OIDC_CLIENT_ID && this.config.PUBLIC_URL);
  }

  /** The provider's authorization URL for a new sign-in, and the cookie that remembers it. */
  async start(returnTo: unknown): Promise<{ location: string; cookie: string }> {
    const { lib, config } = await this.client();
    const verifier = lib.randomPKCECodeVerifier();
    const pending = {
      state: lib.randomState(),
      nonce: lib.randomNonce(),
      verifier,
      returnTo: safeReturnTo(returnTo),
      expiresAt: this.clock.now().getTime() + OIDC_SIGN_IN_MINUTES * 60_000,
    };
    const url = lib.buildAuthorizationUrl(config, {
      redirect_uri: `${this.base}${OIDC_CALLBACK_PATH}`,
      scope: 'openid email profile',
      code_challenge: await lib.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    const payload = encodePending(pending);
    const value = `${payload}.${await this.signer.mac(MAC_PURPOSE, payload)}`;
    return { location: url.href, cookie: this.cookie(value, OIDC_SIGN_IN_MINUTES * 60) };
  }

  /** A Set-Cookie value that removes the sign-in cookie (sent with every callback answer). */
  clearedCookie(): string {
    return this.cookie('', 0);
  }

  /** The provider sent the browser back: check everything, find the user, open the session. */
  async finish(cookieHeader: string | string[] | undefined, query: string): Promise<OidcOutcome> {
    const pending = await this.pendingOf(readCookie(cookieHeader, OIDC_COOKIE));
    if (!pending) return refused(400, 'Sign-in expired', 'This sign-in took too long or was started in another browser. Start again from the sign-in page.');
    const { lib, config } = await this.client();
    let claims: Record<string, unknown> | undefined;
    try {
      const tokens = await lib.authorizationCodeGrant(config, new URL(`${this.base}${OIDC_CALLBACK_PATH}${query}`), {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      claims = idToken ? { ...idToken } : undefined;
      // Many providers keep email and name out of the ID token: the userinfo endpoint has them (its sub must match).
      if (idToken && typeof idToken.email !== 'string') claims = { ...(await lib.fetchUserInfo(config, tokens.access_token, idToken.sub)) };
    } catch (e) {
      this.logger.warn({ err: (e as Error).message }, 'OpenID Connect sign-in refused by its checks');
      return refused(401, 'Sign-in failed', 'The identity provider did not confirm this sign-in. Start again from the sign-in page.');
    }
    const email = typeof claims?.email === 'string' ? claims.email.trim().toLowerCase() : '';
    if (!email || claims?.email_verified === false) {
      return refused(403, 'No verified email', 'The identity provider gave no verified email address, which Klaxon needs to know who you are.');
    }
    let user = await this.users.findByEmail(email);
    if (!user && this.config.OIDC_AUTO_CREATE_USERS) {
      const name = typeof claims?.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 200) : email.split('@')[0];
      user = await this.users.create({ name, email });
      this.logger.log({ userId: user.id }, 'OpenID Connect sign-in created a user');
    }
    if (!user) {
      this.logger.warn('OpenID Connect sign-in of an email that is no Klaxon user; refused');
      return refused(403, 'Not a Klaxon user', `No Klaxon user has the email address ${email}. Ask a Klaxon admin to add you, then sign in again.`);
    }
    const opened = await this.sessions.openForUser({ id: user.id, name: user.name, role: user.role }, 'oidc');
    return { kind: 'signed-in', opened, returnTo: pending.returnTo };
  }

  private async pendingOf(value: string | null) {
    const dot = value?.lastIndexOf('.') ?? -1;
    if (!value || dot < 0) return null;
    const payload = value.slice(0, dot);
    if (!sameSecret(value.slice(dot + 1), await this.signer.mac(MAC_PURPOSE, payload))) return null;
    return decodePending(payload, this.clock.now().getTime());
  }

  private cookie(value: string, maxAgeSeconds: number): string {
    return serializeCookie(OIDC_COOKIE, value, { maxAgeSeconds, secure: this.secureCookie, path: OIDC_COOKIE_PATH });
  }

  /** openid-client (an ES module, loaded on first use) and the discovered provider; a failed discovery is retried next time. */
  private client(): Promise<{ lib: typeof OpenIdClient; config: OpenIdClient.Configuration }> {
    this.discovered ??= this.discover().catch((e: unknown) => {
      this.discovered = null;
      throw e;
    });
    return this.discovered;
  }

  private async discover(): Promise<{ lib: typeof OpenIdClient; config: OpenIdClient.Configuration }> {
    const lib = await import('openid-client');
    const issuer = new URL(this.config.OIDC_ISSUER_URL ?? '');
    const secret = this.config.OIDC_CLIENT_SECRET;
    const auth = secret ? lib.ClientSecretBasic(secret) : lib.None();
    // Plain http only to a provider on this machine (development, tests); anything else must be https.
    const insecure = issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname);
    const config = await lib.discovery(issuer, this.config.OIDC_CLIENT_ID ?? '', undefined, auth, insecure ? { execute: [lib.allowInsecureRequests] } : undefined);
    this.logger.log({ issuer: issuer.href }, 'OpenID Connect provider discovered');
    return { lib, config };
  }
}

function refused(status: number, title: string, message: string): OidcOutcome {
  return { kind: 'refused', status, title, message };
}
