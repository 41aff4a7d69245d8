import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { RetainedTables } from '../common/retention';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { WebhookEventsRepository } from './webhook-events.repository';

/** Webhook events, with their deliveries and attempts, are kept KLAXON_RETENTION_WEBHOOK_EVENT_DAYS after they were queued. */
@Injectable()
export class WebhooksRetention implements OnModuleInit {
  constructor(
    private readonly retained: RetainedTables,
    private readonly events: WebhookEventsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.retained.table({
      table: 'webhook_events',
      keepDays: this.config.KLAXON_RETENTION_WEBHOOK_EVENT_DAYS,
      deleteBefore: (before, limit) => this.events.deleteBefore(before, limit),
    });
  }
}
