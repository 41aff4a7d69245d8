import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { IncidentsService } from '../../../incidents/incidents.service';
import type { DueTimer, NewTimer } from '../timer-data';
import type { TimerIncident, TimerKind } from '../timer-kind';


/** Over once the incident is no longer acknowledged, or acknowledged again later (a timer of its own). */
export function isAckTimeoutNoop(timer: DueTimer<'ack-timeout'>, incident: TimerIncident): boolean {
  return incident.status !== 'acknowledged' || incident.acknowledgedAt?.toISOString() !== timer.data.acknowledgedAt;
}

@Injectable()
export class AckTimeoutKind implements TimerKind<'ack-timeout'> {
  readonly kind = 'ack-timeout';
  readonly isNoop = isAckTimeoutNoop;

  constructor(private readonly incidents: IncidentsService) {}

  async fire(em: EntityManager, _timer: DueTimer<'ack-timeout'>, incident: TimerIncident): Promise<NewTimer[]> {
    await this.incidents.applySystemAction(em, incident.id, 'ack-timeout');
    return [];
  }
}
