import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { IncidentOpeningListener, IncidentOpeningsRepository, OpenedIncident } from '../../incidents/incident-openings.repository';
import { TimersRepository } from './timers.repository';

/**
 * How escalation starts: the incidents module claims new incidents once
 * (incident-openings.repository.ts) and hands each batch, in the claiming
 * transaction, to this listener, which writes each incident's `start`
 * escalation timer and its service's auto-resolve timer, due from its opening
 * (or from its release, for one a maintenance window held); the timer loop
 * then fires them as usual. An incident resolved before the claim gets
 * nothing; a suppressed one (an event router's `suppress`) its auto-resolve
 * timer and no escalation. Registered at start in every role, like the
 * lifecycle listener.
 */
@Injectable()
export class EscalationStarter implements OnModuleInit, IncidentOpeningListener {
  constructor(
    private readonly openings: IncidentOpeningsRepository,
    private readonly timers: TimersRepository,
  ) {}

  onModuleInit(): void {
    this.openings.registerListener(this);
  }

  async onIncidentsOpened(em: EntityManager, opened: readonly OpenedIncident[]): Promise<void> {
    const starting = opened.filter((o) => o.starts && o.status !== 'resolved');
    await this.timers.insertStartTimers(
      em,
      starting.map((o) => ({ incidentId: o.id, serviceId: o.serviceId, startsFrom: o.startsFrom, escalates: !o.suppressed })),
    );
  }
}
