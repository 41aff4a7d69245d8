import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { RetainedTables } from '../common/retention';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AuditLogRepository } from './audit-log.repository';

/** Registers the audit log with the retention cleanup: `KLAXON_RETENTION_AUDIT_DAYS` after each entry. */
@Injectable()
export class AuditRetention implements OnModuleInit {
  constructor(
    private readonly retained: RetainedTables,
    private readonly auditLog: AuditLogRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.retained.table({
      table: 'audit_log',
      keepDays: this.config.KLAXON_RETENTION_AUDIT_DAYS,
      deleteBefore: (before, limit) => this.auditLog.deleteBefore(before, limit),
    });
  }
}
