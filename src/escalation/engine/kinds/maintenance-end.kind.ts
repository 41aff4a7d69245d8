import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MaintenanceReleaseRepository } from '../../../incidents/maintenance-release.repository';
import { effectiveEnd } from '../../../maintenance/maintenance-window-rules';
import { MaintenanceWindowsRepository } from '../../../maintenance/maintenance-windows.repository';
import type { DueTimer, NewTimer } from '../timer-data';
import type { EngineTimerKind } from '../timer-kind';

/**
 * How long after a window's end its second pass runs. An incident opened
 * just before the end, by a transaction that commits just after the first
 * pass read the held incidents, is released by this one.
 */
export const MAINTENANCE_SWEEP_MS = 30_000;

/**
 * The end of a maintenance window (docs/maintenance.md). Armed in the
 * transaction that creates a window, moves its end or ends it early
 * (MaintenanceEndArmer); fired by exactly one worker, however late. Firing
 * releases, through the incidents module, the held incidents of the window's
 * services that are still triggered and that no other window covers now: the
 * claim of new incidents then hands them to the engine, which escalates them
 * from level 0 as of now. A timer
 * for an end that has since moved later (an edit before the start) finds the
 * window still running and does nothing; one for a deleted window finds
 * nothing. Releasing twice is harmless: a released incident is no longer held.
 */
@Injectable()
export class MaintenanceEndKind implements EngineTimerKind<'maintenance-end'> {
  readonly kind = 'maintenance-end';
  private readonly logger = new Logger(MaintenanceEndKind.name);

  constructor(
    private readonly windows: MaintenanceWindowsRepository,
    private readonly incidents: MaintenanceReleaseRepository,
  ) {}

  isNoop(): boolean {
    return false;
  }

  async fire(em: EntityManager, timer: DueTimer<'maintenance-end'>, now: Date): Promise<NewTimer[]> {
    const found = await this.windows.get(timer.data.windowId, em);
    if (!found) return [];
    const { window, serviceIds } = found;
    const endsAt = effectiveEnd(window);
    if (endsAt.getTime() > now.getTime()) return [];
    const released = await this.incidents.releaseHeld(em, { serviceIds }, now, {
      message: `Maintenance window "${window.description}" ended: escalation starts now`,
      data: { windowId: window.id },
    });
    if (!timer.data.sweep) {
      this.logger.log(
        { windowId: window.id, endedAt: endsAt.toISOString(), lateMs: now.getTime() - endsAt.getTime(), released: released.length },
        'maintenance window over: held incidents released',
      );
    } else if (released.length) {
      this.logger.log({ windowId: window.id, released: released.length }, 'maintenance window over: late incidents released');
    }
    if (timer.data.sweep) return [];
    return [{ kind: 'maintenance-end', incidentId: null, dueAt: new Date(now.getTime() + MAINTENANCE_SWEEP_MS), data: { windowId: window.id, sweep: true } }];
  }
}
