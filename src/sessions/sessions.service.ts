import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { ApiKeysService, Principal } from '../auth/api-keys.service';
import { AuthenticatedSession, SESSION_COOKIE, SessionAuthenticator, SessionPrincipals } from '../auth/session-principals';
import { Clock } from '../common/clock';
import { sha256Hex } from '../common/secret-hash';
import { serializeCookie } from '../common/cookies';
import { DomainError, ErrorCode, NotFoundError } from '../common/errors';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Session, SignInMethod } from './session.entity';
import { LiveSession, SessionsRepository } from './sessions.repository';

/** A session is renewed (sliding expiry) at most once a minute, so a busy console does not write on every request. */
const RENEW_AFTER_MS = 60_000;

/** A session just opened: its cookie goes to the browser once. */
export interface OpenedSession {
  session: Session;
  cookie: string;
}

/** A user signing in (by OpenID Connect or an email link). */
export interface SigningInUser {
  id: string;
  name: string;
  role: Principal['role'];
}

/**
 * Console sessions (docs/console.md): opened by a sign-in, authenticated on
 * each request for the global guard (registered with SessionPrincipals at
 * start), renewed as they are used, ended by signing out, by an admin, or by
 * expiry (KLAXON_SESSION_HOURS after the last use).
 */
@Injectable()
export class SessionsService implements SessionAuthenticator, OnModuleInit {
  private readonly logger = new Logger(SessionsService.name);
  private readonly lifetimeMs: number;
  private readonly secureCookie: boolean;

  constructor(
    private readonly sessions: SessionsRepository,
    private readonly keys: ApiKeysService,
    private readonly principals: SessionPrincipals,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.lifetimeMs = config.KLAXON_SESSION_HOURS * 3_600_000;
    this.secureCookie = (config.PUBLIC_URL ?? '').startsWith('https:');
  }

  onModuleInit(): void {
    this.principals.register(this);
  }

  /** Signs in with an API key: only an admin key opens a session (it belongs to no user). */
  async openWithApiKey(rawKey: string): Promise<OpenedSession> {
    const key = await this.keys.authenticate(rawKey);
    if (!key) throw new DomainError(ErrorCode.Unauthorized, 'invalid or revoked API key');
    if (key.role !== 'admin') throw new DomainError(ErrorCode.Forbidden, `only an admin API key signs in to the console; this key has ${key.role}`);
    return this.open({ userId: null, apiKeyId: key.id, principalName: key.name, role: 'admin', signInMethod: 'api-key' });
  }

  /** Signs a user in (after OpenID Connect or an email link has verified them). */
  openForUser(user: SigningInUser, method: Exclude<SignInMethod, 'api-key'>): Promise<OpenedSession> {
    return this.open({ userId: user.id, apiKeyId: null, principalName: user.name, role: user.role, signInMethod: method });
  }

  private async open(owner: Pick<Session, 'userId' | 'apiKeyId' | 'principalName' | 'role' | 'signInMethod'>): Promise<OpenedSession> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const session = await this.sessions.insert({
      ...owner,
      tokenHash: sha256Hex(token),
      csrfToken: randomBytes(24).toString('base64url'),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + this.lifetimeMs),
    });
    this.logger.log({ sessionId: session.id, userId: session.userId, apiKeyId: session.apiKeyId, method: session.signInMethod }, 'console session opened');
    return { session, cookie: this.cookie(token) };
  }

  /** The guard's question: who holds this cookie token, if anyone. */
  async authenticate(token: string): Promise<AuthenticatedSession | null> {
    const now = this.clock.now();
    const live = await this.sessions.findLive(sha256Hex(token), now);
    if (!live) return null;
    const { session } = live;
    if (session.apiKeyId !== null && !(await this.keys.isActive(session.apiKeyId))) return null;
    if (session.userId !== null && live.user === null) return null;

    let renewedCookie: string | null = null;
    let expiresAt = session.expiresAt;
    if (now.getTime() - session.lastSeenAt.getTime() >= RENEW_AFTER_MS) {
      expiresAt = new Date(now.getTime() + this.lifetimeMs);
      await this.sessions.renew(session.id, now, expiresAt);
      renewedCookie = this.cookie(token);
    }
    return { principal: this.principalOf(live, expiresAt), csrfToken: session.csrfToken, renewedCookie };
  }

  /** Signs out the request's own session. */
  async signOut(principal: Principal): Promise<void> {
    if (!principal.session) throw new DomainError(ErrorCode.Unauthorized, 'no console session to sign out of');
    await this.sessions.revoke(principal.session.id, this.clock.now());
    this.logger.log({ sessionId: principal.session.id }, 'console session signed out');
  }

  /** An admin ends someone's session. */
  async revoke(id: string): Promise<void> {
    const session = await this.sessions.findById(id);
    if (!session) throw new NotFoundError('session', id);
    await this.sessions.revoke(id, this.clock.now());
    this.logger.log({ sessionId: id, userId: session.userId }, 'console session revoked');
  }

  listLive(userId?: string): Promise<Session[]> {
    return this.sessions.listLive(this.clock.now(), userId);
  }

  /** A Set-Cookie value that removes the session cookie. */
  clearedCookie(): string {
    return serializeCookie(SESSION_COOKIE, '', { maxAgeSeconds: 0, secure: this.secureCookie });
  }

  private cookie(token: string): string {
    return serializeCookie(SESSION_COOKIE, token, { maxAgeSeconds: this.lifetimeMs / 1000, secure: this.secureCookie });
  }

  private principalOf(live: LiveSession, expiresAt: Date): Principal {
    const { session, user } = live;
    const facts = { id: session.id, expiresAt, csrfToken: session.csrfToken };
    if (user) {
      const { role, ...shown } = user;
      return { id: user.id, name: user.name, role, session: { ...facts, user: shown } };
    }
    return { id: session.apiKeyId ?? 'unknown', name: session.principalName, role: session.role, session: { ...facts, user: null } };
  }
}
