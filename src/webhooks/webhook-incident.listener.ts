import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import type { IncidentChange, IncidentEventType } from '../incidents/incident-lifecycle';
import { IncidentsService } from '../incidents/incidents.service';
import { MaintenanceReleaseListener, MaintenanceReleaseRepository } from '../incidents/maintenance-release.repository';
import type { IncidentEventType as WebhookIncidentEventType } from './webhook-event-types';
import { IncidentWebhookEvent, WebhookEvents } from './webhook-events';

/** Lifecycle events that are webhook events; the others (unacknowledged, escalate-requested) show through the engine's escalation. */
const EVENT_TYPES: Partial<Record<IncidentEventType, WebhookIncidentEventType>> = {
  acknowledged: 'incident.acknowledged',
  resolved: 'incident.resolved',
  'note-added': 'incident.note_added',
};

/**
 * Outgoing webhooks' side of incident changes: acknowledge, resolve and notes
 * (a lifecycle listener), and the release of held incidents at the end of
 * maintenance (a release listener), each queued in the transaction of the
 * change. Registered at start in every role, like the engine's listener.
 */
@Injectable()
export class WebhookIncidentListener implements OnModuleInit, MaintenanceReleaseListener {
  constructor(
    private readonly incidents: IncidentsService,
    private readonly release: MaintenanceReleaseRepository,
    private readonly events: WebhookEvents,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.incidents.registerListener({ onIncidentEvents: (em, changes) => this.onIncidentEvents(em, changes) });
    this.release.registerListener(this);
  }

  async onIncidentEvents(em: EntityManager, changes: readonly IncidentChange[]): Promise<void> {
    const events: IncidentWebhookEvent[] = [];
    const now = this.clock.now();
    for (const { incident, event } of changes) {
      const type = EVENT_TYPES[event.type];
      if (!type) continue;
      const occurredAt = (type === 'incident.acknowledged' ? incident.acknowledgedAt : type === 'incident.resolved' ? incident.resolvedAt : null) ?? now;
      const { type: actorType, id = null, name = null, channel } = event.actor;
      events.push({ type, incidentId: incident.id, occurredAt, extra: { actor: { type: actorType, id, name, channel }, note: event.note } });
    }
    await this.events.enqueueAll(em, events);
  }

  async onReleased(em: EntityManager, incidentIds: readonly string[], now: Date): Promise<void> {
    await this.events.enqueueAll(em, incidentIds.map((incidentId) => ({ type: 'incident.maintenance_ended' as const, incidentId, occurredAt: now })));
  }
}
