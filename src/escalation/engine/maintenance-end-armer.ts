import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MaintenanceEndTimers, MaintenanceWindowsService } from '../../maintenance/maintenance-windows.service';
import { TimersRepository } from './timers.repository';

/**
 * The engine's side of a maintenance window write: the `maintenance-end`
 * timer, inserted in the transaction that created the window, moved its end
 * or ended it early (the maintenance module calls it, as incidents call the
 * lifecycle listeners). Registered at start in every role, so an API process
 * arms the timer that a worker fires.
 */
@Injectable()
export class MaintenanceEndArmer implements OnModuleInit, MaintenanceEndTimers {
  constructor(
    private readonly windows: MaintenanceWindowsService,
    private readonly timers: TimersRepository,
  ) {}

  onModuleInit(): void {
    this.windows.registerEndTimers(this);
  }

  async arm(em: EntityManager, windowId: string, endsAt: Date): Promise<void> {
    await this.timers.insert(em, [{ kind: 'maintenance-end', incidentId: null, dueAt: endsAt, data: { windowId } }]);
  }
}
