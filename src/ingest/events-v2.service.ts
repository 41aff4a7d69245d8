import { Injectable } from '@nestjs/common';
import { IntegrationsService } from '../services/integrations.service';
import { adaptEventsV2, eventsV2SuccessBody, EventsV2SuccessBody, parseRoutingKey } from './sources/events-v2.adapter';
import { IngestRejection } from './ingest-exception.filter';
import { IngestRateLimiter } from './ingest-rate-limiter';
import { notFoundKey } from './ingest-request';
import { IngestService } from './ingest.service';
import { RouterIngest } from './router-ingest';

/**
 * PagerDuty Events API v2, drop-in: `routing_key` in the body is the
 * credential. The hottest route of the product (an alert storm is thousands
 * of these a second): the key is checked before the whole event is adapted.
 */
@Injectable()
export class EventsV2Service {
  constructor(
    private readonly integrations: IntegrationsService,
    private readonly limiter: IngestRateLimiter,
    private readonly ingest: IngestService,
    private readonly routers: RouterIngest,
  ) {}

  async enqueue(body: unknown): Promise<EventsV2SuccessBody> {
    const key = parseRoutingKey(body);
    // A malformed key is a 400 naming every problem of the event, as PagerDuty answers.
    if (!key.ok) {
      const adapted = adaptEventsV2(body);
      throw IngestRejection.invalid(adapted.ok ? key.errors : adapted.errors);
    }
    const integration = await this.integrations.findByKey(key.routingKey);
    if (!integration) return this.enqueueToRouter(key.routingKey, body);
    if (integration.type !== 'events-v2') throw notFoundKey('routing_key');
    this.limiter.take(integration);
    const adapted = adaptEventsV2(body);
    if (!adapted.ok) throw IngestRejection.invalid(adapted.errors);
    const [outcome] = await this.ingest.ingest(integration, adapted.events, body);
    return eventsV2SuccessBody(outcome.dedupKey);
  }

  /** A key that is no integration's may be an event router's (docs/routing.md). */
  private async enqueueToRouter(routingKey: string, body: unknown): Promise<EventsV2SuccessBody> {
    const router = await this.routers.find(routingKey);
    if (!router) throw notFoundKey('routing_key');
    this.limiter.take(router.router);
    const adapted = adaptEventsV2(body);
    if (!adapted.ok) throw IngestRejection.invalid(adapted.errors);
    const [outcome] = await this.routers.route(router, 'events-v2', adapted.events, body);
    return eventsV2SuccessBody(outcome.dedupKey);
  }
}
