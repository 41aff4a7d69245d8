import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { IncidentOpeningListener, IncidentOpeningsRepository, OpenedIncident } from '../../incidents/incident-openings.repository';
import { SlackChannelAnnouncerRepository } from './slack-channel-announcer.repository';

/**
 * A new incident on a service with a Slack channel is posted to that
 * channel. The incidents module claims new incidents once and hands each
 * batch, in the claiming transaction, to this listener, which queues the
 * posts as outbox rows that the dispatcher sends like any page. A suppressed
 * incident (an event router's `suppress`) is listed, never posted; a held
 * maintenance incident (docs/maintenance.md) is posted once released, as of
 * its release. Registered at start in every role.
 */
@Injectable()
export class SlackChannelAnnouncer implements OnModuleInit, IncidentOpeningListener {
  constructor(
    private readonly openings: IncidentOpeningsRepository,
    private readonly posts: SlackChannelAnnouncerRepository,
  ) {}

  onModuleInit(): void {
    this.openings.registerListener(this);
  }

  async onIncidentsOpened(em: EntityManager, opened: readonly OpenedIncident[]): Promise<void> {
    const posted = opened.filter((o) => o.starts && !o.suppressed);
    await this.posts.queueChannelPosts(em, posted.map((o) => ({ incidentId: o.id, serviceId: o.serviceId, dueAt: o.startsFrom })));
  }
}
