import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { RetainedTables } from '../common/retention';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { IncidentRetentionRepository } from './incident-retention.repository';

/**
 * Registers the incidents module's tables with the retention cleanup:
 * resolved incidents `KLAXON_RETENTION_INCIDENT_DAYS` after their resolution,
 * and with them their alerts and timeline (deleted first, in batches).
 */
@Injectable()
export class IncidentRetention implements OnModuleInit {
  constructor(
    private readonly retained: RetainedTables,
    private readonly repository: IncidentRetentionRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const r = this.repository;
    this.retained.incidents({
      table: 'incidents',
      keepDays: this.config.KLAXON_RETENTION_INCIDENT_DAYS,
      resolvedBefore: (before, limit) => r.resolvedBefore(before, limit),
      delete: (ids) => r.deleteIncidents(ids),
    });
    this.retained.incidentRows({ table: 'alerts', deleteOfIncidents: (ids, limit) => r.deleteAlerts(ids, limit) });
    this.retained.incidentRows({ table: 'incident_timeline', deleteOfIncidents: (ids, limit) => r.deleteTimeline(ids, limit) });
  }
}
