import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { RetainedTables } from '../common/retention';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { HandoffMessagesRepository } from './handoff-messages.repository';

/**
 * Registers `handoff_messages` with the retention cleanup: sent and failed
 * messages are kept as long as resolved incidents and their pages
 * (`KLAXON_RETENTION_INCIDENT_DAYS`, 0 keeps them forever).
 */
@Injectable()
export class HandoffRetention implements OnModuleInit {
  constructor(
    private readonly retained: RetainedTables,
    private readonly messages: HandoffMessagesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.retained.table({
      table: 'handoff_messages',
      keepDays: this.config.KLAXON_RETENTION_INCIDENT_DAYS,
      deleteBefore: (before, limit) => this.messages.deleteDoneBefore(before, limit),
    });
  }
}
