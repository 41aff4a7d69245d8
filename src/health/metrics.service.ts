import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * One Prometheus registry per app (not prom-client's global one, so tests can
 * build several apps in one process). Domain modules get their metrics from
 * here; under KLAXON_ROLE=all the API and the worker count into this one.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'klaxon_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly eventsAccepted = new Counter({
    name: 'klaxon_events_accepted_total',
    help: 'Alert events accepted (202) by source',
    labelNames: ['source'] as const,
    registers: [this.registry],
  });

  /**
   * Events (alerts, for groups) an event router decided, by router id, rule
   * (its index, or `fallback`) and outcome (routed, suppressed, dropped).
   * Bounded: a router has at most 100 rules.
   */
  readonly routerEvents = new Counter({
    name: 'klaxon_router_events_total',
    help: 'Events decided by event routers, by router, rule (index or fallback) and outcome (routed, suppressed, dropped)',
    labelNames: ['router', 'rule', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly ingestBatchEvents = new Histogram({
    name: 'klaxon_ingest_batch_events',
    help: 'Events written per incident batch (concurrent triggers, acknowledges and resolves share one transaction)',
    buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
    registers: [this.registry],
  });

  readonly notifications = new Counter({
    name: 'klaxon_notifications_total',
    help: 'Notification attempts by channel and outcome',
    labelNames: ['channel', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly webhookDeliveries = new Counter({
    name: 'klaxon_webhook_deliveries_total',
    help: 'Outgoing webhook delivery attempts by outcome (delivered, retry, failed)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly auditWriteFailures = new Counter({
    name: 'klaxon_audit_write_failures_total',
    help: 'Audit log rows that could not be written after a successful change',
    registers: [this.registry],
  });

  readonly cleanupDeletedRows = new Counter({
    name: 'klaxon_cleanup_deleted_rows_total',
    help: 'Rows deleted by the retention cleanup, by table',
    labelNames: ['table'] as const,
    registers: [this.registry],
  });

  constructor() {
    // Process metrics: CPU, memory, event loop, handles.
    collectDefaultMetrics({ register: this.registry, prefix: 'klaxon_' });
  }

  /** A gauge computed when /metrics is scraped (e.g. outbox depth from the database). */
  gauge(name: string, help: string, labelNames: string[], collect: (g: Gauge<string>) => Promise<void>): Gauge<string> {
    const existing = this.registry.getSingleMetric(name) as Gauge<string> | undefined;
    if (existing) return existing;
    return new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        await collect(this);
      },
    });
  }
}
