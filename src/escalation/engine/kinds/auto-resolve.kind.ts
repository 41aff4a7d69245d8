import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { IncidentsService } from '../../../incidents/incidents.service';
import type { DueTimer, NewTimer } from '../timer-data';
import type { TimerIncident, TimerKind } from '../timer-kind';

const MINUTE_MS = 60_000;


/** Never a no-op on an open incident: firing either resolves it or re-arms. */
export function isAutoResolveNoop(): boolean {
  return false;
}

@Injectable()
export class AutoResolveKind implements TimerKind<'auto-resolve'> {
  readonly kind = 'auto-resolve';
  readonly isNoop = isAutoResolveNoop;

  constructor(private readonly incidents: IncidentsService) {}

  async fire(em: EntityManager, _timer: DueTimer<'auto-resolve'>, incident: TimerIncident, now: Date): Promise<NewTimer[]> {
    if (!incident.autoResolveMinutes || !incident.lastAlertAt) return [];
    const dueAt = new Date(incident.lastAlertAt.getTime() + incident.autoResolveMinutes * MINUTE_MS);
    if (dueAt > now) return [{ kind: 'auto-resolve', incidentId: incident.id, dueAt, data: {} }];
    await this.incidents.applySystemAction(em, incident.id, 'auto-resolve');
    return [];
  }
}
