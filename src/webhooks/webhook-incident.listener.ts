import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import type { IncidentChange, IncidentEventType } from '../incidents/incident-lifecycle';
import { IncidentOpeningListener, IncidentOpeningsRepository, OpenedIncident } from '../incidents/incident-openings.repository';
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
 * Outgoing webhooks' side of incident changes: a new incident's
 * `incident.triggered` (an opening listener: the incidents module's claim of
 * new incidents, which announces a held maintenance incident at once),
 * acknowledge, resolve and notes (a lifecycle listener), and the release of
 * held incidents at the end of maintenance (a release listener), each queued
 * in the transaction of the change or claim. Registered at start in every
 * role, like the engine's listeners.
 */
@Injectable()
export class WebhookIncidentListener implements OnModuleInit, MaintenanceReleaseListener, IncidentOpeningListener {
  constructor(
    private readonly incidents: IncidentsService,
    private readonly release: MaintenanceReleaseRepository,
    private readonly openings: IncidentOpeningsRepository,
    private readonly events: WebhookEvents,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.incidents.registerListener({ onIncidentEvents: (em, changes) => this.onIncidentEvents(em, changes) });
    this.release.registerListener(this);
    this.openings.registerListener(this);
  }

  /** `incident.triggered` of each incident whose opening this claim announces (sequence 1), as of its opening. */
  async onIncidentsOpened(em: EntityManager, opened: readonly OpenedIncident[]): Promise<void> {
    const events = opened
      .filter((o) => o.announces)
      .map((o) => ({
        type: 'incident.triggered' as const,
        incidentId: o.id,
        occurredAt: o.createdAt,
        opening: true,
        extra: o.held ? { heldByMaintenance: true } : undefined,
      }));
    await this.events.enqueueAll(em, events);
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
