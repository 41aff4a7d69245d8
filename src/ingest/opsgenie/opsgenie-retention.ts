import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { RetainedTables } from '../../common/retention';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { OpsgenieRequestsRepository } from './opsgenie-requests.repository';

/** Registers the Opsgenie request outcomes with the retention cleanup: `KLAXON_RETENTION_OPSGENIE_REQUEST_DAYS` after each request. */
@Injectable()
export class OpsgenieRetention implements OnModuleInit {
  constructor(
    private readonly retained: RetainedTables,
    private readonly requests: OpsgenieRequestsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.retained.table({
      table: 'opsgenie_requests',
      keepDays: this.config.KLAXON_RETENTION_OPSGENIE_REQUEST_DAYS,
      deleteBefore: (before, limit) => this.requests.deleteBefore(before, limit),
    });
  }
}
