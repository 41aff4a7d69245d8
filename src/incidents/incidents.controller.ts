import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../auth/api-keys.service';
import { CurrentPrincipal, MinRole } from '../auth/auth.decorators';
import { Page } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import type { Actor } from './incident-lifecycle';
import { IncidentActionDto, IncidentResponse, ListIncidentsQuery } from './incidents.dto';
import { IncidentsQueryService } from './incidents-query.service';
import { IncidentsService } from './incidents.service';

function apiActor(p: Principal): Actor {
  return { type: 'api-key', id: p.id, name: p.name, channel: 'api' };
}

@ApiTags('incidents')
@ApiBearerAuth()
@Controller('api/v1/incidents')
export class IncidentsController {
  constructor(
    private readonly incidents: IncidentsService,
    private readonly query: IncidentsQueryService,
  ) {}

  @Get()
  @MinRole('read-only')
  async list(@Query() q: ListIncidentsQuery): Promise<Page<IncidentResponse>> {
    const page = await this.query.list(q);
    return { items: page.items.map(IncidentResponse.of), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @MinRole('read-only')
  async get(@Param('id', ParseUuidPipe) id: string): Promise<IncidentResponse> {
    const { incident, alertCount, timelineCount } = await this.query.getDetailed(id);
    return { ...IncidentResponse.of(incident), alertCount, timelineCount };
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @MinRole('responder')
  async acknowledge(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: IncidentActionDto,
    @CurrentPrincipal() p: Principal,
  ): Promise<IncidentResponse> {
    return IncidentResponse.of(await this.incidents.acknowledge(id, apiActor(p), dto.note));
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @MinRole('responder')
  async resolve(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: IncidentActionDto,
    @CurrentPrincipal() p: Principal,
  ): Promise<IncidentResponse> {
    return IncidentResponse.of(await this.incidents.resolve(id, apiActor(p), dto.note));
  }

  @Post(':id/escalate')
  @HttpCode(200)
  @MinRole('responder')
  async escalate(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: IncidentActionDto,
    @CurrentPrincipal() p: Principal,
  ): Promise<IncidentResponse> {
    return IncidentResponse.of(await this.incidents.escalate(id, apiActor(p), dto.note));
  }
}
