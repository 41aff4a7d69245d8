import { Module } from '@nestjs/common';
import { IncidentsModule } from '../incidents/incidents.module';
import { ServicesModule } from '../services/services.module';
import { EventsV2Controller } from './events-v2.controller';
import { EventsV2Service } from './events-v2.service';
import { HeartbeatsController } from './heartbeats.controller';
import { IngestRateLimiter } from './ingest-rate-limiter';
import { IngestService } from './ingest.service';
import { OpsgenieController } from './opsgenie/opsgenie.controller';
import { OpsgenieRequestsRepository } from './opsgenie/opsgenie-requests.repository';
import { OpsgenieRetention } from './opsgenie/opsgenie-retention';
import { OpsgenieService } from './opsgenie/opsgenie.service';
import { WebhooksController } from './webhooks.controller';

/** Webhook endpoints: one pure adapter per format (sources/), one ingest path behind them. */
@Module({
  imports: [ServicesModule, IncidentsModule],
  controllers: [EventsV2Controller, WebhooksController, HeartbeatsController, OpsgenieController],
  providers: [IngestService, IngestRateLimiter, EventsV2Service, OpsgenieService, OpsgenieRequestsRepository, OpsgenieRetention],
  exports: [IngestService],
})
export class IngestModule {}
