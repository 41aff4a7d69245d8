import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Page, PageQuery, paginate } from '../common/pagination';
import { effectiveEnd, WindowState } from './maintenance-window-rules';
import { MaintenanceWindow, MaintenanceWindowService, WindowCreator } from './maintenance-window.entity';

/** A window with the services it covers. */
export interface WindowWithServices {
  window: MaintenanceWindow;
  serviceIds: string[];
}

/** The window that covers a service now and ends last, as service responses and Slack show it. */
export interface ServiceCover {
  windowId: string;
  until: Date;
}

export interface WindowFields {
  description: string;
  startAt: Date;
  endAt: Date;
}

/**
 * Every statement on `maintenance_windows` and `maintenance_window_services`.
 * Each write keeps the services' rows (their `starts_at` and `ends_at`, the
 * window's start and effective end) in step with the window, in the caller's
 * transaction.
 */
@Injectable()
export class MaintenanceWindowsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The ids of `ids` that name no service. */
  async unknownServices(em: EntityManager, ids: readonly string[]): Promise<string[]> {
    const rows: { id: string }[] = await em.query(
      `SELECT u.id FROM unnest($1::uuid[]) AS u(id) WHERE NOT EXISTS (SELECT 1 FROM services s WHERE s.id = u.id) ORDER BY u.id`,
      [ids],
    );
    return rows.map((r) => r.id);
  }

  async insert(em: EntityManager, fields: WindowFields, serviceIds: readonly string[], createdBy: WindowCreator, now: Date): Promise<MaintenanceWindow> {
    const window = em.getRepository(MaintenanceWindow).create({ ...fields, endedAt: null, createdBy, createdAt: now, updatedAt: now });
    await em.getRepository(MaintenanceWindow).insert(window);
    await this.writeServices(em, window, serviceIds);
    return window;
  }

  /** The window, locked for the rest of the transaction (FOR UPDATE); null when there is none. */
  lock(em: EntityManager, id: string): Promise<MaintenanceWindow | null> {
    return em.getRepository(MaintenanceWindow).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Rewrites a (locked) window's fields and, when given, its services. */
  async update(em: EntityManager, window: MaintenanceWindow, serviceIds: readonly string[] | undefined, now: Date): Promise<void> {
    window.updatedAt = now;
    await em.getRepository(MaintenanceWindow).update(
      { id: window.id },
      { description: window.description, startAt: window.startAt, endAt: window.endAt, endedAt: window.endedAt, updatedAt: now },
    );
    if (serviceIds) {
      await em.getRepository(MaintenanceWindowService).delete({ windowId: window.id });
      await this.writeServices(em, window, serviceIds);
    } else {
      await em.getRepository(MaintenanceWindowService).update(
        { windowId: window.id },
        { startsAt: window.startAt, endsAt: effectiveEnd(window) },
      );
    }
  }

  async delete(em: EntityManager, id: string): Promise<void> {
    await em.getRepository(MaintenanceWindow).delete({ id });
  }

  async get(id: string, em: EntityManager = this.dataSource.manager): Promise<WindowWithServices | null> {
    const window = await em.getRepository(MaintenanceWindow).findOne({ where: { id } });
    if (!window) return null;
    return { window, serviceIds: (await this.serviceIdsOf([id], em)).get(id) ?? [] };
  }

  /** Newest first; `state` as of `now`. */
  async list(filter: { state?: WindowState; serviceId?: string }, page: PageQuery, now: Date): Promise<Page<WindowWithServices>> {
    const qb = this.dataSource.getRepository(MaintenanceWindow).createQueryBuilder('w');
    if (filter.state === 'upcoming') qb.andWhere('w.startAt > :now', { now });
    if (filter.state === 'active') qb.andWhere('w.startAt <= :now AND COALESCE(w.endedAt, w.endAt) > :now', { now });
    if (filter.state === 'ended') qb.andWhere('COALESCE(w.endedAt, w.endAt) <= :now', { now });
    if (filter.serviceId) {
      qb.andWhere('EXISTS (SELECT 1 FROM maintenance_window_services ws WHERE ws.window_id = w.id AND ws.service_id = :serviceId)', {
        serviceId: filter.serviceId,
      });
    }
    const windows = await paginate(qb, 'w', page);
    const services = await this.serviceIdsOf(windows.items.map((w) => w.id));
    return { items: windows.items.map((window) => ({ window, serviceIds: services.get(window.id) ?? [] })), nextCursor: windows.nextCursor };
  }

  /**
   * For each of `serviceIds` that a window covers at `now`: the covering
   * window that ends last (overlapping windows keep the service in
   * maintenance until the last one ends).
   */
  async coverOf(serviceIds: readonly string[], now: Date): Promise<Map<string, ServiceCover>> {
    if (!serviceIds.length) return new Map();
    const rows: { service_id: string; window_id: string; ends_at: Date }[] = await this.dataSource.query(
      `SELECT DISTINCT ON (ws.service_id) ws.service_id, ws.window_id, ws.ends_at
         FROM maintenance_window_services ws
        WHERE ws.service_id = ANY($1::uuid[]) AND ws.ends_at > $2::timestamptz AND ws.starts_at <= $2::timestamptz
        ORDER BY ws.service_id, ws.ends_at DESC, ws.window_id`,
      [serviceIds, now],
    );
    return new Map(rows.map((r) => [r.service_id, { windowId: r.window_id, until: r.ends_at }]));
  }

  private async serviceIdsOf(windowIds: readonly string[], em: EntityManager = this.dataSource.manager): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (!windowIds.length) return out;
    const rows: { window_id: string; service_id: string }[] = await em.query(
      `SELECT window_id, service_id FROM maintenance_window_services WHERE window_id = ANY($1::uuid[]) ORDER BY window_id, service_id`,
      [windowIds],
    );
    for (const r of rows) out.set(r.window_id, [...(out.get(r.window_id) ?? []), r.service_id]);
    return out;
  }

  private async writeServices(em: EntityManager, window: MaintenanceWindow, serviceIds: readonly string[]): Promise<void> {
    if (!serviceIds.length) return;
    await em.getRepository(MaintenanceWindowService).insert(
      serviceIds.map((serviceId) => ({ windowId: window.id, serviceId, startsAt: window.startAt, endsAt: effectiveEnd(window) })),
    );
  }
}
