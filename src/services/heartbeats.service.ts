import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { NotFoundError } from '../common/errors';
import { MetricsService } from '../health/metrics.service';
import type { IngestTarget } from '../incidents/incident-commands';
import { IncidentsRepository } from '../incidents/incidents.repository';
import type { NormalisedEvent } from '../ingest/sources/normalised-event';
import type { HeartbeatMonitor } from './heartbeat-monitor.entity';
import { HeartbeatMonitorsService } from './heartbeat-monitors.service';

/** Overdue monitors handled per call; the worker calls again on its next tick. */
const OVERDUE_BATCH = 100;

/**
 * Dead man's switches. A ping records itself and resolves the monitor's open
 * incident; `checkOverdue` (called by the worker loop) opens one for each
 * monitor that missed its interval. Both go through the incidents repository, with
 * the dedup key `heartbeat:<monitor id>`.
 */
@Injectable()
export class HeartbeatsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly monitors: HeartbeatMonitorsService,
    private readonly incidents: IncidentsRepository,
    private readonly metrics: MetricsService,
    private readonly clock: Clock,
  ) {}

  async ping(key: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const monitor = await this.monitors.lockByKey(em, key);
      if (!monitor) throw new NotFoundError('heartbeat key');
      const now = this.clock.now();
      await this.monitors.recordPing(em, monitor, now);
      if (monitor.status === 'down') {
        await this.incidents.recordIn(em, target(monitor), event(monitor, 'resolve'), { heartbeat: monitor.id, pingAt: now });
      }
    });
    this.metrics.eventsAccepted.inc({ source: 'heartbeat' });
  }

  /**
   * Opens an incident for every monitor past its due time, once (the monitor
   * turns `down` in the same transaction). Rows locked by a concurrent ping or
   * worker are skipped (SKIP LOCKED), so this is safe on every instance.
   * Returns how many incidents were opened.
   */
  async checkOverdue(now: Date = this.clock.now()): Promise<number> {
    return this.dataSource.transaction(async (em) => {
      const overdue = await this.monitors.claimOverdue(em, now, OVERDUE_BATCH);
      for (const monitor of overdue) {
        const raw = { heartbeat: monitor.id, name: monitor.name, dueAt: monitor.dueAt, lastPingAt: monitor.lastPingAt };
        await this.incidents.recordIn(em, target(monitor), event(monitor, 'trigger'), raw);
        await this.monitors.markDown(em, monitor.id);
      }
      return overdue.length;
    });
  }
}

function target(monitor: HeartbeatMonitor): IngestTarget {
  return {
    serviceId: monitor.serviceId,
    integrationId: null,
    source: 'heartbeat',
    actor: { type: 'system', id: monitor.id, name: `heartbeat ${monitor.name}`, channel: 'system' },
  };
}

function event(monitor: HeartbeatMonitor, action: 'trigger' | 'resolve'): NormalisedEvent {
  const title =
    action === 'trigger'
      ? `Heartbeat "${monitor.name}" missed: no ping within ${monitor.intervalMinutes} min`
      : `Heartbeat "${monitor.name}" pinged again`;
  return {
    action,
    dedupKey: `heartbeat:${monitor.id}`,
    title,
    severity: 'critical',
    source: 'heartbeat',
    details: { intervalMinutes: monitor.intervalMinutes, lastPingAt: monitor.lastPingAt },
    links: [],
    occurredAt: null,
  };
}
