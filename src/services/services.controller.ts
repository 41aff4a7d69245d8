import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Put, Query, Req } from '@nestjs/common';
import { CurrentPrincipal, MinRole } from '../auth/auth.decorators';
import type { Principal } from '../auth/api-keys.service';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiPageResponse, ApiUuidParam } from '../common/api-docs';
import type { FastifyRequest } from 'fastify';
import { Page, PageQuery } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { HeartbeatMonitorsService } from './heartbeat-monitors.service';
import { heartbeatUrl, integrationUrl, publicBaseUrl } from './integration-keys';
import { IntegrationsService } from './integrations.service';
import {
  CreateHeartbeatDto,
  CreateIntegrationDto,
  CreateServiceDto,
  HeartbeatMonitorResponse,
  IntegrationResponse,
  seesWebhookKeys,
  ServiceResponse,
  UpdateServiceDto,
} from './services.dto';
import { ServicesService } from './services.service';
import { Clock } from '../common/clock';
import { Service } from './service.entity';
import { ServiceMaintenanceRegistry } from './service-maintenance';

@ApiTags('services')
@Controller('api/v1/services')
export class ServicesController {
  constructor(
    private readonly services: ServicesService,
    private readonly integrations: IntegrationsService,
    private readonly heartbeats: HeartbeatMonitorsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly maintenance: ServiceMaintenanceRegistry,
    private readonly clock: Clock,
  ) {}

  /** The services as responses, each with the maintenance window covering it now, if any. */
  private async respond(services: Service[]): Promise<ServiceResponse[]> {
    const cover = await this.maintenance.coverOf(services.map((s) => s.id), this.clock.now());
    return services.map((s) => ServiceResponse.of(s, cover.get(s.id)));
  }

  private async respondOne(service: Service): Promise<ServiceResponse> {
    return (await this.respond([service]))[0];
  }

  @Post()
  @MinRole('admin')
  @ApiOperation({ summary: 'Create a service' })
  @ApiCreatedResponse({ type: ServiceResponse, description: 'the service created' })
  @ApiErrors([400, 409, 413, 415], { 400: 'invalid input, or no such escalation policy', 409: 'a service with that name already exists' })
  async create(@Body() dto: CreateServiceDto): Promise<ServiceResponse> {
    return this.respondOne(await this.services.create(dto));
  }

  @Get()
  @MinRole('read-only')
  @ApiOperation({ summary: 'List services' })
  @ApiPageResponse(ServiceResponse, 'one page of services, newest first')
  @ApiErrors([400])
  async list(@Query() query: PageQuery): Promise<Page<ServiceResponse>> {
    const page = await this.services.list(query);
    return { items: await this.respond(page.items), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @MinRole('read-only')
  @ApiOperation({ summary: 'Get a service' })
  @ApiOkResponse({ type: ServiceResponse, description: 'the service' })
  @ApiErrors([400, 404])
  @ApiUuidParam('id', 'the service id')
  async get(@Param('id', ParseUuidPipe) id: string): Promise<ServiceResponse> {
    return this.respondOne(await this.services.get(id));
  }

  @Put(':id')
  @MinRole('admin')
  @ApiOperation({ summary: 'Replace a service' })
  @ApiOkResponse({ type: ServiceResponse, description: 'the service after the change' })
  @ApiErrors([400, 404, 409, 413, 415], { 400: 'invalid input, or no such escalation policy', 409: 'a service with that name already exists, or a change the built-in Direct pages service refuses (name, policy)' })
  @ApiUuidParam('id', 'the service id')
  async replace(@Param('id', ParseUuidPipe) id: string, @Body() dto: CreateServiceDto): Promise<ServiceResponse> {
    return this.respondOne(await this.services.update(id, dto));
  }

  @Patch(':id')
  @MinRole('admin')
  @ApiOperation({ summary: 'Update a service (absent fields stay as they are)' })
  @ApiOkResponse({ type: ServiceResponse, description: 'the service after the change' })
  @ApiErrors([400, 404, 409, 413, 415], { 400: 'invalid input, or no such escalation policy', 409: 'a service with that name already exists, or a change the built-in Direct pages service refuses (name, policy)' })
  @ApiUuidParam('id', 'the service id')
  async update(@Param('id', ParseUuidPipe) id: string, @Body() dto: UpdateServiceDto): Promise<ServiceResponse> {
    return this.respondOne(await this.services.update(id, dto));
  }

  @Delete(':id')
  @MinRole('admin')
  @ApiOperation({ summary: 'Delete a service, its integrations, heartbeat monitors and incidents' })
  @ApiNoContentResponse({ description: 'deleted' })
  @ApiErrors([400, 404, 409], { 409: 'the built-in Direct pages service cannot be deleted' })
  @HttpCode(204)
  @ApiUuidParam('id', 'the service id')
  async remove(@Param('id', ParseUuidPipe) id: string): Promise<void> {
    await this.services.remove(id);
  }

  @Post(':id/integrations')
  @MinRole('admin')
  @ApiOperation({ summary: 'Add an integration (a webhook key) to a service' })
  @ApiCreatedResponse({ type: IntegrationResponse, description: 'the integration, with its key and URL for admin keys' })
  @ApiErrors([400, 404, 409, 413, 415], { 409: 'the built-in Direct pages service takes none' })
  @ApiUuidParam('id', 'the service id')
  async addIntegration(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: CreateIntegrationDto,
    @Req() req: FastifyRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<IntegrationResponse> {
    const i = await this.integrations.create(id, dto);
    return IntegrationResponse.of(i, integrationUrl(publicBaseUrl(this.config, req), i.type, i.key), seesWebhookKeys(principal));
  }

  @Get(':id/integrations')
  @MinRole('read-only')
  @ApiOperation({ summary: "List a service's integrations" })
  @ApiOkResponse({ type: [IntegrationResponse], description: 'the integrations (key and url are null for non-admin keys)' })
  @ApiErrors([400, 404])
  @ApiUuidParam('id', 'the service id')
  async listIntegrations(
    @Param('id', ParseUuidPipe) id: string,
    @Req() req: FastifyRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<IntegrationResponse[]> {
    await this.services.get(id);
    const base = publicBaseUrl(this.config, req);
    const showKey = seesWebhookKeys(principal);
    return (await this.integrations.list(id)).map((i) => IntegrationResponse.of(i, integrationUrl(base, i.type, i.key), showKey));
  }

  @Delete(':id/integrations/:integrationId')
  @MinRole('admin')
  @ApiOperation({ summary: 'Delete an integration (its key stops working)' })
  @ApiNoContentResponse({ description: 'deleted' })
  @ApiErrors([400, 404])
  @HttpCode(204)
  @ApiUuidParam('id', 'the service id')
  @ApiUuidParam('integrationId', 'the integration id')
  async removeIntegration(
    @Param('id', ParseUuidPipe) id: string,
    @Param('integrationId', ParseUuidPipe) integrationId: string,
  ): Promise<void> {
    await this.integrations.remove(id, integrationId);
  }

  @Post(':id/heartbeats')
  @MinRole('admin')
  @ApiOperation({ summary: 'Add a heartbeat monitor: an incident opens when pings stop' })
  @ApiCreatedResponse({ type: HeartbeatMonitorResponse, description: 'the monitor, with its key and URL for admin keys' })
  @ApiErrors([400, 404, 409, 413, 415], { 409: 'the built-in Direct pages service takes none' })
  @ApiUuidParam('id', 'the service id')
  async addHeartbeat(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: CreateHeartbeatDto,
    @Req() req: FastifyRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<HeartbeatMonitorResponse> {
    const m = await this.heartbeats.create(id, dto);
    return HeartbeatMonitorResponse.of(m, heartbeatUrl(publicBaseUrl(this.config, req), m.key), seesWebhookKeys(principal));
  }

  @Get(':id/heartbeats')
  @MinRole('read-only')
  @ApiOperation({ summary: "List a service's heartbeat monitors" })
  @ApiOkResponse({ type: [HeartbeatMonitorResponse], description: 'the monitors (key and url are null for non-admin keys)' })
  @ApiErrors([400, 404])
  @ApiUuidParam('id', 'the service id')
  async listHeartbeats(
    @Param('id', ParseUuidPipe) id: string,
    @Req() req: FastifyRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<HeartbeatMonitorResponse[]> {
    await this.services.get(id);
    const base = publicBaseUrl(this.config, req);
    const showKey = seesWebhookKeys(principal);
    return (await this.heartbeats.list(id)).map((m) => HeartbeatMonitorResponse.of(m, heartbeatUrl(base, m.key), showKey));
  }

  @Delete(':id/heartbeats/:monitorId')
  @MinRole('admin')
  @ApiOperation({ summary: 'Delete a heartbeat monitor' })
  @ApiNoContentResponse({ description: 'deleted' })
  @ApiErrors([400, 404])
  @HttpCode(204)
  @ApiUuidParam('id', 'the service id')
  @ApiUuidParam('monitorId', 'the heartbeat monitor id')
  async removeHeartbeat(
    @Param('id', ParseUuidPipe) id: string,
    @Param('monitorId', ParseUuidPipe) monitorId: string,
  ): Promise<void> {
    await this.heartbeats.remove(id, monitorId);
  }
}
