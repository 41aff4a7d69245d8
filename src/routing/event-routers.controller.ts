import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../auth/api-keys.service';
import { CurrentPrincipal, MinRole } from '../auth/auth.decorators';
import { ApiErrors, ApiPageResponse, ApiUuidParam } from '../common/api-docs';
import { Page, PageQuery } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { integrationUrl, publicBaseUrl } from '../services/integration-keys';
import { seesWebhookKeys } from '../services/services.dto';
import type { EventRouter } from './event-router.entity';
import { CreateEventRouterDto, EventRouterResponse, RouterUrlsResponse, UpdateEventRouterDto } from './event-routers.dto';
import { EventRoutersService } from './event-routers.service';

/** Event routers: one routing key, rules that pick the service (docs/routing.md). Guarded like services and their integrations. */
@ApiTags('event-routers')
@Controller('api/v1/event-routers')
export class EventRoutersController {
  constructor(
    private readonly routers: EventRoutersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @MinRole('admin')
  @ApiOperation({ summary: 'Create an event router (its routing key works wherever an integration key does)' })
  @ApiCreatedResponse({ type: EventRouterResponse, description: 'the router, with its routing key and URLs' })
  @ApiErrors([400, 413, 415], { 400: 'invalid input: each problem names its rule (index and name), e.g. an RE2 pattern that does not compile or an unknown service' })
  async create(@Body() dto: CreateEventRouterDto, @Req() req: FastifyRequest, @CurrentPrincipal() principal: Principal): Promise<EventRouterResponse> {
    return this.response(await this.routers.create(dto), req, principal);
  }

  @Get()
  @MinRole('read-only')
  @ApiOperation({ summary: 'List event routers' })
  @ApiPageResponse(EventRouterResponse, 'one page of routers, newest first (routingKey and urls are null for non-admin keys)')
  @ApiErrors([400])
  async list(@Query() query: PageQuery, @Req() req: FastifyRequest, @CurrentPrincipal() principal: Principal): Promise<Page<EventRouterResponse>> {
    const page = await this.routers.list(query);
    return { items: page.items.map((r) => this.response(r, req, principal)), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @MinRole('read-only')
  @ApiOperation({ summary: 'Get an event router with its per-rule hit counts' })
  @ApiOkResponse({ type: EventRouterResponse, description: 'the router and its hits (routingKey and urls are null for non-admin keys)' })
  @ApiErrors([400, 404])
  @ApiUuidParam('id', 'the router id')
  async get(@Param('id', ParseUuidPipe) id: string, @Req() req: FastifyRequest, @CurrentPrincipal() principal: Principal): Promise<EventRouterResponse> {
    const { router, hits } = await this.routers.getWithHits(id);
    return this.response(router, req, principal, hits);
  }

  @Patch(':id')
  @MinRole('admin')
  @ApiOperation({ summary: 'Update an event router (absent fields stay; new rules or fallback restart the hit counts)' })
  @ApiOkResponse({ type: EventRouterResponse, description: 'the router after the change' })
  @ApiErrors([400, 404, 413, 415], { 400: 'invalid input: each problem names its rule (index and name)' })
  @ApiUuidParam('id', 'the router id')
  async update(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: UpdateEventRouterDto,
    @Req() req: FastifyRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EventRouterResponse> {
    return this.response(await this.routers.update(id, dto), req, principal);
  }

  @Delete(':id')
  @MinRole('admin')
  @ApiOperation({ summary: 'Delete an event router (its key stops working; its incidents stay)' })
  @ApiNoContentResponse({ description: 'deleted' })
  @ApiErrors([400, 404])
  @HttpCode(204)
  @ApiUuidParam('id', 'the router id')
  async remove(@Param('id', ParseUuidPipe) id: string): Promise<void> {
    await this.routers.remove(id);
  }

  private response(r: EventRouter, req: FastifyRequest, principal: Principal, hits?: Parameters<typeof EventRouterResponse.of>[3]): EventRouterResponse {
    const base = publicBaseUrl(this.config, req);
    const urls: RouterUrlsResponse = {
      eventsV2: integrationUrl(base, 'events-v2', r.routingKey),
      alertmanager: integrationUrl(base, 'alertmanager', r.routingKey),
      grafana: integrationUrl(base, 'grafana', r.routingKey),
      generic: integrationUrl(base, 'generic', r.routingKey),
    };
    return EventRouterResponse.of(r, urls, seesWebhookKeys(principal), hits);
  }
}
