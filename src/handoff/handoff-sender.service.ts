import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { hostname } from 'node:os';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ChannelError } from '../notifications/channels/notification-channel';
import { maskAddress } from '../notifications/contact-address.mask';
import { backoffMs, CLAIM_MS, MAX_ATTEMPTS } from '../notifications/dispatcher.service';
import { HandoffMessage, HandoffMessageOutcome, HandoffMessagesRepository } from './handoff-messages.repository';
import { HandoffTransports } from './handoff-transports';

/**
 * Drains `handoff_messages` with the discipline of the page outbox: claim
 * due rows (SKIP LOCKED, `sending` until the claim expires), send outside
 * any transaction, record the outcome; a retryable failure goes back to
 * `pending` with exponential backoff and jitter, at most MAX_ATTEMPTS times.
 * A worker that dies mid-send leaves the row `sending` until its claim
 * expires: it may then go out twice, never zero times.
 */
@Injectable()
export class HandoffSenderService implements OnApplicationShutdown {
  private readonly logger = new Logger(HandoffSenderService.name);
  readonly workerId = `${hostname()}:${process.pid}`;
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly messages: HandoffMessagesRepository,
    private readonly transports: HandoffTransports,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Claims and sends up to `limit` due messages; returns how many were claimed. */
  async sendDue(limit = 50): Promise<number> {
    const now = this.clock.now();
    const claimedUntil = new Date(now.getTime() + (this.config.KLAXON_CLAIM_TIMEOUT_MS ?? CLAIM_MS));
    const rows = await this.messages.claimDue(now, claimedUntil, this.workerId, limit);
    if (!rows.length) return 0;
    const work = Promise.all(rows.map((m) => this.sendOne(m)));
    this.inFlight.add(work);
    try {
      await work;
    } finally {
      this.inFlight.delete(work);
    }
    return rows.length;
  }

  nextDueAt(): Promise<Date | null> {
    return this.messages.nextDueAt();
  }

  recoverExpiredClaims(): Promise<number> {
    return this.messages.releaseExpiredClaims(this.clock.now());
  }

  /** Graceful shutdown: let sends under way finish, hand back the rest. */
  async drainAndRelease(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
    await this.messages.releaseClaimsOf(this.workerId);
  }

  onApplicationShutdown(): void {
    this.transports.close();
  }

  private async sendOne(m: HandoffMessage): Promise<void> {
    let outcome: HandoffMessageOutcome;
    try {
      const providerMessageId = await this.transports.send(m.channel, { id: m.id, address: m.address, subject: m.subject, text: m.text });
      outcome = { state: 'sent', providerMessageId, error: null, at: this.clock.now(), retryAt: null };
    } catch (e) {
      const err = e instanceof ChannelError ? e : new ChannelError(String((e as Error)?.message ?? e), true);
      const retry = err.retryable && m.attempts < MAX_ATTEMPTS;
      const now = this.clock.now();
      outcome = { state: retry ? 'pending' : 'failed', providerMessageId: null, error: err.message, at: now, retryAt: retry ? new Date(now.getTime() + backoffMs(m.attempts)) : null };
    }
    const recorded = await this.messages.recordOutcome(m.id, outcome);
    if (!recorded) return;
    const fields = { messageId: m.id, kind: m.kind, userId: m.userId, scheduleId: m.scheduleId, channel: m.channel, to: maskAddress(m.channel, m.address), attempt: m.attempts };
    if (outcome.state === 'sent') this.logger.log(fields, 'handoff message sent');
    else if (outcome.state === 'pending') this.logger.warn({ ...fields, reason: outcome.error, retryAt: outcome.retryAt }, 'handoff message attempt failed; retrying');
    else this.logger.warn({ ...fields, reason: outcome.error }, 'handoff message failed');
  }
}
