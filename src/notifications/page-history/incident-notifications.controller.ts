import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
@ApiBearerAuth()
@Controller('api/v1/incidents')
export class IncidentNotificationsController {
  constructor(private readonly history: PageHistoryService) {}

  @Get(':id/notifications')
  @MinRole('read-only')
  @ApiOperation({ summary: 'Every page of an incident: who, where, its state and Twilio’s delivery reports' })
  @ApiOkResponse({ type: IncidentNotificationsPageResponse })
  @ApiBadRequestResponse({ description: '`id` is not a UUID, or `limit` or `cursor` is invalid' })
  @ApiNotFoundResponse({ description: 'no incident has this id' })
  ofIncident(
    @Param('id', ParseUuidPipe) id: string,
    @Query() query: PageQuery,
    @CurrentPrincipal() caller: Principal,
  ): Promise<IncidentNotificationsPageResponse> {
    // Addresses are contact details: responder and admin keys see them whole, read-only keys masked.
    return this.history.ofIncident(id, query, hasRole(caller, 'responder'));
  }
}
