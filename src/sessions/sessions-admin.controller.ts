import { Controller, Delete, Get, HttpCode, Param, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MinRole } from '../auth/auth.decorators';
import { ApiErrors, ApiUuidParam } from '../common/api-docs';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { ListSessionsQuery, SessionSummaryResponse } from './sessions.dto';
import { SessionsService } from './sessions.service';

/** An admin lists the live console sessions (of one user) and ends them. */
@ApiTags('sessions')
@Controller('api/v1/sessions')
export class SessionsAdminController {
  constructor(private readonly sessions: SessionsService) {}

  @Get()
  @MinRole('admin')
  @ApiOperation({ summary: 'List live console sessions', description: 'Neither signed out, revoked nor expired; newest first, at most 500.' })
  @ApiOkResponse({ type: [SessionSummaryResponse], description: 'the live sessions' })
  @ApiErrors([400])
  async list(@Query() query: ListSessionsQuery): Promise<SessionSummaryResponse[]> {
    return (await this.sessions.listLive(query.userId)).map(SessionSummaryResponse.of);
  }

  @Delete(':id')
  @MinRole('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a console session', description: 'Its next request is a 401.' })
  @ApiUuidParam('id', 'session id')
  @ApiNoContentResponse({ description: 'revoked' })
  @ApiErrors([404])
  async revoke(@Param('id', ParseUuidPipe) id: string): Promise<void> {
    await this.sessions.revoke(id);
  }
}
