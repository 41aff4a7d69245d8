import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import type { ChannelType } from '../channels/notification-channel';
import { IncidentsService } from '../../incidents/incidents.service';
import { NotificationsRateLimitRepository } from './notifications-rate-limit.repository';
import { RATE_WINDOW_MS } from './rate-limit.planner';

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

  /** Hands claimed rows back, due when the window frees; the claim's attempt is not counted. */
  async defer(ids: string[], until: Date): Promise<void> {
    await this.pages.defer(ids, until);
  }

  /**
   * Folds `absorbedIds` (claimed by this worker) and every other page of the contact
   * method that is due and whose incident is still triggered into the representative:
   * they are cancelled "bundled into <id>" (with a timeline entry each) and the
   * representative's bundled_count says how many it stands for. Committed before the
   * send, so a crash mid-send retries the same bundle.
   */
  async absorb(representativeId: string, contactMethodId: string, absorbedIds: string[], now: Date): Promise<number> {
    return this.dataSource.transaction(async (em) => {
      const rows = await this.pages.absorb(em, {
        representativeId,
        contactMethodId,
        absorbedIds,
        reason: `bundled into ${representativeId}`,
        now,
      });
      await this.pages.setBundledCount(em, representativeId, rows.length);
      await this.incidents.appendTimelineMany(
        em,
        rows.map((r) => ({
          incidentId: r.incidentId,
          type: 'notification',
          message: `${r.channel.toUpperCase()} to ${r.address}: bundled into one page with other incidents (rate limit)`,
          at: now,
          actor: { type: 'system', channel: 'system', name: 'dispatcher' },
          data: { notificationId: r.id, channel: r.channel, address: r.address, outcome: 'bundled', bundledInto: representativeId },
        })),
      );
      return rows.length;
    });
  }
}
