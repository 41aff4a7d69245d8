import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { MinRole } from '../auth/auth.decorators';
import { ApiErrors } from '../common/api-docs';
import { NotFoundError, ValidationError } from '../common/errors';
import { IncidentResponse, NoteResponse } from './incidents.dto';
import { IncidentsQueryService } from './incidents-query.service';

/** An incident number in a path: digits only, at least 1 (a bigint, but far below 2^53). */
function parseIncidentNumber(raw: string): number {
  const n = /^[0-9]{1,15}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw ValidationError.field('number', 'must be a positive integer, such as 42');
  return n;
}

/**
 * Incidents by their number (#42), the name pages, Slack and the console's
 * URLs use. A collection of its own rather than /incidents/by-number/{n},
 * which OpenAPI tools cannot tell apart from /incidents/{id}/notes.
 */
@ApiTags('incidents')
@Controller('api/v1/incident-numbers')
export class IncidentNumbersController {
  constructor(private readonly query: IncidentsQueryService) {}

  @Get(':number')
  @MinRole('read-only')
  @ApiOperation({ summary: 'Get an incident by its number (#42), with its alerts and timeline', description: 'The same answer as GET /api/v1/incidents/{id}.' })
  @ApiOkResponse({ type: IncidentResponse, description: 'the incident' })
  @ApiErrors([400, 404], { 400: 'the number is not a positive integer' })
  @ApiParam({ name: 'number', description: 'the incident number', type: 'integer', example: 42 })
  async get(@Param('number') raw: string): Promise<IncidentResponse> {
    const number = parseIncidentNumber(raw);
    const id = await this.query.idByNumber(number);
    if (!id) throw new NotFoundError('incident', `#${number}`);
    const { incident, alertCount, timelineCount, notes } = await this.query.getDetailed(id);
    return { ...IncidentResponse.of(incident), notes: notes.map(NoteResponse.ofEntry), alertCount, timelineCount };
  }
}
