import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import type { Incident } from '../../incidents/incident.entity';
import type { IncidentLifecycleEvent } from '../../incidents/incident-lifecycle';
import { IncidentsService } from '../../incidents/incidents.service';
import { OutboxService } from '../outbox.service';

const STATE_CHANGES = new Set<IncidentLifecycleEvent['type']>(['acknowledged', 'resolved', 'unacknowledged']);

/**
 * Slack's share of incident state changes, inside the transaction that changed
 * the incident (so it commits with the change or not at all): a change, from
 * any channel, queues a slack_message_updates row if the incident has Slack
 * messages, and the dispatcher rewrites them with chat.update. (A new
 * incident's post to its service's channel is queued by
 * SlackChannelAnnouncerRepository, which finds new incidents itself.)
 */
@Injectable()
export class SlackIncidentListener implements OnModuleInit {
  constructor(
    private readonly incidents: IncidentsService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.incidents.registerListener({ onIncidentEvent: (em, incident, event) => this.onIncidentEvent(em, incident, event) });
  }

  async onIncidentEvent(em: EntityManager, incident: Incident, event: IncidentLifecycleEvent): Promise<void> {
    if (STATE_CHANGES.has(event.type)) return this.queueMessageUpdate(em, incident.id);
  }

  private async queueMessageUpdate(em: EntityManager, incidentId: string): Promise<void> {
    const inserted: unknown[] = await em.query(
      `INSERT INTO slack_message_updates (incident_id, due_at)
       SELECT $1, $2 WHERE EXISTS (SELECT 1 FROM notifications
                                    WHERE incident_id = $1 AND channel = 'slack' AND state IN ('sent', 'sending'))
       RETURNING id`,
      [incidentId, this.clock.now()],
    );
    if (inserted.length) await this.outbox.wakeWorkers(em);
  }
}
