import { Readable } from 'node:stream';
import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiPageResponse, ApiUuidParam } from '../common/api-docs';
import type { Principal } from '../auth/api-keys.service';
import { CurrentPrincipal, MinRole } from '../auth/auth.decorators';
import { Page } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { apiActor } from './incident-lifecycle';
import { AddNoteDto, IncidentActionDto, IncidentResponse, ListIncidentsQuery, NoteResponse } from './incidents.dto';
import { IncidentsQueryService } from './incidents-query.service';
import { IncidentExportService } from './incident-export.service';
import { IncidentRangeQuery } from './incident-reports.dto';
import { IncidentsService } from './incidents.service';


@ApiTags('incidents')
@Controller('api/v1/incidents')
export class IncidentsController {
  constructor(
    private readonly incidents: IncidentsService,
    private readonly query: IncidentsQueryService,
    private readonly exporter: IncidentExportService,
  ) {}

  @Get()
  @MinRole('read-only')
  @ApiOperation({ summary: 'List incidents, newest first, by status and service' })
  @ApiPageResponse(IncidentResponse, 'one page of incidents (without alerts and timeline)')
  @ApiErrors([400])
  async list(@Query() q: ListIncidentsQuery): Promise<Page<IncidentResponse>> {
    const page = await this.query.list(q);
    return { items: page.items.map(IncidentResponse.of), nextCursor: page.nextCursor };
  }

  @Get('export')
  @MinRole('read-only')
  @ApiOperation({ summary: 'Stream incidents opened in a range, with all their alerts and timeline, as NDJSON (for archiving)' })
  @ApiProduces('application/x-ndjson')
  @ApiOkResponse({
    description: 'one JSON object per line, in incident number order, each shaped like GET /api/v1/incidents/{id} with every alert and timeline entry',
    schema: {
      type: 'string',
      example:
        '{"id":"7c9e6679-7425-40de-944b-e07fc1f90ae7","number":42,"serviceId":"5b1f7f3e-8f0c-4a53-9d8e-2f4b7c1d9a10","status":"resolved","title":"disk full","alerts":[],"timeline":[]}\n',
    },
  })
  @ApiErrors([400], { 400: 'a bad date, or since not before until; the field is named' })
  export(@Query() q: IncidentRangeQuery): StreamableFile {
    return new StreamableFile(Readable.from(this.exporter.lines(q)), { type: 'application/x-ndjson' });
  }

  @Get(':id')
  @MinRole('read-only')
  @ApiOperation({ summary: 'Get an incident with its alerts and timeline' })
  @ApiOkResponse({ type: IncidentResponse, description: 'the incident' })
  @ApiErrors([400, 404])
  @ApiUuidParam('id', 'the incident id')
  async get(@Param('id', ParseUuidPipe) id: string): Promise<IncidentResponse> {
    const { incident, alertCount, timelineCount, notes } = await this.query.getDetailed(id);
    return { ...IncidentResponse.of(incident), notes: notes.map(NoteResponse.ofEntry), alertCount, timelineCount };
  }

  @Get(':id/notes')
  @MinRole('read-only')
  @ApiOperation({ summary: "List an incident's notes, oldest first" })
  @ApiOkResponse({ type: [NoteResponse], description: 'the notes (the most recent 500)' })
  @ApiErrors([400, 404])
  @ApiUuidParam('id', 'the incident id')
  async listNotes(@Param('id', ParseUuidPipe) id: string): Promise<NoteResponse[]> {
    return (await this.query.notes(id)).map(NoteResponse.ofEntry);
  }

  @Post(':id/notes')
  @MinRole('responder')
  @ApiOperation({ summary: "Add a note: a timeline entry, and a reply in the incident's Slack threads" })
  @ApiCreatedResponse({ type: NoteResponse, description: 'the note added' })
  @ApiErrors([400, 404, 413, 415], { 400: 'text missing, empty or longer than 4,000 characters' })
  @ApiUuidParam('id', 'the incident id')
  async addNote(@Param('id', ParseUuidPipe) id: string, @Body() dto: AddNoteDto, @CurrentPrincipal() p: Principal): Promise<NoteResponse> {
    return NoteResponse.of(await this.incidents.addNote(id, dto.text, apiActor(p)));
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @MinRole('responder')
  @ApiOperation({ summary: 'Acknowledge an incident: paging stops' })
  @ApiOkResponse({ type: IncidentResponse, description: 'the incident after the change' })
  @ApiErrors([400, 404, 409, 413, 415], { 409: 'the incident is resolved (incidentStatus in the body)' })
  @ApiUuidParam('id', 'the incident id')
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
  @ApiOperation({ summary: 'Resolve an incident' })
  @ApiOkResponse({ type: IncidentResponse, description: 'the incident after the change' })
  @ApiErrors([400, 404, 413, 415])
  @ApiUuidParam('id', 'the incident id')
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
  @ApiOperation({ summary: 'Escalate an incident to the next level of its policy now' })
  @ApiOkResponse({ type: IncidentResponse, description: 'the incident after the change' })
  @ApiErrors([400, 404, 409, 413, 415], { 409: 'the incident is resolved (incidentStatus in the body)' })
  @ApiUuidParam('id', 'the incident id')
  async escalate(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: IncidentActionDto,
    @CurrentPrincipal() p: Principal,
  ): Promise<IncidentResponse> {
    return IncidentResponse.of(await this.incidents.escalate(id, apiActor(p), dto.note));
  }
}
