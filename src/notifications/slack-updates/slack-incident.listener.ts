import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import type { Incident } from '../../incidents/incident.entity';
import type { IncidentLifecycleEvent } from '../../incidents/incident-lifecycle';
import { IncidentsService } from '../../incidents/incidents.service';
import { NotificationsRepository } from '../notifications.repository';
import { OutboxService } from '../outbox.service';
import { SlackMessageUpdatesRepository } from './slack-message-updates.repository';

const STATE_CHANGES = new Set<IncidentLifecycleEvent['type']>(['acknowledged', 'resolved', 'unacknowledged']);

/**
 * Slack's share of the incident lifecycle, inside the transaction that changed the
 * incident (so it commits with the change or not at all):
 * - a new incident on a service with a Slack channel gets an outbox row for that
 *   channel (user_id null), sent by the dispatcher like any page;
 * - a state change, from any channel, queues a slack_message_updates row if the
 *   incident has Slack messages, and the dispatcher rewrites them with chat.update.
 */
@Injectable()
export class SlackIncidentListener implements OnModuleInit {
  constructor(
    private readonly incidents: IncidentsService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly notifications: NotificationsRepository,
    private readonly slackUpdates: SlackMessageUpdatesRepository,
  ) {}

  onModuleInit(): void {
    this.incidents.registerListener({
      onIncidentEvent: (em, incident, event) => this.onIncidentEvent(em, incident, event),
      // 'triggered' for incidents opened in a batch: postToServiceChannel for each of them.
      openedSql: `
        INSERT INTO notifications (incident_id, idempotency_key, user_id, contact_method_id, rule_id, level, loop, epoch, channel, address, due_at)
        SELECT o.id, 'slack-channel:' || o.id, NULL, NULL, NULL, 0, 0, o.escalation_epoch, 'slack', s.slack_channel_id, $2::timestamptz
          FROM opened o JOIN services s ON s.id = o.service_id
         WHERE s.slack_channel_id IS NOT NULL
        ON CONFLICT (idempotency_key) DO NOTHING`,
    });
  }

  async onIncidentEvent(em: EntityManager, incident: Incident, event: IncidentLifecycleEvent): Promise<void> {
    if (event.type === 'triggered') return this.postToServiceChannel(em, incident);
    if (STATE_CHANGES.has(event.type)) return this.queueMessageUpdate(em, incident.id);
  }

  /** One statement on the ingest path: nothing is written when the service has no Slack channel. */
  private async postToServiceChannel(em: EntityManager, incident: Incident): Promise<void> {
    const inserted = await this.notifications.insertServiceChannelPost(em, {
      incidentId: incident.id,
      idempotencyKey: `slack-channel:${incident.id}`,
      epoch: incident.escalationEpoch ?? 0,
      dueAt: this.clock.now(),
      serviceId: incident.serviceId,
    });
    if (inserted) await this.outbox.wakeWorkers(em);
  }

  private async queueMessageUpdate(em: EntityManager, incidentId: string): Promise<void> {
    const inserted = await this.slackUpdates.queueIfMessaged(em, incidentId, this.clock.now());
    if (inserted) await this.outbox.wakeWorkers(em);
  }
}
