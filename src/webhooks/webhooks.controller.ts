import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../auth/api-keys.service';
import { CurrentPrincipal, MinRole } from '../auth/auth.decorators';
import { hasRole } from '../auth/roles';
import { ApiErrors, ApiPageResponse, ApiUuidParam } from '../common/api-docs';
import { Page, PageQuery } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { CreatedWebhookResponse, CreateWebhookDto, DeliveryResponse, UpdateWebhookDto, WebhookResponse } from './webhooks.dto';
import { WebhooksService } from './webhooks.service';

/** A webhook's URL is a credential: read-only keys see its scheme and host only. */
const seesUrl = (p: Principal | undefined) => hasRole(p, 'responder');

/** Outgoing webhooks: admin keys write, every key reads (URLs masked for read-only keys). */
@ApiTags('webhooks')
@Controller('api/v1/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @MinRole('admin')
  @ApiOperation({ summary: 'Create an outgoing webhook (the signing secret is in this response only)' })
  @ApiCreatedResponse({ type: CreatedWebhookResponse, description: 'the webhook, with its secret' })
  @ApiErrors([400, 413, 415], { 400: 'invalid input: an unknown event, a URL that is not http(s) or points at a private address, no such service' })
  async create(@Body() dto: CreateWebhookDto): Promise<CreatedWebhookResponse> {
    const { webhook, secret } = await this.webhooks.create(dto);
    return { ...WebhookResponse.of(webhook, true), secret };
  }

  @Get()
  @MinRole('read-only')
  @ApiOperation({ summary: 'List outgoing webhooks' })
  @ApiPageResponse(WebhookResponse, 'one page of webhooks, newest first')
  @ApiErrors([400])
  async list(@Query() query: PageQuery, @CurrentPrincipal() by: Principal): Promise<Page<WebhookResponse>> {
    const page = await this.webhooks.list(query);
    return { items: page.items.map((w) => WebhookResponse.of(w, seesUrl(by))), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @MinRole('read-only')
  @ApiOperation({ summary: 'Get an outgoing webhook' })
  @ApiOkResponse({ type: WebhookResponse, description: 'the webhook' })
  @ApiErrors([400, 404])
  @ApiUuidParam('id', 'the webhook id')
  async get(@Param('id', ParseUuidPipe) id: string, @CurrentPrincipal() by: Principal): Promise<WebhookResponse> {
    return WebhookResponse.of(await this.webhooks.get(id), seesUrl(by));
  }

  @Patch(':id')
  @MinRole('admin')
  @ApiOperation({ summary: 'Edit an outgoing webhook (absent fields stay as they are)' })
  @ApiOkResponse({ type: WebhookResponse, description: 'the webhook after the change' })
  @ApiErrors([400, 404, 413, 415])
  @ApiUuidParam('id', 'the webhook id')
  async update(@Param('id', ParseUuidPipe) id: string, @Body() dto: UpdateWebhookDto): Promise<WebhookResponse> {
    return WebhookResponse.of(await this.webhooks.update(id, dto), true);
  }

  @Delete(':id')
  @MinRole('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an outgoing webhook and its deliveries' })
  @ApiNoContentResponse({ description: 'deleted' })
  @ApiErrors([400, 404, 409], { 409: 'an escalation policy still pages this webhook' })
  @ApiUuidParam('id', 'the webhook id')
  async remove(@Param('id', ParseUuidPipe) id: string): Promise<void> {
    await this.webhooks.remove(id);
  }

  @Get(':id/deliveries')
  @MinRole('read-only')
  @ApiOperation({ summary: "List a webhook's deliveries and their attempts" })
  @ApiPageResponse(DeliveryResponse, 'one page of deliveries, newest first, each with its attempts')
  @ApiErrors([400, 404])
  @ApiUuidParam('id', 'the webhook id')
  async deliveries(@Param('id', ParseUuidPipe) id: string, @Query() query: PageQuery): Promise<Page<DeliveryResponse>> {
    const page = await this.webhooks.deliveries(id, query);
    return { items: page.items.map((d) => DeliveryResponse.of(d)), nextCursor: page.nextCursor };
  }

  @Post(':id/deliveries/:deliveryId/redeliver')
  @MinRole('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a delivery again now (a new 24-hour retry window)' })
  @ApiOkResponse({ type: DeliveryResponse, description: 'the delivery, pending again' })
  @ApiErrors([400, 404, 409], { 409: 'the webhook is disabled' })
  @ApiUuidParam('id', 'the webhook id')
  @ApiUuidParam('deliveryId', 'the delivery id')
  async redeliver(@Param('id', ParseUuidPipe) id: string, @Param('deliveryId', ParseUuidPipe) deliveryId: string): Promise<DeliveryResponse> {
    return DeliveryResponse.of(await this.webhooks.redeliver(id, deliveryId));
  }
}
