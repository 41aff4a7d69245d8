import { Injectable, Logger } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import { RateLimitedError } from '../common/errors';
import { MetricsService } from '../health/metrics.service';
import { IntegrationsService } from '../services/integrations.service';
import { adaptEventsV2, eventsV2SuccessBody, EventsV2SuccessBody, parseRoutingKey } from './sources/events-v2.adapter';
import { ingestErrorResponse, IngestRejection } from './ingest-exception.filter';
import { IngestRateLimiter } from './ingest-rate-limiter';
import { IngestRequest, notFoundKey, requireJsonBody } from './ingest-request';
import { IngestService } from './ingest.service';

/**
 * PagerDuty Events API v2, drop-in: `routing_key` in the body is the
 * credential. This is the hottest route of the product (an alert storm is
 * thousands of these a second), so it runs as a plain Express route mounted
 * ahead of the Nest pipeline (see app.setup.ts): the same body parsers and
 * body guards, no per-request guard/interceptor/pipe/logger work. It records
 * its own request metric and logs only failures.
 */
@Injectable()
export class EventsV2Handler {
  private readonly logger = new Logger('EventsV2');

  constructor(
    private readonly integrations: IntegrationsService,
    private readonly limiter: IngestRateLimiter,
    private readonly ingest: IngestService,
    private readonly metrics: MetricsService,
  ) {}

  async enqueue(req: IngestRequest): Promise<EventsV2SuccessBody> {
    const body = requireJsonBody(req);
    const key = parseRoutingKey(body);
    // A malformed key is a 400 naming every problem of the event, as PagerDuty answers.
    if (!key.ok) {
      const adapted = adaptEventsV2(body);
      throw IngestRejection.invalid(adapted.ok ? key.errors : adapted.errors);
    }
    const integration = await this.integrations.findByKey(key.routingKey);
    if (!integration || integration.type !== 'events-v2') throw notFoundKey('routing_key');
    this.limiter.take(integration);
    const adapted = adaptEventsV2(body);
    if (!adapted.ok) throw IngestRejection.invalid(adapted.errors);
    const [outcome] = await this.ingest.ingest(integration, adapted.events, body);
    return eventsV2SuccessBody(outcome.dedupKey);
  }

  /** The Express route: POST /v2/enqueue. */
  readonly route = (req: IngestRequest, res: Response, next: NextFunction): void => {
    if (req.method !== 'POST') return next();
    const end = this.metrics.httpDuration.startTimer({ method: 'POST', route: '/v2/enqueue' });
    this.enqueue(req).then(
      (body) => {
        res.status(202).json(body);
        end({ status: '202' });
      },
      (err: unknown) => {
        const { status, body } = ingestErrorResponse(err);
        if (err instanceof RateLimitedError) res.setHeader('Retry-After', String(err.retryAfterSeconds));
        if (status >= 500) this.logger.error({ err }, 'Events v2 request failed');
        res.status(status).json(body);
        end({ status: String(status) });
      },
    );
  };
}
