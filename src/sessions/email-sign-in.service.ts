import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { randomBytes } from 'node:crypto';
import { Clock } from '../common/clock';
import { DomainError, ErrorCode, RateLimitedError } from '../common/errors';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { UsersService } from '../users/users.service';
import type { SessionUserResponse } from './sessions.dto';
import { sha256Hex } from '../common/secret-hash';
import { OpenedSession, SessionsService } from './sessions.service';
import { SignInLinksRepository } from './sign-in-links.repository';
import { signInEmail, SignInMailer } from './sign-in-mailer';

/** A link works this long, once. */
const SIGN_IN_LINK_MINUTES = 15;
/** At most this many links go to one address per SIGN_IN_LINK_MINUTES; more requests are answered alike and send nothing. */
const LINKS_PER_ADDRESS = 3;
/**
 * At most this many requests per client address in a window of
 * SIGN_IN_LINK_MINUTES from its first, in this process; more are a 429 whose
 * Retry-After says when the window ends.
 */
const REQUESTS_PER_CLIENT = 10;

/**
 * Email sign-in (docs/console.md): a request sends a single-use link valid
 * 15 minutes to the user with that email, and answers the same whether or
 * not there is one (no account probing). The link opens a console page with
 * a Confirm button; only that button's POST signs in, so a mail scanner that
 * fetches the link signs nobody in and uses nothing up.
 */
@Injectable()
export class EmailSignInService implements OnModuleDestroy {
  private readonly logger = new Logger(EmailSignInService.name);
  private readonly mailer: SignInMailer;
  /** Sends one after another, so the per-address limit holds in this process however fast requests come. */
  private sending: Promise<void> = Promise.resolve();
  /** Each client address's window: its start (the clock's ms) and its requests so far. The cache only bounds memory. */
  private readonly perClient = new LRUCache<string, { since: number; count: number }>({ max: 10_000, ttl: SIGN_IN_LINK_MINUTES * 60_000 });

  constructor(
    private readonly links: SignInLinksRepository,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.mailer = new SignInMailer(config.SMTP_URL, config.SMTP_FROM);
  }

  /** On when SMTP and PUBLIC_URL (where the link points) are configured. */
  get enabled(): boolean {
    return this.mailer.configured && Boolean(this.config.PUBLIC_URL);
  }

  onModuleDestroy(): void {
    this.mailer.close();
  }

  /** Sends a link if `email` is a user's (in the background: the answer takes as long either way). */
  async request(email: string, clientAddress: string): Promise<void> {
    if (!this.enabled) throw new DomainError(ErrorCode.NotFound, 'email sign-in is not configured (it needs SMTP_URL, SMTP_FROM and PUBLIC_URL)');
    const now = this.clock.now().getTime();
    const windowMs = SIGN_IN_LINK_MINUTES * 60_000;
    let seen = this.perClient.get(clientAddress);
    if (!seen || now - seen.since >= windowMs) this.perClient.set(clientAddress, (seen = { since: now, count: 0 }));
    if (++seen.count > REQUESTS_PER_CLIENT) {
      throw new RateLimitedError(Math.max(1, Math.ceil((seen.since + windowMs - now) / 1000)), 'too many sign-in requests from this address');
    }
    this.sending = this.sending.then(() => this.sendLink(email)).catch((e: Error) => this.logger.warn({ err: e.message }, 'email sign-in link not sent'));
  }

  private async sendLink(email: string): Promise<void> {
    const user = await this.users.findByEmail(email);
    if (!user) {
      this.logger.log('email sign-in asked for an address of no user; nothing sent');
      return;
    }
    const now = this.clock.now();
    const windowStart = new Date(now.getTime() - SIGN_IN_LINK_MINUTES * 60_000);
    if ((await this.links.countSince(user.id, windowStart)) >= LINKS_PER_ADDRESS) {
      this.logger.warn({ userId: user.id }, 'email sign-in: too many links for this user; nothing sent');
      return;
    }
    const token = randomBytes(32).toString('base64url');
    await this.links.insert({ tokenHash: sha256Hex(token), userId: user.id, createdAt: now, expiresAt: new Date(now.getTime() + SIGN_IN_LINK_MINUTES * 60_000) });
    const base = (this.config.PUBLIC_URL ?? '').replace(/\/+$/, '');
    // The token rides in the fragment, which browsers never send: the page's script posts it.
    await this.mailer.send(user.email, signInEmail(`${base}/sign-in/email#token=${token}`, SIGN_IN_LINK_MINUTES));
    this.logger.log({ userId: user.id }, 'email sign-in link sent');
  }

  /** The Confirm button: uses the link (once) and opens a session for its user. */
  async confirm(token: string): Promise<{ opened: OpenedSession; user: SessionUserResponse }> {
    const userId = await this.links.consume(sha256Hex(token), this.clock.now());
    const user = userId ? await this.users.get(userId).catch(() => null) : null;
    if (!user) throw new DomainError(ErrorCode.Unauthorized, 'this sign-in link is not valid, was already used, or has expired: ask for a new one');
    const opened = await this.sessions.openForUser({ id: user.id, name: user.name, role: user.role }, 'email-link');
    return { opened, user: { id: user.id, name: user.name, email: user.email, timeZone: user.timeZone } };
  }
}
