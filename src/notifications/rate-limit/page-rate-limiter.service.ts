import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import type { ChannelType } from '../channels/notification-channel';
import { IncidentsService, type TimelineInput } from '../../incidents/incidents.service';
import type { ClaimedPage } from '../notifications.repository';
import { NotificationsRateLimitRepository } from './notifications-rate-limit.repository';
import { RATE_WINDOW_MS } from './rate-limit.planner';
import { pageTarget } from '../channel-labels';
import { maskAddress } from '../contact-address.mask';

/** The page that carries a bundle. */
export type RepresentativePage = Pick<ClaimedPage, 'id' | 'incidentId' | 'channel' | 'address'>;

const DISPATCHER = { type: 'system', channel: 'system', name: 'dispatcher' } as const;

/** Channels whose pages count against KLAXON_SMS_RATE_LIMIT_PER_MINUTE (a phone rings for both). */
export const RATE_LIMITED_CHANNELS: ReadonlySet<ChannelType> = new Set<ChannelType>(['sms', 'voice']);

/** The database side of rate limiting: the window count, deferring and absorbing rows into a bundle. */
@Injectable()
export class PageRateLimiterService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly incidents: IncidentsService,
    private readonly pages: NotificationsRateLimitRepository,
  ) {}

  get limitPerMinute(): number {
    return this.config.KLAXON_SMS_RATE_LIMIT_PER_MINUTE;
  }

  /** Pages sent to this contact method in the minute before `now`, and when the oldest of them leaves the window. */
  async window(contactMethodId: string, now: Date): Promise<{ sent: number; freesAt: Date }> {
    const { sent, oldestSentAt } = await this.pages.sentSince(contactMethodId, new Date(now.getTime() - RATE_WINDOW_MS));
    const oldest = oldestSentAt ?? now;
    return { sent, freesAt: new Date(oldest.getTime() + RATE_WINDOW_MS) };
  }

  /**
   * Hands claimed rows back, due when the window frees (the claim's attempt is not
   * counted), with a timeline entry each saying until when.
   */
  async defer(ids: string[], until: Date, now: Date): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const rows = await this.pages.defer(em, ids, until);
      await this.incidents.appendTimelineMany(
        em,
        rows.map((r) => ({
          incidentId: r.incidentId,
          type: 'notification',
          message: `${pageTarget(r.channel, r.address)}: deferred until ${until.toISOString()} (rate limit: ${this.limitPerMinute} pages a minute)`,
          at: now,
          actor: DISPATCHER,
          data: {
            notificationId: r.id,
            userId: r.userId,
            contactMethodId: r.contactMethodId,
            channel: r.channel,
            address: maskAddress(r.channel, r.address),
            outcome: 'deferred',
            deferredUntil: until.toISOString(),
          },
        })),
      );
    });
  }

  /**
   * Folds `absorbedIds` (claimed by this worker) and every other page of the contact
   * method that is due and whose incident is still triggered into the representative:
   * they are cancelled "bundled into <id>" (with a timeline entry each), the
   * representative's bundled_count says how many it stands for, and its incident's
   * timeline says so. Committed before the send, so a crash mid-send retries the same bundle.
   */
  async absorb(representative: RepresentativePage, contactMethodId: string, absorbedIds: string[], now: Date): Promise<number> {
    return this.dataSource.transaction(async (em) => {
      const rows = await this.pages.absorb(em, {
        representativeId: representative.id,
        contactMethodId,
        absorbedIds,
        reason: `bundled into ${representative.id}`,
        now,
      });
      await this.pages.setBundledCount(em, representative.id, rows.length);
      const bundled: (TimelineInput & { incidentId: string })[] = rows.map((r) => ({
        incidentId: r.incidentId,
        type: 'notification',
        message: `${pageTarget(r.channel, r.address)}: bundled into one page with other incidents (rate limit)`,
        at: now,
        actor: DISPATCHER,
        data: { notificationId: r.id, channel: r.channel, address: maskAddress(r.channel, r.address), outcome: 'bundled', bundledInto: representative.id },
      }));
      if (rows.length) {
        bundled.push({
          incidentId: representative.incidentId,
          type: 'notification',
          message: `${pageTarget(representative.channel, representative.address)}: carries ${rows.length} more ${rows.length === 1 ? 'incident' : 'incidents'} in one page (rate limit)`,
          at: now,
          actor: DISPATCHER,
          data: {
            notificationId: representative.id,
            channel: representative.channel,
            address: maskAddress(representative.channel, representative.address),
            outcome: 'bundle',
            bundled: rows.map((r) => ({ notificationId: r.id, incidentId: r.incidentId })),
          },
        });
      }
      await this.incidents.appendTimelineMany(em, bundled);
      return rows.length;
    });
  }
}
