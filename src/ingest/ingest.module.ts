import { Module } from '@nestjs/common';
import { IncidentsModule } from '../incidents/incidents.module';
import { RoutingModule } from '../routing/routing.module';
import { ServicesModule } from '../services/services.module';
import { EventsV2Controller } from './events-v2.controller';
import { EventsV2Service } from './events-v2.service';
import { HeartbeatsController } from './heartbeats.controller';
import { IngestRateLimiter } from './ingest-rate-limiter';
import { IngestService } from './ingest.service';
import { RouterIngest } from './router-ingest';
import { RouterTestController } from './router-test.controller';
import { OpsgenieController } from './opsgenie/opsgenie.controller';
import { OpsgenieRequestsRepository } from './opsgenie/opsgenie-requests.repository';
import { OpsgenieRetention } from './opsgenie/opsgenie-retention';
import { OpsgenieService } from './opsgenie/opsgenie.service';
import { WebhooksController } from './webhooks.controller';

/** Webhook endpoints: one pure adapter per format (sources/), one ingest path behind them. */
@Module({
  imports: [ServicesModule, RoutingModule, IncidentsModule],
  controllers: [EventsV2Controller, WebhooksController, HeartbeatsController, RouterTestController, OpsgenieController],
  providers: [IngestService, IngestRateLimiter, EventsV2Service, RouterIngest, OpsgenieService, OpsgenieRequestsRepository, OpsgenieRetention],
  exports: [IngestService, RouterIngest],
})
export class IngestModule {}
