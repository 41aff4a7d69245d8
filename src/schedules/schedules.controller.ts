import { Body, Controller, Delete, Get, Header, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiPageResponse, ApiUuidParam } from '../common/api-docs';
import { CurrentPrincipal, MinRole, Public } from '../auth/auth.decorators';
import type { Principal } from '../auth/api-keys.service';
import { Page, PageQuery } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { ScheduleOverridesService } from './schedule-overrides.service';
import {
  iso,
  OnCallResponse,
  OverrideListResponse,
  OverrideResponse,
  ReportResponse,
  ScheduleResponse,
  seesIcalUrl,
  ShiftsResponse,
} from './schedule-responses.dto';
import { ICAL_WINDOW, ScheduleIcalService } from './schedule-ical.service';
import { ScheduleViewsService } from './schedule-views.service';
import { AtQuery, CreateOverrideDto, IcalQuery, ScheduleInputDto, SchedulePatchDto, WindowQuery } from './schedules.dto';
import { ScheduleView, SchedulesService } from './schedules.service';

const DAY_MS = 86_400_000;
const SHIFTS_DEFAULT = { backMs: 0, aheadMs: 7 * DAY_MS };
const REPORT_DEFAULT = { backMs: 30 * DAY_MS, aheadMs: 0 };

const toResponse = (v: ScheduleView, caller: Principal): ScheduleResponse =>
  ScheduleResponse.of(v.schedule, { ...v, icalUrl: seesIcalUrl(caller) ? v.icalUrl : null });

@ApiTags('schedules')
@Controller('api/v1/schedules')
export class SchedulesController {
  constructor(
    private readonly schedules: SchedulesService,
    private readonly overrides: ScheduleOverridesService,
    private readonly views: ScheduleViewsService,
    private readonly icalFeeds: ScheduleIcalService,
  ) {}

  @Post()
  @MinRole('admin')
  @ApiOperation({ summary: 'Create a schedule (layers of rotations, with restrictions)' })
  @ApiCreatedResponse({ type: ScheduleResponse, description: 'the schedule created' })
  @ApiErrors([400, 409, 413, 415])
  async create(@Body() dto: ScheduleInputDto, @CurrentPrincipal() principal: Principal): Promise<ScheduleResponse> {
    return toResponse(await this.schedules.create(dto), principal);
  }

  @Get()
  @MinRole('read-only')
  @ApiOperation({ summary: 'List schedules' })
  @ApiPageResponse(ScheduleResponse, 'one page of schedules, newest first')
  @ApiErrors([400])
  async list(@Query() query: PageQuery, @CurrentPrincipal() principal: Principal): Promise<Page<ScheduleResponse>> {
    const page = await this.schedules.list(query);
    return { items: page.items.map((v) => toResponse(v, principal)), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @MinRole('read-only')
  @ApiOperation({ summary: 'Get a schedule, with who is on call now and the next gap' })
  @ApiOkResponse({ type: ScheduleResponse, description: 'the schedule' })
  @ApiErrors([400, 404])
  @ApiUuidParam('id', 'the schedule id')
  async get(@Param('id', ParseUuidPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<ScheduleResponse> {
    return toResponse(await this.schedules.get(id), principal);
  }

  /** Replaces name, timeZone and layers; overrides are kept. */
  @Put(':id')
  @MinRole('admin')
  @ApiOperation({ summary: 'Replace a schedule' })
  @ApiOkResponse({ type: ScheduleResponse, description: 'the schedule after the change' })
  @ApiErrors([400, 404, 409, 413, 415])
  @ApiUuidParam('id', 'the schedule id')
  async update(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: ScheduleInputDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ScheduleResponse> {
    return toResponse(await this.schedules.update(id, dto), principal);
  }

  @Patch(':id')
  @MinRole('admin')
  @ApiOperation({ summary: 'Change some of a schedule’s name, time zone and layers; the rest is kept' })
  @ApiOkResponse({ type: ScheduleResponse, description: 'the schedule after the change' })
  @ApiErrors([400, 404, 409, 413, 415], { 400: 'a field given is invalid (each bad field is named), or null' })
  @ApiUuidParam('id', 'the schedule id')
  async patch(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: SchedulePatchDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ScheduleResponse> {
    return toResponse(await this.schedules.patch(id, dto), principal);
  }

  @Delete(':id')
  @MinRole('admin')
  @ApiOperation({ summary: 'Delete a schedule' })
  @ApiNoContentResponse({ description: 'deleted' })
  @ApiErrors([400, 404, 409], { 409: 'an escalation policy still targets the schedule' })
  @HttpCode(204)
  @ApiUuidParam('id', 'the schedule id')
  async remove(@Param('id', ParseUuidPipe) id: string): Promise<void> {
    await this.schedules.remove(id);
  }

  /** Responders may cover for each other: overrides need the responder role, not admin. */
  @Post(':id/overrides')
  @MinRole('responder')
  @ApiOperation({ summary: 'Add an override: someone else is on call for a while' })
  @ApiCreatedResponse({ type: OverrideResponse, description: 'the override created' })
  @ApiErrors([400, 404, 409, 413, 415], { 409: 'the schedule already holds the most overrides allowed: delete past ones first' })
  @ApiUuidParam('id', 'the schedule id')
  async addOverride(@Param('id', ParseUuidPipe) id: string, @Body() dto: CreateOverrideDto): Promise<OverrideResponse> {
    return OverrideResponse.of(await this.overrides.create(id, dto));
  }

  @Get(':id/overrides')
  @MinRole('read-only')
  @ApiOperation({ summary: "List a schedule's overrides" })
  @ApiOkResponse({ type: OverrideListResponse, description: "the schedule's overrides, on one page" })
  @ApiErrors([400, 404])
  @ApiUuidParam('id', 'the schedule id')
  async listOverrides(
    @Param('id', ParseUuidPipe) id: string,
    @Query() query: WindowQuery,
  ): Promise<{ items: OverrideResponse[]; nextCursor: null }> {
    const since = query.since ? new Date(query.since) : undefined;
    const until = query.until ? new Date(query.until) : undefined;
    return { items: (await this.overrides.list(id, since, until)).map(OverrideResponse.of), nextCursor: null };
  }

  @Delete(':id/overrides/:overrideId')
  @MinRole('responder')
  @ApiOperation({ summary: 'Delete an override' })
  @ApiNoContentResponse({ description: 'deleted' })
  @ApiErrors([400, 404])
  @HttpCode(204)
  @ApiUuidParam('id', 'the schedule id')
  @ApiUuidParam('overrideId', 'the override id')
  async removeOverride(
    @Param('id', ParseUuidPipe) id: string,
    @Param('overrideId', ParseUuidPipe) overrideId: string,
  ): Promise<void> {
    await this.overrides.remove(id, overrideId);
  }

  @Get(':id/oncall')
  @MinRole('read-only')
  @ApiOperation({ summary: 'Who is on call on a schedule at an instant (default now)' })
  @ApiOkResponse({ type: OnCallResponse, description: 'who is on call, and since and until when' })
  @ApiErrors([400, 404])
  @ApiUuidParam('id', 'the schedule id')
  async onCall(@Param('id', ParseUuidPipe) id: string, @Query() query: AtQuery): Promise<OnCallResponse> {
    return OnCallResponse.of(await this.views.onCall(id, query.at ? new Date(query.at) : undefined));
  }

  /** Default window: now to 7 days ahead; at most one year (400 naming `until`). */
  @Get(':id/shifts')
  @MinRole('read-only')
  @ApiOperation({ summary: 'The shifts of a schedule in a window (default the next 7 days)' })
  @ApiOkResponse({ type: ShiftsResponse, description: 'the shifts, overrides applied' })
  @ApiErrors([400, 404])
  @ApiUuidParam('id', 'the schedule id')
  async shifts(@Param('id', ParseUuidPipe) id: string, @Query() query: WindowQuery): Promise<ShiftsResponse> {
    const window = this.views.window(query, SHIFTS_DEFAULT);
    const { timeZone, shifts } = await this.views.shifts(id, window);
    return { since: iso(window.since), until: iso(window.until), timeZone, shifts };
  }

  /**
   * Fairness: hours on call per user and hours of gap. Default window: the last 30 days,
   * clipped at the schedule's creation.
   */
  @Get(':id/report')
  @MinRole('read-only')
  @ApiOperation({ summary: 'Hours on call per user in a window (default the last 30 days), and the gaps' })
  @ApiOkResponse({ type: ReportResponse, description: 'the fairness report' })
  @ApiErrors([400, 404])
  @ApiUuidParam('id', 'the schedule id')
  async report(@Param('id', ParseUuidPipe) id: string, @Query() query: WindowQuery): Promise<ReportResponse> {
    return ReportResponse.of(await this.views.report(id, this.views.window(query, REPORT_DEFAULT)));
  }

  /**
   * The final schedule as iCalendar (7 days before today's UTC midnight to 90
   * days after; cached per day and version, see ScheduleIcalService). Calendar apps
   * cannot send an API key, so this one route is authenticated by the
   * schedule's `token` instead; a missing or wrong token is a 404.
   */
  @Get(':id/ical')
  @Public("the schedule's calendar token in ?token=")
  @ApiOperation({ summary: "A schedule's shifts as an iCalendar feed (the schedule's calendar token is the credential)" })
  @ApiErrors([400, 404], { 404: 'no such schedule, or a missing or wrong token' })
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, max-age=300')
  @ApiProduces('text/calendar')
  @ApiOkResponse({
    description: `iCalendar; window ${ICAL_WINDOW.backMs / DAY_MS} days back to ${ICAL_WINDOW.aheadMs / DAY_MS} ahead`,
    content: { 'text/calendar': { schema: { type: 'string', description: 'an iCalendar (RFC 5545) document, one event per shift' }, example: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\n...\r\nEND:VCALENDAR\r\n' } },
  })
  @ApiUuidParam('id', 'the schedule id')
  ical(@Param('id', ParseUuidPipe) id: string, @Query() query: IcalQuery): Promise<string> {
    return this.icalFeeds.feed(id, query.token, query.userId);
  }
}
