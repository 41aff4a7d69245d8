import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Alert } from './alert.entity';
import { Incident } from './incident.entity';
import { IncidentTimelineEntry } from './incident-timeline-entry.entity';
import { IncidentsController } from './incidents.controller';
import { IncidentNumbersController } from './incident-numbers.controller';
import { IncidentsQueryService } from './incidents-query.service';
import { IncidentsService } from './incidents.service';
import { IncidentsRepository } from './incidents.repository';
import { MaintenanceReleaseRepository } from './maintenance-release.repository';
import { IncidentOpeningsRepository } from './incident-openings.repository';
import { IncidentRetention } from './incident-retention';
import { IncidentRetentionRepository } from './incident-retention.repository';
import { IncidentTimelineRepository } from './incident-timeline.repository';
import { IncidentEscalationRepository } from './incident-escalation.repository';
import { IncidentExportService } from './incident-export.service';
import { IncidentReportsController } from './incident-reports.controller';
import { IncidentReportsRepository } from './incident-reports.repository';
import { IncidentReportsService } from './incident-reports.service';

/** Incidents, their alerts and timeline; the lifecycle every channel acts through. */
@Module({
  imports: [TypeOrmModule.forFeature([Incident, Alert, IncidentTimelineEntry])],
  controllers: [IncidentsController, IncidentNumbersController, IncidentReportsController],
  providers: [IncidentsService, IncidentsQueryService, IncidentsRepository, MaintenanceReleaseRepository, IncidentOpeningsRepository, IncidentRetentionRepository, IncidentRetention,
    IncidentTimelineRepository, IncidentEscalationRepository,
    IncidentReportsRepository, IncidentReportsService, IncidentExportService,
  ],
  exports: [IncidentsService, IncidentsRepository, IncidentTimelineRepository, IncidentEscalationRepository, MaintenanceReleaseRepository, IncidentOpeningsRepository, IncidentsQueryService],
})
export class IncidentsModule {}
