import { Controller, Get, HttpCode, Inject, Param, Post, Query, Req, UseFilters } from '@nestjs/common';
import { BodyLimit, headerOf, WEBHOOK_BODY_LIMIT_BYTES } from '../common/request-body';
import { Public } from '../auth/auth.decorators';
import { ApiAcceptedResponse, ApiBody, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiWebhookErrors } from '../common/api-docs';
import { AlertmanagerWebhookBody, GenericWebhookBody, WebhookAcceptedResponse } from './webhooks.dto';
import { Clock } from '../common/clock';
import { redactCredentialFields } from '../common/credential-redaction';
import type { Integration, IntegrationType } from '../services/integration.entity';
import { IntegrationsService } from '../services/integrations.service';
import { adaptAlertmanager } from './sources/alertmanager.adapter';
import { adaptGeneric, adaptGenericQuery } from './sources/generic.adapter';
import { adaptGrafana, verifyGrafanaSignature } from './sources/grafana.adapter';
import type { AdapterResult } from './sources/normalised-event';
import { IngestExceptionFilter, IngestRejection } from './ingest-exception.filter';
import { IngestRateLimiter } from './ingest-rate-limiter';
import { IngestRequest, notFoundKey, requireJsonBody, unauthorized } from './ingest-request';
import { IngestService } from './ingest.service';
import { RouterIngest } from './router-ingest';
import type { ResolvedRouter } from '../routing/event-routers.service';

export interface WebhookAccepted {
  status: 'success';
  message: 'Event processed';
  dedup_key: string;
}

/** A signed request whose timestamp is further than this from now is refused (replay). */
export const SIGNATURE_MAX_SKEW_SECONDS = 300;

/** Alertmanager, Grafana and generic webhooks: the key in the path is the credential. */
@ApiTags('webhooks')
@ApiParam({ name: 'key', description: "the integration's key (the credential), from its url", example: 'k3y0f32characterslowercase0123ab' })
@UseFilters(IngestExceptionFilter)
@BodyLimit(WEBHOOK_BODY_LIMIT_BYTES)
@Controller('integrations/:key')
export class WebhooksController {
  constructor(
    private readonly integrations: IntegrationsService,
    private readonly limiter: IngestRateLimiter,
    private readonly ingest: IngestService,
    private readonly routers: RouterIngest,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  @Post('alertmanager')
  @Public('the integration key in the path (and the Grafana signature when the integration has a secret)')
  @ApiOperation({ summary: 'Receive a Prometheus Alertmanager webhook (the integration key in the path is the credential)' })
  @ApiBody({ type: AlertmanagerWebhookBody })
  @ApiAcceptedResponse({ type: WebhookAcceptedResponse, description: 'accepted, after the commit' })
  @ApiWebhookErrors([400, 404, 413, 415, 429], { 404: 'unknown integration key, or the key of another type of integration' })
  @HttpCode(202)
  async alertmanager(@Param('key') key: string, @Req() req: IngestRequest): Promise<WebhookAccepted> {
    const body = requireJsonBody(req);
    const integration = await this.integration(key, 'alertmanager');
    if ('compiled' in integration) return this.acceptRouted(integration, 'alertmanager', adaptAlertmanager(body), body);
    return this.accept(integration, adaptAlertmanager(body), body);
  }

  @Post('grafana')
  @Public('the integration key in the path (and the Grafana signature when the integration has a secret)')
  @ApiOperation({ summary: 'Receive a Grafana alerting webhook (the key in the path, and the signature when the integration has a secret)' })
  @ApiBody({ type: AlertmanagerWebhookBody, description: "Grafana's webhook body (Alertmanager's, with Grafana's extra fields)" })
  @ApiAcceptedResponse({ type: WebhookAcceptedResponse, description: 'accepted, after the commit' })
  @ApiWebhookErrors([400, 401, 404, 413, 415, 429], { 401: 'missing, stale or invalid signature', 404: 'unknown integration key, or the key of another type of integration' })
  @HttpCode(202)
  async grafana(@Param('key') key: string, @Req() req: IngestRequest): Promise<WebhookAccepted> {
    const body = requireJsonBody(req);
    const integration = await this.integration(key, 'grafana');
    if ('compiled' in integration) return this.acceptRouted(integration, 'grafana', adaptGrafana(body), body);
    this.verifySignature(integration, req);
    return this.accept(integration, adaptGrafana(body), body);
  }

  @Post('generic')
  @Public('the integration key in the path (and the Grafana signature when the integration has a secret)')
  @ApiOperation({ summary: 'Receive a generic JSON alert (the integration key in the path is the credential)' })
  @ApiBody({ type: GenericWebhookBody })
  @ApiAcceptedResponse({ type: WebhookAcceptedResponse, description: 'accepted, after the commit' })
  @ApiWebhookErrors([400, 404, 413, 415, 429], { 404: 'unknown integration key, or the key of another type of integration' })
  @HttpCode(202)
  async generic(@Param('key') key: string, @Req() req: IngestRequest): Promise<WebhookAccepted> {
    const body = requireJsonBody(req);
    const integration = await this.integration(key, 'generic');
    if ('compiled' in integration) return this.acceptRouted(integration, 'generic', adaptGeneric(body), body);
    return this.accept(integration, adaptGeneric(body), body);
  }

  /** For tools that can only open a URL: the same fields as query parameters. */
  @Get('generic')
  @Public('the integration key in the path (and the Grafana signature when the integration has a secret)')
  @ApiOperation({ summary: 'Receive a generic alert as query parameters, for tools that can only open a URL' })
  @ApiQuery({ name: 'summary', required: false, description: 'the incident title; required to trigger', example: 'Disk full on db-1' })
  @ApiQuery({ name: 'action', required: false, enum: ['trigger', 'acknowledge', 'resolve'], description: 'default trigger; acknowledge and resolve need dedupKey', example: 'trigger' })
  @ApiQuery({ name: 'dedupKey', required: false, description: 'the key that groups alerts into one incident', example: 'db-1/disk' })
  @ApiQuery({ name: 'severity', required: false, enum: ['critical', 'error', 'warning', 'info'], description: 'default error; any other parameter becomes a detail', example: 'critical' })
  @ApiAcceptedResponse({ type: WebhookAcceptedResponse, description: 'accepted, after the commit' })
  @ApiWebhookErrors([400, 404, 429], { 404: 'unknown integration key, or the key of another type of integration' })
  @HttpCode(202)
  async genericGet(@Param('key') key: string, @Query() query: Record<string, unknown>): Promise<WebhookAccepted> {
    const integration = await this.integration(key, 'generic');
    // Unknown parameters become details: a token in the URL must not be kept there either.
    const redacted = redactCredentialFields(query);
    if ('compiled' in integration) return this.acceptRouted(integration, 'generic', adaptGenericQuery(redacted), { query: redacted });
    return this.accept(integration, adaptGenericQuery(redacted), { query: redacted });
  }

  /** The integration of a key, or the event router whose key it is (router keys take every format). */
  private async integration(key: string, type: IntegrationType): Promise<Integration | ResolvedRouter> {
    const integration = await this.integrations.findByKey(key);
    if (!integration) {
      const router = await this.routers.find(key);
      if (!router) throw notFoundKey('integration key');
      this.limiter.take(router.router);
      return router;
    }
    // A key of another type is "unknown" here: a 404 says nothing about which keys exist.
    if (integration.type !== type) throw notFoundKey('integration key');
    this.limiter.take(integration);
    return integration;
  }

  private async acceptRouted(router: ResolvedRouter, source: IntegrationType, adapted: AdapterResult, raw: unknown): Promise<WebhookAccepted> {
    if (!adapted.ok) throw IngestRejection.invalid(adapted.errors);
    const [outcome] = await this.routers.route(router, source, adapted.events, raw);
    return { status: 'success', message: 'Event processed', dedup_key: outcome.dedupKey };
  }

  private async accept(integration: Integration, adapted: AdapterResult, raw: unknown): Promise<WebhookAccepted> {
    if (!adapted.ok) throw IngestRejection.invalid(adapted.errors);
    const [outcome] = await this.ingest.ingest(integration, adapted.events, raw);
    return { status: 'success', message: 'Event processed', dedup_key: outcome.dedupKey };
  }

  private verifySignature(integration: Integration, req: IngestRequest): void {
    if (!integration.signingSecret) return;
    const signature = integration.signatureHeader ? headerOf(req, integration.signatureHeader) : undefined;
    if (!signature) throw unauthorized(`missing signature header ${integration.signatureHeader}`);
    let timestamp: string | undefined;
    if (integration.timestampHeader) {
      timestamp = headerOf(req, integration.timestampHeader);
      const seconds = Number(timestamp);
      const skew = Math.abs(this.clock.now().getTime() / 1000 - seconds);
      if (!timestamp || !Number.isFinite(seconds) || skew > SIGNATURE_MAX_SKEW_SECONDS) {
        throw unauthorized(`missing or stale timestamp header ${integration.timestampHeader}`);
      }
    }
    const valid = verifyGrafanaSignature({
      secret: integration.signingSecret,
      body: req.rawBody ?? Buffer.alloc(0),
      signatureHex: signature,
      ...(timestamp !== undefined ? { timestamp } : {}),
    });
    if (!valid) throw unauthorized('invalid signature');
  }
}
