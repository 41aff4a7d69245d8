import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hostname } from 'node:os';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { MetricsService } from '../health/metrics.service';
import { IncidentsService } from '../incidents/incidents.service';
import { ActionTokenService } from './action-tokens/action-token.service';
import { ChannelError, ChannelType, OutgoingNotification } from './channels/notification-channel';
import { ChannelRegistry } from './channel-registry';
import { IncidentInfo, loadIncidentInfos, toPageContent } from './incident-page.content';
import type { NotificationState } from './notification.entity';
import { PageRateLimiterService, RATE_LIMITED_CHANNELS } from './rate-limit/page-rate-limiter.service';
import { planRateLimitedPages } from './rate-limit/rate-limit.planner';
import { SlackChannelAnnouncerRepository } from './slack-updates/slack-channel-announcer.repository';
import { SlackMessageUpdaterService } from './slack-updates/slack-message-updater.service';

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

interface ClaimedRow {
  id: string;
  incident_id: string;
  user_id: string | null;
  contact_method_id: string | null;
  level: number;
  loop: number;
  channel: ChannelType;
  address: string;
  attempts: number;
  bundled_count: number;
  due_at: Date;
}

const LABEL: Record<ChannelType, string> = { sms: 'SMS', voice: 'Voice call', email: 'Email', slack: 'Slack message' };

/**
 * Drains the outbox: claims due pending rows (SKIP LOCKED, so any number of
 * workers share the work), hands each to its channel outside any transaction,
 * then records the outcome and a timeline entry. A crash between the provider
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

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly channels: ChannelRegistry,
    private readonly incidents: IncidentsService,
    private readonly clock: Clock,
    private readonly metrics: MetricsService,
    private readonly actionTokens: ActionTokenService,
    private readonly rateLimiter: PageRateLimiterService,
    private readonly slackUpdates: SlackMessageUpdaterService,
    private readonly slackAnnouncer: SlackChannelAnnouncerRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Queues the Slack channel posts of new incidents, claims and sends up to
   * `limit` due pages, then drains due Slack updates; returns how many rows
   * were claimed.
   */
  async dispatchDue(limit = 50): Promise<number> {
    const announced = await this.slackAnnouncer.announceNew(this.clock.now());
    const pages = await this.dispatchPages(limit);
    const updates = await this.slackUpdates.drainDue();
    return announced + pages + updates;
  }

  private async dispatchPages(limit: number): Promise<number> {
    const now = this.clock.now();
    // UPDATE ... RETURNING answers [rows, affected] through TypeORM.
    const [rows]: [ClaimedRow[], number] = await this.dataSource.query(
      `UPDATE notifications n
          SET state = 'sending', attempts = n.attempts + 1, claimed_until = $2, claimed_by = $3, updated_at = now()
        WHERE n.id IN (SELECT id FROM notifications
                        WHERE state = 'pending' AND due_at <= $1
                        ORDER BY due_at LIMIT $4 FOR UPDATE SKIP LOCKED)
        RETURNING n.id, n.incident_id, n.user_id, n.contact_method_id, n.level, n.loop, n.channel, n.address,
                  n.attempts, n.bundled_count, n.due_at`,
      [now, new Date(now.getTime() + (this.config.KLAXON_CLAIM_TIMEOUT_MS ?? CLAIM_MS)), this.workerId, limit],
    );
    if (!rows.length) return 0;
    const byId = await loadIncidentInfos(this.dataSource, rows.map((r) => r.incident_id));
    // Live SMS/voice pages are grouped per contact method and rate limited; everything else goes out at once.
    const alone: ClaimedRow[] = [];
    const limited = new Map<string, ClaimedRow[]>();
    for (const r of rows) {
      const live = byId.get(r.incident_id)?.status === 'triggered';
      if (live && r.contact_method_id && RATE_LIMITED_CHANNELS.has(r.channel)) {
        limited.set(r.contact_method_id, [...(limited.get(r.contact_method_id) ?? []), r]);
      } else {
        alone.push(r);
      }
    }
    const work = Promise.all([
      ...alone.map((r) => this.sendOne(r, byId.get(r.incident_id))),
      ...[...limited].map(([cm, group]) => this.sendRateLimited(cm, group, byId)),
    ]);
    const tracked = work.then(() => undefined);
    this.inFlight.add(tracked);
    try {
      await work;
    } finally {
      this.inFlight.delete(tracked);
    }
    return rows.length;
  }

  /** One contact method's due SMS/voice pages, oldest first, within its per-minute budget. */
  private async sendRateLimited(contactMethodId: string, group: ClaimedRow[], byId: Map<string, IncidentInfo>): Promise<void> {
    group.sort((a, b) => new Date(a.due_at).getTime() - new Date(b.due_at).getTime());
    const now = this.clock.now();
    const window = await this.rateLimiter.window(contactMethodId, now);
    const plan = planRateLimitedPages(group, window.sent, this.rateLimiter.limitPerMinute);
    if (plan.defer.length) await this.rateLimiter.defer(plan.defer.map((r) => r.id), window.freesAt);
    // The budget was taken for the whole group, so the pages within it can go out together.
    await Promise.all(plan.sendAlone.map((r) => this.sendOne(r, byId.get(r.incident_id))));
    if (plan.bundle) {
      const rep = plan.bundle.representative;
      const absorbed = plan.bundle.absorbed.map((r) => r.id);
      rep.bundled_count = await this.rateLimiter.absorb(rep.id, contactMethodId, absorbed, now);
      await this.sendOne(rep, byId.get(rep.incident_id));
    }
  }

  /** The earliest due page or Slack update, for the outbox loop's sleep. */
  async nextDueAt(): Promise<Date | null> {
    const [row]: { next: Date | null }[] = await this.dataSource.query(
      `SELECT LEAST((SELECT min(due_at) FROM notifications WHERE state = 'pending'),
                    (SELECT min(due_at) FROM slack_message_updates)) AS next`,
    );
    return row?.next ?? null;
  }

  /** Rows left `sending` by a worker that died (claim expired) go back to pending. */
  async recoverExpiredClaims(): Promise<number> {
    const res: [unknown[], number] = await this.dataSource.query(
      `UPDATE notifications SET state = 'pending', claimed_until = NULL, claimed_by = NULL, updated_at = now()
        WHERE state = 'sending' AND claimed_until < $1`,
      [this.clock.now()],
    );
    return res[1];
  }

  /** For graceful shutdown: wait for sends under way, then hand back anything still claimed by this process. */
  async drainAndRelease(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
    await this.dataSource.query(
      `UPDATE notifications SET state = 'pending', claimed_until = NULL, claimed_by = NULL, updated_at = now()
        WHERE state = 'sending' AND claimed_by = $1`,
      [this.workerId],
    );
  }

  private async sendOne(row: ClaimedRow, incident: IncidentInfo | undefined): Promise<void> {
    if (!incident) return this.finish(row, 'cancelled', { error: 'incident no longer exists' });
    if (incident.status !== 'triggered') {
      return this.finish(row, 'cancelled', { error: `incident ${incident.status} before the page was sent` });
    }
    const channel = this.channels.get(row.channel);
    if (!channel.isConfigured()) {
      return this.finish(row, 'skipped', { error: 'not configured', incident });
    }
    const actionLinks = row.channel === 'email' ? await this.actionTokens.linksFor(incident.id, row.user_id) : undefined;
    const content = toPageContent(incident, {
      moreIncidents: row.bundled_count || undefined,
      ...(actionLinks ? { actionLinks } : {}),
    });
    const outgoing: OutgoingNotification = { notificationId: row.id, address: row.address, userId: row.user_id, content };
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
    row: ClaimedRow,
    state: NotificationState,
    o: { provider?: string; providerMessageId?: string | null; error?: string; retryAt?: Date; incident?: IncidentInfo },
  ): Promise<void> {
    const now = this.clock.now();
    this.metrics.notifications.inc({ channel: row.channel, outcome: state === 'pending' ? 'retry' : state });
    await this.dataSource.transaction(async (em) => {
      const updated: [unknown[], number] = await em.query(
        `UPDATE notifications
            SET state = $2, provider = COALESCE($3, provider), provider_message_id = COALESCE($4, provider_message_id),
                error = $5, sent_at = CASE WHEN $2 = 'sent' THEN $6::timestamptz ELSE sent_at END,
                due_at = COALESCE($7, due_at), claimed_until = NULL, claimed_by = NULL, updated_at = now()
          WHERE id = $1 AND state = 'sending'`,
        [row.id, state, o.provider ?? null, o.providerMessageId ?? null, o.error ?? null, now, o.retryAt ?? null],
      );
      // Another worker took the row over after our claim expired: its outcome wins.
      if (updated[1] === 0) return;
      const outcome = state === 'pending' ? 'retrying' : state;
      const what = `${LABEL[row.channel]} to ${row.address}`;
      const message =
        state === 'sent'
          ? `${what}: sent${o.providerMessageId ? ` (${o.provider} ${o.providerMessageId})` : ''}`
          : state === 'pending'
            ? `${what}: attempt ${row.attempts} failed (${o.error}); retrying at ${o.retryAt!.toISOString()}`
            : `${what}: ${state}${o.error ? ` (${o.error})` : ''}`;
      await this.incidents.appendTimeline(em, row.incident_id, {
        type: 'notification',
        message,
        at: now,
        actor: { type: 'system', channel: 'system', name: 'dispatcher' },
        data: {
          notificationId: row.id,
          userId: row.user_id,
          level: row.level,
          loop: row.loop,
          contactMethodId: row.contact_method_id,
          channel: row.channel,
          provider: o.provider ?? null,
          address: row.address,
          outcome,
          attempt: row.attempts,
          providerMessageId: o.providerMessageId ?? null,
          error: o.error ?? null,
        },
      });
    });
    if (state === 'failed') this.logger.warn({ notificationId: row.id, channel: row.channel, error: o.error }, 'page failed');
  }
}
