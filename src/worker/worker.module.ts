import { Module } from '@nestjs/common';
import { EscalationModule } from '../escalation/escalation.module';
import { HandoffModule } from '../handoff/handoff.module';
import { IncidentsModule } from '../incidents/incidents.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ServicesModule } from '../services/services.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { WorkerService } from './worker.service';

/**
 * The worker role's runtime: its loops, the LISTEN connection and graceful
 * shutdown. It composes the claim of new incidents (incidents), the timer
 * engine (escalation), the outbox dispatcher (notifications), outgoing
 * webhook deliveries (webhooks), the handoff timers and messages (handoff)
 * and the heartbeat check (services); none of them knows it.
 */
@Module({
  imports: [IncidentsModule, EscalationModule, NotificationsModule, WebhooksModule, HandoffModule, ServicesModule],
  providers: [WorkerService],
  exports: [WorkerService],
})
export class WorkerModule {}
