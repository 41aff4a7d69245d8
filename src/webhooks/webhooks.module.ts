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
import { WebhooksController } from './webhooks.controller';
import { WebhooksRepository } from './webhooks.repository';
import { WebhooksRetention } from './webhooks-retention';
import { WebhooksService } from './webhooks.service';

/**
 * Outgoing webhooks (docs/webhooks.md): the resource, the event outbox that
 * other modules write through `WebhookEvents.enqueue` in their own
 * transactions, and the deliveries the worker sends (WebhookDeliveryService).
 * Every send and save check goes through CoreModule's `OutboundSender`.
 */
@Module({
  imports: [IncidentsModule, ServicesModule],
  controllers: [WebhooksController],
  providers: [
    WebhooksRepository,
    WebhookEventsRepository,
    WebhookDeliveriesRepository,
    WebhookEvents,
    WebhooksService,
    WebhookDeliveryService,
    WebhookIncidentListener,
    WebhookReferences,
    WebhookAudit,
    WebhooksRetention,
  ],
  exports: [WebhookEvents, WebhooksService, WebhookDeliveryService, WebhookReferences],
})
export class WebhooksModule {}
