import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import type { Incident } from '../../incidents/incident.entity';
import {
  Actor,
  IncidentEventType,
  IncidentLifecycleListener,
  IncidentsService,
} from '../../incidents/incidents.service';
import { OutboxService } from '../../notifications/outbox.service';
import { TimersRepository } from './timers.repository';

/**
 * The engine's side of an incident change, inside the transaction that made
 * it: arm the timers that change calls for and wake the workers; on
 * acknowledge and resolve, cancel the pages not yet sent. (A new incident is
 * not announced here: the worker claims incidents whose escalation has not
 * started, escalation-start.repository.ts.) Timers are never
 * edited here: one that no longer matches the incident fires as a no-op.
 */
@Injectable()
export class EscalationLifecycleListener implements OnModuleInit, IncidentLifecycleListener {
  constructor(
    private readonly incidents: IncidentsService,
    private readonly outbox: OutboxService,
    private readonly timers: TimersRepository,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.incidents.registerListener(this);
  }

  async onIncidentEvent(
    em: EntityManager,
    incident: Incident,
    event: { type: IncidentEventType; actor: Actor; note?: string },
  ): Promise<void> {
    const now = this.clock.now();
    switch (event.type) {
      case 'acknowledged':
        await this.outbox.cancelPending(em, incident.id, 'cancelled: incident acknowledged');
        if (incident.acknowledgedAt) await this.timers.insertAckTimeout(em, incident.id, incident.serviceId, incident.acknowledgedAt, now);
        break;
      case 'unacknowledged':
        await this.timers.insert(em, [{ kind: 'escalation', incidentId: incident.id, dueAt: now, data: { input: 'ack-timeout' } }]);
        break;
      case 'escalate-requested':
        await this.timers.insert(em, [{ kind: 'escalation', incidentId: incident.id, dueAt: now, data: { input: 'manual-escalate' } }]);
        break;
      case 'resolved':
        await this.outbox.cancelPending(em, incident.id, 'cancelled: incident resolved');
        break;
    }
    await this.outbox.wakeWorkers(em);
  }
}
