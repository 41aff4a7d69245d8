import { Module } from '@nestjs/common';
import { IncidentsModule } from '../incidents/incidents.module';
import { ServicesModule } from '../services/services.module';
import { EventsV2Handler } from './events-v2.handler';
import { HeartbeatsController } from './heartbeats.controller';
import { IngestRateLimiter } from './ingest-rate-limiter';
import { IngestService } from './ingest.service';
import { WebhooksController } from './webhooks.controller';

/** Webhook endpoints: one pure adapter per format (sources/), one ingest path behind them. */
@Module({
  imports: [ServicesModule, IncidentsModule],
  controllers: [WebhooksController, HeartbeatsController],
  providers: [IngestService, IngestRateLimiter, EventsV2Handler],
  exports: [IngestService, EventsV2Handler],
})
export class IngestModule {}
