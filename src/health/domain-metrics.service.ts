import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { Gauge } from 'prom-client';
import { Clock } from '../common/clock';
import { RetainedTables } from '../common/retention';
import { DomainMetricsRepository } from './domain-metrics.repository';
import { MetricsService } from './metrics.service';

const INCIDENT_STATUSES = ['triggered', 'acknowledged', 'resolved'] as const;
const OUTBOX_STATES = ['pending', 'sending'] as const;
/** Gauges scraped together share one query; a second scrape within this window reuses it. */
const SNAPSHOT_TTL_MS = 1000;

export interface DomainSnapshot {
  incidents: Record<string, number>;
  outbox: Record<string, number>;
  /** Seconds since the oldest due, unfired timer was due; 0 when none is due. */
  oldestDueTimerAgeSeconds: number;
  /** Seconds since the oldest due, unsent page was due; 0 when the dispatcher is keeping up. */
  dispatcherLagSeconds: number;
}

/**
 * Gauges computed from the database when /metrics is scraped: incidents by
 * status, outbox depth, the age of the oldest overdue timer and the
 * dispatcher's lag, and the size of each retained table. Two round trips per scrape. When the
 * database does not answer, these gauges are left empty and
 * klaxon_domain_metrics_up is 0, so the scrape itself still succeeds.
 */
@Injectable()
export class DomainMetricsService implements OnModuleInit {
  private readonly logger = new Logger(DomainMetricsService.name);
  private snapshot: { at: number; value: Promise<DomainSnapshot | null> } | null = null;

  constructor(
    private readonly metrics: MetricsService,
    private readonly counts: DomainMetricsRepository,
    private readonly clock: Clock,
    private readonly retained: RetainedTables,
  ) {}

  onModuleInit(): void {
    const m = this.metrics;
    m.gauge('klaxon_domain_metrics_up', 'Whether the database-backed gauges could be computed at this scrape', [], async (g) => {
      g.set((await this.current()) ? 1 : 0);
    });
    m.gauge('klaxon_incidents', 'Incidents by status', ['status'], async (g) => {
      const s = await this.fill(g);
      if (s) for (const status of INCIDENT_STATUSES) g.set({ status }, s.incidents[status] ?? 0);
    });
    m.gauge('klaxon_outbox_depth', 'Notifications waiting in the outbox, by state (pending: not yet claimed; sending: claimed by a worker)', ['state'], async (g) => {
      const s = await this.fill(g);
      if (s) for (const state of OUTBOX_STATES) g.set({ state }, s.outbox[state] ?? 0);
    });
    m.gauge('klaxon_oldest_due_timer_age_seconds', 'Age of the oldest timer that is due and not yet fired (0 when none)', [], async (g) => {
      const s = await this.fill(g);
      if (s) g.set(s.oldestDueTimerAgeSeconds);
    });
    m.gauge('klaxon_table_size_bytes', 'Size on disk (with indexes) of each table the retention cleanup keeps bounded', ['table'], async (g) => {
      g.reset();
      const sizes = await this.counts.tableSizes([...new Set(this.retained.names())]).catch((err) => this.failed(err));
      for (const { table, bytes } of sizes ?? []) g.set({ table }, bytes);
    });
    m.gauge('klaxon_dispatcher_lag_seconds', 'Age of the oldest due notification still pending (0 when none)', [], async (g) => {
      const s = await this.fill(g);
      if (s) g.set(s.dispatcherLagSeconds);
    });
  }

  private async fill(g: Gauge<string>): Promise<DomainSnapshot | null> {
    g.reset();
    return this.current();
  }

  private current(): Promise<DomainSnapshot | null> {
    const at = performance.now();
    if (!this.snapshot || at - this.snapshot.at > SNAPSHOT_TTL_MS) {
      this.snapshot = { at, value: this.read().catch((err) => this.failed(err)) };
    }
    return this.snapshot.value;
  }

  private failed(err: unknown): null {
    this.logger.warn({ err: String(err) }, 'domain metrics unavailable');
    return null;
  }

  /** Reads everything in one statement (DomainMetricsRepository). */
  async read(): Promise<DomainSnapshot> {
    const now = this.clock.now();
    const counts = await this.counts.read(now);
    const ageSeconds = (t: Date | null) => (t ? Math.max(0, (now.getTime() - t.getTime()) / 1000) : 0);
    return {
      incidents: counts.incidents,
      outbox: counts.outbox,
      oldestDueTimerAgeSeconds: ageSeconds(counts.oldestDueTimer),
      dispatcherLagSeconds: ageSeconds(counts.oldestDuePage),
    };
  }
}
