import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import type { IncidentChange, IncidentLifecycleEvent } from '../../incidents/incident-lifecycle';
import { IncidentsService } from '../../incidents/incidents.service';
import { OutboxService } from '../outbox.service';
import { SlackMessageUpdatesRepository } from './slack-message-updates.repository';

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
    private readonly slackUpdates: SlackMessageUpdatesRepository,
  ) {}

  onModuleInit(): void {
    this.incidents.registerListener({ onIncidentEvents: (em, changes) => this.onIncidentEvents(em, changes) });
  }

  /** One rewrite per changed incident of the batch that has Slack messages. */
  async onIncidentEvents(em: EntityManager, changes: readonly IncidentChange[]): Promise<void> {
    const changed = [...new Set(changes.filter((c) => STATE_CHANGES.has(c.event.type)).map((c) => c.incident.id))];
    const inserted = await this.slackUpdates.queueIfMessaged(em, changed, this.clock.now());
    if (inserted) await this.outbox.wakeWorkers(em);
  }
}
