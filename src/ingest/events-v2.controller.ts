import { Controller, HttpCode, Post, Req, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IntegrationsService } from '../services/integrations.service';
import { adaptEventsV2, eventsV2SuccessBody, EventsV2SuccessBody, parseRoutingKey } from './sources/events-v2.adapter';
import { IngestExceptionFilter, IngestRejection } from './ingest-exception.filter';
import { IngestRateLimiter } from './ingest-rate-limiter';
import { IngestRequest, notFoundKey, requireJsonBody } from './ingest-request';
import { IngestService } from './ingest.service';

/** PagerDuty Events API v2, drop-in: `routing_key` in the body is the credential. */
@ApiExcludeController()
@UseFilters(IngestExceptionFilter)
@Controller('v2')
export class EventsV2Controller {
  constructor(
    private readonly integrations: IntegrationsService,
    private readonly limiter: IngestRateLimiter,
    private readonly ingest: IngestService,
  ) {}

  @Post('enqueue')
  @HttpCode(202)
  async enqueue(@Req() req: IngestRequest): Promise<EventsV2SuccessBody> {
    const body = requireJsonBody(req);
    const key = parseRoutingKey(body);
    // A malformed key is a 400 naming every problem of the event, as PagerDuty answers.
    if (!key.ok) throw IngestRejection.invalid(rejectionErrors(adaptEventsV2(body), key.errors));
    const integration = await this.integrations.findByKey(key.routingKey);
    if (!integration || integration.type !== 'events-v2') throw notFoundKey('routing_key');
    this.limiter.take(integration);
    const adapted = adaptEventsV2(body);
    if (!adapted.ok) throw IngestRejection.invalid(adapted.errors);
    const [outcome] = await this.ingest.ingest(integration, adapted.events, body);
    return eventsV2SuccessBody(outcome.dedupKey);
  }
}

function rejectionErrors(adapted: ReturnType<typeof adaptEventsV2>, fallback: string[]): string[] {
  return adapted.ok ? fallback : adapted.errors;
}
