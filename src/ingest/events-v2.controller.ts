import { Controller, HttpCode, Post, Req, UseFilters } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { BodyLimit, WEBHOOK_BODY_LIMIT_BYTES } from '../common/request-body';
import type { EventsV2SuccessBody } from './sources/events-v2.adapter';
import { eventsV2AcceptedSchema, eventsV2RequestSchema, openApiSchemaOf, webhookErrorSchema } from './sources/events-v2.schema';
import { IngestExceptionFilter } from './ingest-exception.filter';
import { IngestRequest, requireJsonBody } from './ingest-request';
import { EventsV2Service } from './events-v2.service';

const WEBHOOK_ERROR = openApiSchemaOf(webhookErrorSchema);

/** `POST /v2/enqueue`: PagerDuty's Events API v2, with PagerDuty's answers (docs/ingest.md). */
@ApiTags('webhooks')
@UseFilters(IngestExceptionFilter)
@BodyLimit(WEBHOOK_BODY_LIMIT_BYTES)
@Controller('v2')
export class EventsV2Controller {
  constructor(private readonly eventsV2: EventsV2Service) {}

  @Post('enqueue')
  @Public('the routing_key in the body')
  @HttpCode(202)
  @ApiOperation({ summary: 'PagerDuty Events API v2 (drop-in): routing_key in the body is the credential' })
  @ApiBody({ schema: openApiSchemaOf(eventsV2RequestSchema) })
  @ApiResponse({ status: 202, description: 'accepted, after the commit', schema: openApiSchemaOf(eventsV2AcceptedSchema) })
  @ApiResponse({ status: 400, description: 'Event object is invalid: every problem named', schema: WEBHOOK_ERROR })
  @ApiResponse({ status: 404, description: 'unknown routing_key', schema: WEBHOOK_ERROR })
  @ApiResponse({ status: 413, description: `body over ${WEBHOOK_BODY_LIMIT_BYTES / 1024} KB`, schema: WEBHOOK_ERROR })
  @ApiResponse({ status: 415, description: 'not application/json', schema: WEBHOOK_ERROR })
  @ApiResponse({ status: 429, description: 'integration rate limit (Retry-After)', schema: WEBHOOK_ERROR })
  enqueue(@Req() req: IngestRequest): Promise<EventsV2SuccessBody> {
    return this.eventsV2.enqueue(requireJsonBody(req));
  }
}
