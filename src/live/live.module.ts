import { Module } from '@nestjs/common';
import { IncidentsModule } from '../incidents/incidents.module';
import { IncidentChangesRepository } from './incident-changes.repository';
import { LiveEventsController } from './live-events.controller';
import { LiveEventsService } from './live-events.service';

/** The console's live incident events over Server-Sent Events (docs/console.md). */
@Module({
  imports: [IncidentsModule],
  controllers: [LiveEventsController],
  providers: [IncidentChangesRepository, LiveEventsService],
})
export class LiveModule {}
