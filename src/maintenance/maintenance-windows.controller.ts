import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../auth/api-keys.service';
import { CurrentPrincipal, MinRole } from '../auth/auth.decorators';
import { ApiErrors, ApiPageResponse, ApiUuidParam } from '../common/api-docs';
import { Clock } from '../common/clock';
import { Page } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import {
  CreateMaintenanceWindowDto,
  ListMaintenanceWindowsQuery,
  MaintenanceWindowResponse,
  UpdateMaintenanceWindowDto,
} from './maintenance-windows.dto';
import { MaintenanceWindowsService } from './maintenance-windows.service';

/** Maintenance windows are managed like the services they cover: admin keys write, every key reads. */
@ApiTags('maintenance-windows')
@Controller('api/v1/maintenance-windows')
export class MaintenanceWindowsController {
  constructor(
    private readonly windows: MaintenanceWindowsService,
    private readonly clock: Clock,
  ) {}

  @Post()
  @MinRole('admin')
  @ApiOperation({ summary: 'Create a maintenance window' })
  @ApiCreatedResponse({ type: MaintenanceWindowResponse, description: 'the window created' })
  @ApiErrors([400, 413, 415], { 400: 'invalid input: an end not after start or more than 30 days after it, or no such service' })
  async create(@Body() dto: CreateMaintenanceWindowDto, @CurrentPrincipal() by: Principal): Promise<MaintenanceWindowResponse> {
    return MaintenanceWindowResponse.of(await this.windows.create(dto, by), this.clock.now());
  }

  @Get()
  @MinRole('read-only')
  @ApiOperation({ summary: 'List maintenance windows' })
  @ApiPageResponse(MaintenanceWindowResponse, 'one page of windows, newest first')
  @ApiErrors([400])
  async list(@Query() query: ListMaintenanceWindowsQuery): Promise<Page<MaintenanceWindowResponse>> {
    const page = await this.windows.list(query);
    const now = this.clock.now();
    return { items: page.items.map((w) => MaintenanceWindowResponse.of(w, now)), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @MinRole('read-only')
  @ApiOperation({ summary: 'Get a maintenance window' })
  @ApiOkResponse({ type: MaintenanceWindowResponse, description: 'the window' })
  @ApiErrors([400, 404])
  @ApiUuidParam('id', 'the window id')
  async get(@Param('id', ParseUuidPipe) id: string): Promise<MaintenanceWindowResponse> {
    return MaintenanceWindowResponse.of(await this.windows.get(id), this.clock.now());
  }

  @Patch(':id')
  @MinRole('admin')
  @ApiOperation({ summary: 'Edit a maintenance window that has not started (absent fields stay as they are)' })
  @ApiOkResponse({ type: MaintenanceWindowResponse, description: 'the window after the change' })
  @ApiErrors([400, 404, 409, 413, 415], { 409: 'the window has started: end it early instead' })
  @ApiUuidParam('id', 'the window id')
  async update(@Param('id', ParseUuidPipe) id: string, @Body() dto: UpdateMaintenanceWindowDto): Promise<MaintenanceWindowResponse> {
    return MaintenanceWindowResponse.of(await this.windows.update(id, dto), this.clock.now());
  }

  @Post(':id/end')
  @MinRole('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'End an active maintenance window now' })
  @ApiOkResponse({ type: MaintenanceWindowResponse, description: 'the window, ended (also when it had already ended)' })
  @ApiErrors([400, 404, 409], { 409: 'the window has not started: delete it instead' })
  @ApiUuidParam('id', 'the window id')
  async end(@Param('id', ParseUuidPipe) id: string): Promise<MaintenanceWindowResponse> {
    return MaintenanceWindowResponse.of(await this.windows.end(id), this.clock.now());
  }

  @Delete(':id')
  @MinRole('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a maintenance window that has not started' })
  @ApiNoContentResponse({ description: 'deleted' })
  @ApiErrors([400, 404, 409], { 409: 'the window has started: end it early instead' })
  @ApiUuidParam('id', 'the window id')
  async remove(@Param('id', ParseUuidPipe) id: string): Promise<void> {
    await this.windows.remove(id);
  }
}
