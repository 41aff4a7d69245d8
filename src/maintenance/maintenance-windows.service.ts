import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/api-keys.service';
import { Clock } from '../common/clock';
import { ConflictError, NotFoundError, ValidationError } from '../common/errors';
import { Page } from '../common/pagination';
import { effectiveEnd, timeProblems, windowState } from './maintenance-window-rules';
import type { MaintenanceWindow } from './maintenance-window.entity';
import { CreateMaintenanceWindowDto, ListMaintenanceWindowsQuery, UpdateMaintenanceWindowDto } from './maintenance-windows.dto';
import { MaintenanceWindowsRepository, WindowWithServices } from './maintenance-windows.repository';

/**
 * Arms the timer that releases a window's held incidents when it ends, in the
 * transaction that wrote the window. The escalation engine, which owns the
 * timers, registers it at start (engine/maintenance-end-armer.ts); this
 * module only says when.
 */
export interface MaintenanceEndTimers {
  arm(em: EntityManager, windowId: string, endsAt: Date): Promise<void>;
}

/**
 * Maintenance windows (docs/maintenance.md): create, list, edit before the
 * start, end early, delete before the start. Every write arms the window's
 * end timer in its own transaction, so a window never exists without the
 * timer that ends it.
 */
@Injectable()
export class MaintenanceWindowsService {
  private readonly logger = new Logger(MaintenanceWindowsService.name);
  private endTimers: MaintenanceEndTimers | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly windows: MaintenanceWindowsRepository,
    private readonly clock: Clock,
  ) {}

  registerEndTimers(timers: MaintenanceEndTimers): void {
    this.endTimers = timers;
  }

  async create(dto: CreateMaintenanceWindowDto, by: Principal): Promise<WindowWithServices> {
    const now = this.clock.now();
    const startAt = dto.start ? new Date(dto.start) : now;
    const endAt = new Date(dto.end);
    const problems = timeProblems(startAt, endAt, now);
    if (problems.length) throw new ValidationError(problems);
    const serviceIds = dto.serviceIds.map((id) => id.toLowerCase());
    const created = await this.dataSource.transaction(async (em) => {
      await this.checkServices(em, serviceIds);
      const window = await this.windows.insert(
        em,
        { description: dto.description.trim(), startAt, endAt },
        serviceIds,
        { type: 'api-key', id: by.id, name: by.name },
        now,
      );
      await this.armEnd(em, window);
      return { window, serviceIds };
    });
    this.logger.log(
      { windowId: created.window.id, services: serviceIds.length, start: startAt.toISOString(), end: endAt.toISOString(), by: by.name },
      'maintenance window created',
    );
    return created;
  }

  list(query: ListMaintenanceWindowsQuery): Promise<Page<WindowWithServices>> {
    return this.windows.list({ state: query.state, serviceId: query.serviceId?.toLowerCase() }, query, this.clock.now());
  }

  async get(id: string): Promise<WindowWithServices> {
    const found = await this.windows.get(id);
    if (!found) throw new NotFoundError('maintenance window', id);
    return found;
  }

  /** Only before the window starts (409 after): a running window is ended early instead. */
  async update(id: string, dto: UpdateMaintenanceWindowDto): Promise<WindowWithServices> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (em) => {
      const window = await this.lockNotStarted(em, id, now, 'edited');
      const endBefore = effectiveEnd(window).getTime();
      if (dto.description !== undefined) window.description = dto.description.trim();
      if (dto.start !== undefined) window.startAt = new Date(dto.start);
      if (dto.end !== undefined) window.endAt = new Date(dto.end);
      const problems = timeProblems(window.startAt, window.endAt, now);
      if (problems.length) throw new ValidationError(problems);
      const serviceIds = dto.serviceIds?.map((s) => s.toLowerCase());
      if (serviceIds) await this.checkServices(em, serviceIds);
      await this.windows.update(em, window, serviceIds, now);
      if (effectiveEnd(window).getTime() !== endBefore) await this.armEnd(em, window);
      return (await this.windows.get(id, em))!;
    });
  }

  /**
   * Ends an active window now; its held incidents are released by the end
   * timer armed here (due now). A window already over is answered as it is
   * (200, so a deploy script may retry); one not started yet is a 409.
   */
  async end(id: string): Promise<WindowWithServices> {
    const now = this.clock.now();
    const ended = await this.dataSource.transaction(async (em) => {
      const window = await this.windows.lock(em, id);
      if (!window) throw new NotFoundError('maintenance window', id);
      const state = windowState(window, now);
      if (state === 'upcoming') throw new ConflictError('the maintenance window has not started: delete it instead');
      if (state === 'ended') return null;
      window.endedAt = now;
      await this.windows.update(em, window, undefined, now);
      await this.armEnd(em, window);
      return window;
    });
    if (ended) this.logger.log({ windowId: id, plannedEnd: ended.endAt.toISOString() }, 'maintenance window ended early');
    return this.get(id);
  }

  /** Only before the window starts (409 after: it is kept as the record of what was held). */
  async remove(id: string): Promise<void> {
    const now = this.clock.now();
    await this.dataSource.transaction(async (em) => {
      await this.lockNotStarted(em, id, now, 'deleted');
      await this.windows.delete(em, id);
    });
    this.logger.log({ windowId: id }, 'maintenance window deleted');
  }

  private async lockNotStarted(em: EntityManager, id: string, now: Date, what: string): Promise<MaintenanceWindow> {
    const window = await this.windows.lock(em, id);
    if (!window) throw new NotFoundError('maintenance window', id);
    if (windowState(window, now) !== 'upcoming') {
      throw new ConflictError(`the maintenance window has started and can no longer be ${what}: end it early instead`, {
        start: window.startAt.toISOString(),
      });
    }
    return window;
  }

  private async checkServices(em: EntityManager, serviceIds: readonly string[]): Promise<void> {
    const unknown = await this.windows.unknownServices(em, serviceIds);
    if (unknown.length) throw ValidationError.field('serviceIds', `no such service: ${unknown.join(', ')}`);
  }

  private async armEnd(em: EntityManager, window: MaintenanceWindow): Promise<void> {
    // Fail closed: a window without its end timer would hold incidents for good.
    if (!this.endTimers) throw new Error('no maintenance end timer is registered (the escalation engine registers it at start)');
    await this.endTimers.arm(em, window.id, effectiveEnd(window));
  }
}
