import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Counter } from 'prom-client';
import { Clock } from '../common/clock';
import { redactStoredPayload } from '../common/credential-redaction';
import { MetricsService } from '../health/metrics.service';
import type { AlertSource } from '../incidents/alert.entity';
import type { IngestTarget, RecordOutcome } from '../incidents/incident-commands';
import { IncidentsRepository } from '../incidents/incidents.repository';
import { EventRoutersService, ResolvedRouter } from '../routing/event-routers.service';
import { RouterHitCounter } from '../routing/router-hit-counter';
import type { Outcome } from '../routing/rules/evaluate';
import { isFollowUp, routeEvent } from '../routing/rules/route-event';
import type { NormalisedEvent } from './sources/normalised-event';

/** What a router would do with some events (the test endpoint). */
export interface RouterPreview {
  /** An acknowledge or resolve: routed by the incidents it finds, not by rules. */
  followUp: boolean;
  decisions: { alert: number | null; outcome: Outcome }[];
  /** What would be recorded: the service, the event as it would be recorded there, and (follow-ups) the incident it acts on. */
  incidents: { serviceId: string; incidentId: string | null; event: NormalisedEvent; suppressed: boolean }[];
}

type RouterMetric = ReturnType<Counter<'router' | 'rule' | 'outcome'>['labels']>;

/**
 * The one ingest path of router keys, for every webhook that takes an
 * integration key (Events v2, Alertmanager, Grafana, generic, and any other
 * format a controller adapts to normalised events): evaluate the router's
 * rules (compiled once per router version) and record each part with its
 * service, in one group that commits together.
 *
 * - A trigger, and every Alertmanager/Grafana group, is routed (a group per
 *   alert); what goes to one service is one event for it.
 * - An acknowledge or resolve that is not a group carries nothing to match:
 *   it acts on the open incidents this router opened with that dedup key,
 *   whatever service they belong to; none is a no-op (202).
 * - Dropped events record nothing; they are counted (hit counters, metrics)
 *   and logged at debug, never with the key.
 */
@Injectable()
export class RouterIngest {
  private readonly logger = new Logger('EventRouters');
  /** prom-client children by compiled outcome (one per rule of a router version): no label hashing or key building per event. */
  private readonly metricChildren = new WeakMap<Outcome, RouterMetric>();

  constructor(
    private readonly routers: EventRoutersService,
    private readonly counter: RouterHitCounter,
    private readonly incidents: IncidentsRepository,
    private readonly metrics: MetricsService,
    private readonly clock: Clock,
  ) {}

  /** The router of a routing key, from the routers' short-lived cache; null when the key is no router's. */
  find(key: string): Promise<ResolvedRouter | null> {
    return this.routers.findByKey(key);
  }

  /** The open incidents this router opened with a dedup key, whatever service each went to (an acknowledge or close by alias). */
  openIncidents(resolved: ResolvedRouter, dedupKey: string): Promise<{ id: string; serviceId: string }[]> {
    return this.incidents.openThroughRouter(resolved.router.id, dedupKey);
  }

  /**
   * Routes and records the events of one request sent to a router key.
   * `source` is the format the controller adapted (stored as the alerts'
   * source); `body` is the request as received (stored with each alert, its
   * credentials redacted). One outcome per event, for the answer: the first
   * incident the event went to, or its dedup key alone when nothing was
   * recorded (dropped, or a follow-up with no open incident).
   */
  async route(resolved: ResolvedRouter, source: AlertSource, events: readonly NormalisedEvent[], body: unknown): Promise<RecordOutcome[]> {
    const { router, compiled } = resolved;
    const now = this.clock.now();
    const actor = { type: 'integration' as const, id: router.id, name: router.name, channel: 'integration' as const };
    const items: { target: IngestTarget; event: NormalisedEvent }[] = [];
    const owners: number[] = [];
    for (let i = 0; i < events.length; i++) {
      const event = events[i];
      if (isFollowUp(event)) {
        const open = event.dedupKey === null ? [] : await this.incidents.openThroughRouter(router.id, event.dedupKey);
        for (const incident of open) {
          items.push({ target: { serviceId: incident.serviceId, integrationId: null, source, actor, routerId: router.id }, event });
          owners.push(i);
        }
        continue;
      }
      const { parts, hits } = routeEvent(compiled, event, source);
      for (let h = 0; h < hits.length; h++) this.hit(resolved, hits[h], event, now);
      for (const part of parts) {
        items.push({
          target: { serviceId: part.serviceId, integrationId: null, source, actor, routerId: router.id, suppressed: part.suppressed },
          event: part.event,
        });
        owners.push(i);
      }
    }
    const recorded = await this.incidents.recordEach(items, redactStoredPayload(body));
    this.metrics.eventsAccepted.inc({ source }, events.length);
    const outcomes: (RecordOutcome | undefined)[] = new Array(events.length);
    for (let k = 0; k < recorded.length; k++) outcomes[owners[k]] ??= recorded[k];
    return events.map(
      (e, i) => outcomes[i] ?? { dedupKey: e.dedupKey ?? randomUUID().replace(/-/g, ''), incidentId: null, created: false },
    );
  }

  /**
   * What `route` would do, changing nothing: which rule decided each event
   * (each alert of a group) and what would be recorded where. A follow-up
   * (acknowledge/resolve) names the open incidents it would act on.
   */
  async preview(resolved: ResolvedRouter, source: AlertSource, events: readonly NormalisedEvent[]): Promise<RouterPreview> {
    const decisions: RouterPreview['decisions'] = [];
    const incidents: RouterPreview['incidents'] = [];
    let followUp = false;
    for (const event of events) {
      if (isFollowUp(event)) {
        followUp = true;
        const open = event.dedupKey === null ? [] : await this.incidents.openThroughRouter(resolved.router.id, event.dedupKey);
        for (const incident of open) {
          incidents.push({ serviceId: incident.serviceId, incidentId: incident.id, event, suppressed: false });
        }
        continue;
      }
      const { parts, hits } = routeEvent(resolved.compiled, event, source);
      hits.forEach((outcome, i) => decisions.push({ alert: event.alerts?.length ? i : null, outcome }));
      for (const part of parts) incidents.push({ serviceId: part.serviceId, incidentId: null, event: part.event, suppressed: part.suppressed });
    }
    return { followUp, decisions, incidents };
  }

  private hit({ router }: ResolvedRouter, outcome: Outcome, event: NormalisedEvent, now: Date): void {
    this.counter.count(router.id, router.version, outcome, now);
    let child = this.metricChildren.get(outcome);
    if (!child) {
      const result = outcome.kind === 'drop' ? 'dropped' : outcome.suppress ? 'suppressed' : 'routed';
      child = this.metrics.routerEvents.labels(router.id, outcome.rule === 'fallback' ? 'fallback' : String(outcome.rule), result);
      this.metricChildren.set(outcome, child);
    }
    child.inc();
    if (outcome.kind === 'drop') {
      const rule = outcome.rule === 'fallback' ? 'fallback' : String(outcome.rule);
      this.logger.debug({ router: router.id, rule, ruleName: outcome.ruleName, dedupKey: event.dedupKey }, 'event dropped by router rule');
    }
  }
}
