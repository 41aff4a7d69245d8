import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Alert } from './alert.entity';
import { Incident } from './incident.entity';
import { IncidentTimelineEntry } from './incident-timeline-entry.entity';
import { IncidentsController } from './incidents.controller';
import { IncidentsQueryService } from './incidents-query.service';
import { IncidentsService } from './incidents.service';
import { IncidentsRepository } from './incidents.repository';
import { IncidentRetention } from './incident-retention';
import { IncidentRetentionRepository } from './incident-retention.repository';

/** Incidents, their alerts and timeline; the lifecycle every channel acts through. */
@Module({
  imports: [TypeOrmModule.forFeature([Incident, Alert, IncidentTimelineEntry])],
  controllers: [IncidentsController],
  providers: [IncidentsService, IncidentsQueryService, IncidentsRepository, IncidentRetentionRepository, IncidentRetention],
  exports: [IncidentsService, IncidentsRepository],
})
export class IncidentsModule {}
