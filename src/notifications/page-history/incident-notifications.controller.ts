import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiUuidParam } from '../../common/api-docs';
import type { Principal } from '../../auth/api-keys.service';
import { CurrentPrincipal, MinRole } from '../../auth/auth.decorators';
import { hasRole } from '../../auth/roles';
import { PageQuery } from '../../common/pagination';
import { ParseUuidPipe } from '../../common/parse-uuid.pipe';
import { IncidentNotificationsPageResponse } from './incident-notifications.dto';
import { PageHistoryService } from './page-history.service';

/**
 * The pages of an incident. It lives with the outbox rather than in the incidents
 * controller: incidents sit below notifications and may not import it.
 */
@ApiTags('incidents')
@Controller('api/v1/incidents')
export class IncidentNotificationsController {
  constructor(private readonly history: PageHistoryService) {}

  @Get(':id/notifications')
  @MinRole('read-only')
  @ApiOperation({ summary: 'Every page of an incident: who, where, its state and Twilio’s delivery reports' })
  @ApiOkResponse({ type: IncidentNotificationsPageResponse, description: 'the pages, newest first' })
  @ApiErrors([400, 404], { 400: '`id` is not a UUID, or `limit` or `cursor` is invalid', 404: 'no incident has this id' })
  @ApiUuidParam('id', 'the incident id')
  ofIncident(
    @Param('id', ParseUuidPipe) id: string,
    @Query() query: PageQuery,
    @CurrentPrincipal() caller: Principal,
  ): Promise<IncidentNotificationsPageResponse> {
    // Addresses are contact details: responder and admin keys see them whole, read-only keys masked.
    return this.history.ofIncident(id, query, hasRole(caller, 'responder'));
  }
}
