import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import type { IncidentChange } from '../../incidents/incident-lifecycle';
import type { Incident } from '../../incidents/incident.entity';
import { IncidentEventType, IncidentLifecycleListener, IncidentsService } from '../../incidents/incidents.service';
import { MaintenanceReleaseRepository } from '../../incidents/maintenance-release.repository';
import { OutboxService } from '../../notifications/outbox.service';
import { TimersRepository } from './timers.repository';

/**
 * The engine's side of an incident change, inside the transaction that made
 * it: arm the timers that change calls for and wake the workers for them; on
 * acknowledge and resolve, cancel the pages not yet sent. (A new incident is
 * not announced here: the worker claims incidents whose escalation has not
 * started, incident-openings.repository.ts, and escalation-starter.ts fires
 * its first step.) Timers are never
 * edited here: one that no longer matches the incident fires as a no-op.
 *
 * A held maintenance incident (docs/maintenance.md) arms nothing: an
 * acknowledgement of it has no timeout; triggered again (a retrigger), it is
 * released only if no window covers its service any more (otherwise the
 * window's end releases it); "escalate now" releases it at once, window or not, and its
 * escalation then starts at the first level.
 */
@Injectable()
export class EscalationLifecycleListener implements OnModuleInit, IncidentLifecycleListener {
  constructor(
    private readonly incidents: IncidentsService,
    private readonly outbox: OutboxService,
    private readonly timers: TimersRepository,
    private readonly clock: Clock,
    private readonly maintenanceRelease: MaintenanceReleaseRepository,
  ) {}

  onModuleInit(): void {
    this.incidents.registerListener(this);
  }

  async onIncidentEvents(em: EntityManager, changes: readonly IncidentChange[]): Promise<void> {
    const now = this.clock.now();
    const of = (type: IncidentEventType) => changes.filter((c) => c.event.type === type).map((c) => c.incident);
    const live = (type: IncidentEventType) => of(type).filter((i) => !isHeld(i));
    const held = (type: IncidentEventType) => of(type).filter(isHeld).map((i) => i.id);
    const acknowledged = of('acknowledged');
    await this.outbox.cancelPending(em, acknowledged.map((i) => i.id), 'cancelled: incident acknowledged');
    await this.timers.insertAckTimeouts(
      em,
      live('acknowledged').flatMap((i) => (i.acknowledgedAt ? [{ incidentId: i.id, serviceId: i.serviceId, acknowledgedAt: i.acknowledgedAt }] : [])),
      now,
    );
    await this.timers.insert(em, [
      ...live('unacknowledged').map((i) => ({ kind: 'escalation' as const, incidentId: i.id, dueAt: now, data: { input: 'ack-timeout' as const } })),
      ...live('escalate-requested').map((i) => ({ kind: 'escalation' as const, incidentId: i.id, dueAt: now, data: { input: 'manual-escalate' as const } })),
    ]);
    await this.maintenanceRelease.releaseHeld(em, { incidentIds: held('unacknowledged') }, now, {
      message: 'Triggered again after its maintenance window ended: escalation starts now',
      data: { reason: 'unacknowledged' },
    });
    await this.maintenanceRelease.releaseHeld(em, { incidentIds: held('escalate-requested') }, now, {
      message: 'Escalated by hand during maintenance: escalation starts now, at the first level',
      data: { reason: 'escalate-requested' },
      force: true,
    });
    await this.outbox.cancelPending(em, of('resolved').map((i) => i.id), 'cancelled: incident resolved');
    // New timers to fire (a resolve only cancels, a note arms nothing): each NOTIFY takes a lock at commit, so none without work.
    if (changes.some((c) => c.event.type !== 'resolved' && c.event.type !== 'note-added')) await this.outbox.wakeWorkers(em, 'timers');
  }
}

/** Opened during a maintenance window and not released yet: the engine leaves it alone. */
function isHeld(incident: Incident): boolean {
  return incident.maintenance && !incident.maintenanceReleasedAt;
}
