import { Inject, Injectable, Logger } from '@nestjs/common';
import { hostname } from 'node:os';
import { Clock } from '../common/clock';
import { groupBy } from '../common/group-by';
import { maskAddress } from './contact-address.mask';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { MetricsService } from '../health/metrics.service';
import { ActionTokenService } from './action-tokens/action-token.service';
import { ChannelError, OutgoingNotification } from './channels/notification-channel';
import { ChannelRegistry } from './channel-registry';
import { IncidentInfo, consoleIncidentUrl, toPageContent } from './incident-page.content';
import { IncidentPagesRepository } from './incident-pages.repository';
import type { NotificationState } from './notification.entity';
import { type ClaimedPage, NotificationsRepository } from './notifications.repository';
import { PageRateLimiterService, RATE_LIMITED_CHANNELS } from './rate-limit/page-rate-limiter.service';
import { planRateLimitedPages } from './rate-limit/rate-limit.planner';
import { SlackMessageUpdaterService } from './slack-updates/slack-message-updater.service';
import { PageOutcomesWriter, type SendOutcome } from './page-outcomes.writer';

/** Default for KLAXON_CLAIM_TIMEOUT_MS: how long a claimed send may take before another worker may retry it. */
export const CLAIM_MS = 120_000;
/** Retryable failures are retried this many times (about an hour of backoff) before the page is failed. */
export const MAX_ATTEMPTS = 12;
const BASE_BACKOFF_MS = 5_000;
const MAX_BACKOFF_MS = 10 * 60_000;

export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const exp = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(exp * (0.8 + 0.4 * random()));
}

/**
 * Drains the outbox: claims due pending rows (SKIP LOCKED, so any number of
 * workers share the work), hands each to its channel outside any transaction,
 * then records the outcome and a timeline entry (PageOutcomesWriter: in batches
 * shared with the other sends that finished meanwhile). A crash between the provider
 * call and the outcome leaves the row `sending`; after KLAXON_CLAIM_TIMEOUT_MS it is retried:
 * at most one duplicate, never a lost page.
 *
 * SMS and voice pages are rate limited per contact method (rate-limit/): past the
 * per-minute budget they are bundled into one "N more incidents" page. Each pass
 * also drains queued Slack message updates (slack-updates/).
 */
@Injectable()
export class DispatcherService {
  private readonly logger = new Logger(DispatcherService.name);
  readonly workerId = `${hostname()}:${process.pid}`;
  private readonly inFlight = new Set<Promise<void>>();
  /** Passes that claimed pages and have not recorded every outcome: only then can this process hold claims. */
  private unsettledPasses = 0;

  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly incidentPages: IncidentPagesRepository,
    private readonly channels: ChannelRegistry,
    private readonly outcomes: PageOutcomesWriter,
    private readonly clock: Clock,
    private readonly metrics: MetricsService,
    private readonly actionTokens: ActionTokenService,
    private readonly rateLimiter: PageRateLimiterService,
    private readonly slackUpdates: SlackMessageUpdaterService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Claims and sends up to `limit` due pages, then drains due Slack updates; returns how many rows were claimed. */
  async dispatchDue(limit = 50): Promise<number> {
    const pages = await this.dispatchPages(limit);
    const updates = await this.slackUpdates.drainDue();
    return pages + updates;
  }

  private async dispatchPages(limit: number): Promise<number> {
    const now = this.clock.now();
    const claimedUntil = new Date(now.getTime() + (this.config.KLAXON_CLAIM_TIMEOUT_MS ?? CLAIM_MS));
    this.unsettledPasses++;
    const rows = await this.notifications.claimDue(now, claimedUntil, this.workerId, limit);
    if (!rows.length) {
      this.unsettledPasses--;
      return 0;
    }
    const byId = await this.incidentPages.load(rows.map((r) => r.incidentId));
    // Live SMS/voice pages are grouped per contact method and rate limited; everything else goes out at once.
    const limitedBy = (r: ClaimedPage): string | null =>
      byId.get(r.incidentId)?.status === 'triggered' && RATE_LIMITED_CHANNELS.has(r.channel) ? r.contactMethodId : null;
    const alone = rows.filter((r) => limitedBy(r) === null);
    const limited = groupBy(rows.filter((r) => limitedBy(r) !== null), (r) => limitedBy(r) as string);
    const work = Promise.all([
      ...alone.map((r) => this.sendOne(r, byId.get(r.incidentId), claimedUntil)),
      ...[...limited].map(([cm, group]) => this.sendRateLimited(cm, group, byId, claimedUntil)),
    ]);
    const tracked = work.then(() => undefined);
    this.inFlight.add(tracked);
    try {
      await work;
    } finally {
      this.inFlight.delete(tracked);
    }
    // Every claimed row has its outcome (a pass that threw stays counted: it may have left rows `sending`).
    this.unsettledPasses--;
    return rows.length;
  }

  /** One contact method's due SMS/voice pages, oldest first, within its per-minute budget. */
  private async sendRateLimited(contactMethodId: string, group: ClaimedPage[], byId: Map<string, IncidentInfo>, claimedUntil: Date): Promise<void> {
    group.sort((a, b) => new Date(a.dueAt).getTime() - new Date(b.dueAt).getTime());
    const now = this.clock.now();
    const window = await this.rateLimiter.window(contactMethodId, now);
    const plan = planRateLimitedPages(group, window.sent, this.rateLimiter.limitPerMinute);
    if (plan.defer.length) await this.rateLimiter.defer(plan.defer.map((r) => r.id), window.freesAt, now);
    // The budget was taken for the whole group, so the pages within it can go out together.
    await Promise.all(plan.sendAlone.map((r) => this.sendOne(r, byId.get(r.incidentId), claimedUntil)));
    if (plan.bundle) {
      const rep = plan.bundle.representative;
      const absorbed = plan.bundle.absorbed.map((r) => r.id);
      rep.bundledCount = await this.rateLimiter.absorb(rep, contactMethodId, absorbed, now);
      await this.sendOne(rep, byId.get(rep.incidentId), claimedUntil);
    }
  }

  /** The earliest due page or Slack update, for the outbox loop's sleep. */
  async nextDueAt(): Promise<Date | null> {
    return this.notifications.nextDueAt();
  }

  /** Rows left `sending` by a worker that died (claim expired) go back to pending. */
  async recoverExpiredClaims(): Promise<number> {
    return this.notifications.releaseExpiredClaims(this.clock.now());
  }

  /** For graceful shutdown: wait for sends under way, then hand back anything still claimed by this process. */
  async drainAndRelease(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
    // Nothing claimed and unsettled: no query (the database may already be stopping, e.g. Ctrl-C in a terminal).
    if (this.unsettledPasses === 0) return;
    await this.notifications.releaseClaimsOf(this.workerId);
  }

  /**
   * Sends one claimed page and records its outcome. A page whose claim ran
   * out before its send began (this process stalled for longer than
   * KLAXON_CLAIM_TIMEOUT_MS) is not sent: another worker may already have
   * taken it over (releaseExpiredClaims), and sending too would page twice.
   * It stays `sending` until a worker hands it back and sends it.
   */
  private async sendOne(row: ClaimedPage, incident: IncidentInfo | undefined, claimedUntil: Date): Promise<void> {
    if (!incident) return this.finish(row, 'cancelled', { error: 'incident no longer exists' });
    if (incident.status !== 'triggered') {
      return this.finish(row, 'cancelled', { error: `incident ${incident.status} before the page was sent` });
    }
    const channel = this.channels.get(row.channel);
    if (!channel.isConfigured()) {
      return this.finish(row, 'skipped', { error: 'not configured', incident });
    }
    const links = await this.actionTokens.linksForPage({ notificationId: row.id, channel: row.channel, incidentId: incident.id, userId: row.userId });
    const incidentUrl = consoleIncidentUrl(this.config.PUBLIC_URL, incident.number);
    const content = toPageContent(incident, { moreIncidents: row.bundledCount || undefined, ...links, ...(incidentUrl ? { incidentUrl } : {}) });
    const outgoing: OutgoingNotification = { notificationId: row.id, address: row.address, userId: row.userId, content };
    if (this.clock.now() >= claimedUntil) {
      const late = { notificationId: row.id, incidentId: row.incidentId, channel: row.channel, claimedUntil };
      this.logger.warn(late, 'page not sent: its claim ran out before the send; another worker sends it');
      return;
    }
    try {
      const result = await channel.send(outgoing);
      await this.finish(row, 'sent', { provider: result.provider, providerMessageId: result.providerMessageId, incident });
    } catch (e) {
      const err = e instanceof ChannelError ? e : new ChannelError(String((e as Error)?.message ?? e), true);
      if (err.retryable && row.attempts < MAX_ATTEMPTS) {
        const retryAt = new Date(this.clock.now().getTime() + backoffMs(row.attempts));
        await this.finish(row, 'pending', { provider: channel.provider, error: err.message, retryAt, incident });
      } else {
        await this.finish(row, 'failed', { provider: channel.provider, error: err.message, incident });
      }
    }
  }

  private async finish(
    row: ClaimedPage,
    state: NotificationState,
    o: PageOutcome,
  ): Promise<void> {
    const at = this.clock.now();
    this.metrics.notifications.inc({ channel: row.channel, outcome: state === 'pending' ? 'retry' : state });
    // Queued with the outcomes of other sends, written in one transaction; resolves after its commit.
    const recorded = await this.outcomes.record({ row, state, outcome: o, at });
    if (recorded) this.logOutcome(row, state, o);
  }

  /** One line per page outcome; the address masked (contact-address.mask.ts). A failure is a warning: someone was not reached. */
  private logOutcome(row: ClaimedPage, state: NotificationState, o: PageOutcome): void {
    const fields = {
      incident: o.incident?.number,
      incidentId: row.incidentId,
      notificationId: row.id,
      userId: row.userId,
      channel: row.channel,
      to: maskAddress(row.channel, row.address),
      attempt: row.attempts,
      ...(row.bundledCount ? { bundled: row.bundledCount } : {}),
    };
    if (state === 'sent') this.logger.log({ ...fields, provider: o.provider, providerMessageId: o.providerMessageId ?? undefined }, 'page sent');
    else if (state === 'pending') this.logger.warn({ ...fields, provider: o.provider, reason: o.error, retryAt: o.retryAt }, 'page attempt failed; retrying');
    else if (state === 'failed') this.logger.warn({ ...fields, provider: o.provider, reason: o.error }, 'page failed');
    else this.logger.log({ ...fields, reason: o.error }, `page ${state}`);
  }
}

/** What a send attempt came to, besides the new state; the incident for the log line. */
interface PageOutcome extends SendOutcome {
  incident?: IncidentInfo;
}
