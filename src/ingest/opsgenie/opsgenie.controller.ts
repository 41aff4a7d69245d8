import { applyDecorators, Controller, Get, HttpCode, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { isJsonContentType } from '../../common/body-parsers';
import { Public } from '../../auth/auth.decorators';
import { BodyLimit, WEBHOOK_BODY_LIMIT_BYTES } from '../../common/request-body';
import { IntegrationsService } from '../../services/integrations.service';
import { IngestRateLimiter } from '../ingest-rate-limiter';
import { IngestRequest, requireJsonBody } from '../ingest-request';
import { RouterIngest } from '../router-ingest';
import { OPSGENIE_IDENTIFIER_TYPES, parseGenieKey } from '../sources/opsgenie.adapter';
import { OpsgenieExceptionFilter, OpsgenieRejection, tookSeconds } from './opsgenie-exception.filter';
import {
  OpsgenieAcceptedResponse,
  OpsgenieActionBody,
  OpsgenieCreateAlertBody,
  OpsgenieErrorResponse,
  OpsgenieRequestStatusResponse,
} from './opsgenie.dto';
import { OpsgenieAlertAction, OpsgenieCaller, OpsgenieService } from './opsgenie.service';

const VERIFIED_BY = 'the Opsgenie integration key in Authorization: GenieKey <key>';

/** The GenieKey header and the Opsgenie-shaped errors every route answers. */
function OpsgenieRoute(statuses: number[], reasons: Record<number, string> = {}): MethodDecorator {
  const defaults: Record<number, string> = {
    400: 'malformed JSON, or no body',
    401: 'missing or malformed Authorization, an unknown key, or the key of another type of integration',
    404: 'no such alert (incident) on the key\'s service',
    413: `body over ${WEBHOOK_BODY_LIMIT_BYTES / 1024} KB`,
    415: 'not application/json',
    422: 'the request is not valid: every problem named',
    429: 'integration rate limit (Retry-After)',
  };
  return applyDecorators(
    Public(VERIFIED_BY),
    ApiHeader({ name: 'Authorization', required: true, description: '`GenieKey <key>`: the key of an integration of type opsgenie', example: 'GenieKey k3y0f40characterslowercase0123456789abcd' }),
    ...statuses.map((status) => ApiResponse({ status, description: reasons[status] ?? defaults[status], type: OpsgenieErrorResponse })),
  );
}

/** The actions on an alert, by the last segment of their path. */
const ACTIONS = { acknowledge: 'Acknowledge', close: 'Close', notes: 'AddNote' } as const satisfies Record<string, OpsgenieAlertAction>;

const IDENTIFIER_DOCS = [
  ApiParam({ name: 'identifier', description: 'the incident id, its number (tiny) or its dedup key (alias), as identifierType says', example: '17c4e445d234645c9e547ff6d32a864af0ebdadcd1902771c24c8d366637ff41' }),
  ApiQuery({ name: 'identifierType', required: false, enum: OPSGENIE_IDENTIFIER_TYPES, description: 'id (default): the incident id; tiny: its number; alias: the dedup key of the open incident', example: 'alias' }),
];

/**
 * Opsgenie's Alert API (the subset monitoring tools use), so that a tool
 * configured for Opsgenie only needs Klaxon's base URL (docs/opsgenie.md).
 */
@ApiTags('webhooks')
@UseFilters(OpsgenieExceptionFilter)
@BodyLimit(WEBHOOK_BODY_LIMIT_BYTES)
@Controller('v2/alerts')
export class OpsgenieController {
  constructor(
    private readonly integrations: IntegrationsService,
    private readonly limiter: IngestRateLimiter,
    private readonly opsgenie: OpsgenieService,
    private readonly routers: RouterIngest,
  ) {}

  @Post()
  @HttpCode(202)
  @OpsgenieRoute([400, 401, 413, 415, 422, 429])
  @ApiOperation({ summary: 'Opsgenie: create an alert (opens an incident, or adds to the open one with its alias)' })
  @ApiBody({ type: OpsgenieCreateAlertBody })
  @ApiResponse({ status: 202, description: 'carried out and committed', type: OpsgenieAcceptedResponse })
  async create(@Req() req: IngestRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<OpsgenieAcceptedResponse> {
    const caller = await this.caller(req);
    const accepted = await this.opsgenie.create(caller, requireJsonBody(req));
    return { result: accepted.result, took: tookSeconds(reply), requestId: accepted.requestId };
  }

  /**
   * One handler for the three actions on an alert: one OpenAPI path
   * (`/v2/alerts/{identifier}/{action}`), which the request-status path
   * cannot be confused with.
   */
  @Post(':identifier/:action')
  @HttpCode(202)
  @OpsgenieRoute([400, 401, 404, 413, 415, 422, 429], { 404: "no such alert (incident) on the key's service, or another action" })
  @ApiOperation({ summary: 'Opsgenie: acknowledge, close (resolve) or add a note to an alert (the incident)' })
  @ApiParam({ name: 'action', enum: Object.keys(ACTIONS), description: "acknowledge, close (resolves the incident) or notes (adds a note to the incident's timeline)", example: 'close' })
  @applyDecorators(...IDENTIFIER_DOCS)
  @ApiBody({ type: OpsgenieActionBody, required: false, description: '`note` is required for notes; no body is an empty one for acknowledge and close' })
  @ApiResponse({ status: 202, description: 'carried out and committed (by alias with no open incident: its request status says it failed)', type: OpsgenieAcceptedResponse })
  async act(
    @Param('identifier') identifier: string,
    @Param('action') action: string,
    @Query('identifierType') identifierType: unknown,
    @Req() req: IngestRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OpsgenieAcceptedResponse> {
    const alertAction = Object.prototype.hasOwnProperty.call(ACTIONS, action) ? ACTIONS[action as keyof typeof ACTIONS] : null;
    if (alertAction === null) throw new OpsgenieRejection(404, `Unsupported endpoint: ${action.slice(0, 40)}`);
    const caller = await this.caller(req);
    const accepted = await this.opsgenie.act(caller, alertAction, identifier, identifierType, optionalJsonBody(req));
    return { result: accepted.result, took: tookSeconds(reply), requestId: accepted.requestId };
  }

  @Get('requests/:requestId')
  @OpsgenieRoute([401, 404, 429], { 404: "no such request made with this key (or past its retention)" })
  @ApiOperation({ summary: 'Opsgenie: the outcome of an earlier request' })
  @ApiParam({ name: 'requestId', description: 'the requestId of a 202', example: '9ae63dd7-ed00-4c81-86f0-c4ffd33142c9' })
  @ApiResponse({ status: 200, description: 'the outcome', type: OpsgenieRequestStatusResponse })
  async requestStatus(
    @Param('requestId') requestId: string,
    @Req() req: IngestRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OpsgenieRequestStatusResponse> {
    const caller = await this.caller(req);
    const data = await this.opsgenie.status(caller, requestId);
    return { data, took: tookSeconds(reply), requestId: randomUUID() };
  }

  /**
   * The one place a GenieKey becomes whom it acts for, an Opsgenie
   * integration or an event router (router keys take every format), counted
   * against its rate limit. Missing, malformed, unknown, or the key of
   * another integration type: 401, one answer for all.
   */
  private async caller(req: IngestRequest): Promise<OpsgenieCaller> {
    const key = parseGenieKey(req.headers.authorization);
    if (key === null) throw OpsgenieRejection.unauthenticated();
    const integration = await this.integrations.findByKey(key);
    if (integration) {
      if (integration.type !== 'opsgenie') throw OpsgenieRejection.unauthenticated();
      this.limiter.take(integration);
      return { kind: 'integration', id: integration.id, integration };
    }
    const router = await this.routers.find(key);
    if (!router) throw OpsgenieRejection.unauthenticated();
    this.limiter.take(router.router);
    return { kind: 'router', id: router.router.id, router };
  }
}

/** Acknowledge, close and notes may come without a body (or with an empty one); a body that is there must be JSON. */
function optionalJsonBody(req: IngestRequest): unknown {
  const type = req.headers['content-type'];
  if (type !== undefined && !isJsonContentType(type)) return requireJsonBody(req);
  if (req.rawBody === undefined || req.rawBody.length === 0) return {};
  return requireJsonBody(req);
}
