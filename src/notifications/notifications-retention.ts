import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { RetainedTables } from '../common/retention';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { IncidentLinksRepository } from './action-tokens/incident-links.repository';
import { UsedActionTokensRepository } from './action-tokens/used-action-tokens.repository';
import { NotificationsRepository } from './notifications.repository';

/**
 * Registers the notifications module's tables with the retention cleanup:
 * pages (the delivery log) and SMS short links go with their incident;
 * redeemed email action tokens and short links
 * `KLAXON_RETENTION_ACTION_TOKEN_DAYS` after they expire (an expired token
 * or link is refused anyway).
 */
@Injectable()
export class NotificationsRetention implements OnModuleInit {
  constructor(
    private readonly retained: RetainedTables,
    private readonly notifications: NotificationsRepository,
    private readonly usedTokens: UsedActionTokensRepository,
    private readonly links: IncidentLinksRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.retained.incidentRows({ table: 'notifications', deleteOfIncidents: (ids, limit) => this.notifications.deleteOfIncidents(ids, limit) });
    this.retained.table({
      table: 'used_action_tokens',
      keepDays: this.config.KLAXON_RETENTION_ACTION_TOKEN_DAYS,
      deleteBefore: (before, limit) => this.usedTokens.deleteExpiredBefore(before, limit),
    });
    this.retained.incidentRows({ table: 'incident_links', deleteOfIncidents: (ids, limit) => this.links.deleteOfIncidents(ids, limit) });
    this.retained.table({
      table: 'incident_links',
      keepDays: this.config.KLAXON_RETENTION_ACTION_TOKEN_DAYS,
      deleteBefore: (before, limit) => this.links.deleteExpiredBefore(before, limit),
    });
  }
}
