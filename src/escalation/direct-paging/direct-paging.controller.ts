import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../auth/api-keys.service';
import { CurrentPrincipal, MinRole } from '../../auth/auth.decorators';
import { ApiErrors } from '../../common/api-docs';
import { apiActor } from '../../incidents/incident-lifecycle';
import { IncidentResponse } from '../../incidents/incidents.dto';
import { CreateIncidentDto } from './direct-paging.dto';
import { DirectPagingService } from './direct-paging.service';

/** POST /api/v1/incidents: an incident opened by hand (docs/direct-paging.md). */
@ApiTags('incidents')
@Controller('api/v1/incidents')
export class DirectPagingController {
  constructor(private readonly paging: DirectPagingService) {}

  @Post()
  @HttpCode(201)
  @MinRole('responder')
  @ApiOperation({ summary: 'Open an incident by hand: page a service, or people, schedules or an escalation policy directly' })
  @ApiCreatedResponse({ type: IncidentResponse, description: 'the incident opened, as GET /api/v1/incidents/{id} shows it' })
  @ApiErrors([400, 413, 415], {
    400: 'bad input, both or neither of serviceId and targets, or an unknown service, user, schedule or policy (the field is named)',
  })
  create(@Body() dto: CreateIncidentDto, @CurrentPrincipal() p: Principal): Promise<IncidentResponse> {
    return this.paging.openForApi(dto, apiActor(p));
  }
}
