import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { ConflictError, NotFoundError } from '../common/errors';
import { HeartbeatMonitor, HeartbeatStatus } from './heartbeat-monitor.entity';
import { isBuiltInService } from './built-in-services';
import { generateKey, keyLengthFor } from './integration-keys';
import { CreateHeartbeatDto } from './services.dto';
import { ServicesService } from './services.service';

/** Heartbeat monitor rows: CRUD for the API, and the row operations the ingest side needs under its transaction. */
@Injectable()
export class HeartbeatMonitorsService {
  constructor(
    @InjectRepository(HeartbeatMonitor) private readonly monitors: Repository<HeartbeatMonitor>,
    private readonly services: ServicesService,
    private readonly clock: Clock,
  ) {}

  async create(serviceId: string, dto: CreateHeartbeatDto): Promise<HeartbeatMonitor> {
    await this.services.get(serviceId);
    if (isBuiltInService(serviceId)) {
      throw new ConflictError('the Direct pages service takes no heartbeat monitors: it has no escalation policy to page with (page people directly instead)');
    }
    const now = this.clock.now();
    // A monitor that never pings is overdue one interval after it was created.
    return this.monitors.save(
      this.monitors.create({
        serviceId,
        name: dto.name.trim(),
        key: generateKey(keyLengthFor('heartbeat')),
        intervalMinutes: dto.intervalMinutes,
        lastPingAt: null,
        dueAt: new Date(now.getTime() + dto.intervalMinutes * 60_000),
        status: 'pending',
      }),
    );
  }

  list(serviceId: string): Promise<HeartbeatMonitor[]> {
    return this.monitors.find({ where: { serviceId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async remove(serviceId: string, id: string): Promise<void> {
    const result = await this.monitors.delete({ id, serviceId });
    if (!result.affected) throw new NotFoundError('heartbeat monitor', id);
  }

  /** Locks the monitor for a ping; null for an unknown key. */
  lockByKey(em: EntityManager, key: string): Promise<HeartbeatMonitor | null> {
    return em.getRepository(HeartbeatMonitor).findOne({ where: { key }, lock: { mode: 'pessimistic_write' } });
  }

  async recordPing(em: EntityManager, monitor: HeartbeatMonitor, now: Date): Promise<void> {
    await em.getRepository(HeartbeatMonitor).update(
      { id: monitor.id },
      { lastPingAt: now, dueAt: new Date(now.getTime() + monitor.intervalMinutes * 60_000), status: 'up' },
    );
  }

  /**
   * Monitors past their due time that have not been reported yet, locked with
   * SKIP LOCKED so concurrent workers (and a ping in flight) never claim the same one.
   */
  claimOverdue(em: EntityManager, now: Date, limit: number): Promise<HeartbeatMonitor[]> {
    return em
      .getRepository(HeartbeatMonitor)
      .createQueryBuilder('m')
      .where('m.status <> :down', { down: 'down' satisfies HeartbeatStatus })
      .andWhere('m.dueAt <= :now', { now })
      .orderBy('m.dueAt', 'ASC')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  async markDown(em: EntityManager, monitorId: string): Promise<void> {
    await em.getRepository(HeartbeatMonitor).update({ id: monitorId }, { status: 'down' });
  }
}
