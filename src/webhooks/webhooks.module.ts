import { Module } from '@nestjs/common';
import { IncidentsModule } from '../incidents/incidents.module';
import { ServicesModule } from '../services/services.module';
import { WebhookAudit } from './webhook-audit';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhookDeliveryService } from './webhook-delivery.service';
import { WebhookEvents } from './webhook-events';
import { WebhookEventsRepository } from './webhook-events.repository';
import { WebhookIncidentListener } from './webhook-incident.listener';
import { WebhookReferences } from './webhook-references';
import { systemResolverProvider, WebhookSender } from './webhook-sender';
import { WebhooksController } from './webhooks.controller';
import { WebhooksRepository } from './webhooks.repository';
import { WebhooksRetention } from './webhooks-retention';
import { WebhooksService } from './webhooks.service';

/**
 * Outgoing webhooks (docs/webhooks.md): the resource, the event outbox that
 * other modules write through `WebhookEvents.enqueue` in their own
 * transactions, and the deliveries the worker sends (WebhookDeliveryService).
 * `WebhookSender` is the one HTTP client for URLs users give Klaxon.
 */
@Module({
  imports: [IncidentsModule, ServicesModule],
  controllers: [WebhooksController],
  providers: [
    WebhooksRepository,
    WebhookEventsRepository,
    WebhookDeliveriesRepository,
    WebhookEvents,
    WebhookSender,
    systemResolverProvider,
    WebhooksService,
    WebhookDeliveryService,
    WebhookIncidentListener,
    WebhookReferences,
    WebhookAudit,
    WebhooksRetention,
  ],
  exports: [WebhookEvents, WebhookSender, WebhooksService, WebhookDeliveryService, WebhookReferences],
})
export class WebhooksModule {}
