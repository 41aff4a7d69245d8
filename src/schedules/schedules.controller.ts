import { Body, Controller, Delete, Get, Header, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, MinRole, Public } from '../auth/auth.decorators';
import type { Principal } from '../auth/api-keys.service';
import { Page, PageQuery } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { ScheduleOverridesService } from './schedule-overrides.service';
import {
  iso,
  OnCallResponse,
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
@ApiBearerAuth()
@Controller('api/v1/schedules')
export class SchedulesController {
  constructor(
    private readonly schedules: SchedulesService,
    private readonly overrides: ScheduleOverridesService,
    private readonly views: ScheduleViewsService,
    private readonly icalFeeds: ScheduleIcalService,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: ScheduleResponse })
  @MinRole('admin')
  async create(@Body() dto: ScheduleInputDto, @CurrentPrincipal() principal: Principal): Promise<ScheduleResponse> {
    return toResponse(await this.schedules.create(dto), principal);
  }

  @Get()
  @MinRole('read-only')
  async list(@Query() query: PageQuery, @CurrentPrincipal() principal: Principal): Promise<Page<ScheduleResponse>> {
    const page = await this.schedules.list(query);
    return { items: page.items.map((v) => toResponse(v, principal)), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOkResponse({ type: ScheduleResponse })
  @MinRole('read-only')
  async get(@Param('id', ParseUuidPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<ScheduleResponse> {
    return toResponse(await this.schedules.get(id), principal);
  }

  /** Replaces name, timeZone and layers; overrides are kept. */
  @Put(':id')
  @ApiOkResponse({ type: ScheduleResponse })
  @MinRole('admin')
  async update(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: ScheduleInputDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ScheduleResponse> {
    return toResponse(await this.schedules.update(id, dto), principal);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change some of a schedule’s name, time zone and layers; the rest is kept' })
  @ApiOkResponse({ type: ScheduleResponse })
  @ApiBadRequestResponse({ description: 'a field given is invalid (each bad field is named), or null' })
  @ApiNotFoundResponse({ description: 'no schedule has this id' })
  @MinRole('admin')
  async patch(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: SchedulePatchDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ScheduleResponse> {
    return toResponse(await this.schedules.patch(id, dto), principal);
  }

  @Delete(':id')
  @MinRole('admin')
  @HttpCode(204)
  async remove(@Param('id', ParseUuidPipe) id: string): Promise<void> {
    await this.schedules.remove(id);
  }

  /** Responders may cover for each other: overrides need the responder role, not admin. */
  @Post(':id/overrides')
  @MinRole('responder')
  async addOverride(@Param('id', ParseUuidPipe) id: string, @Body() dto: CreateOverrideDto): Promise<OverrideResponse> {
    return OverrideResponse.of(await this.overrides.create(id, dto));
  }

  @Get(':id/overrides')
  @MinRole('read-only')
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
  @HttpCode(204)
  async removeOverride(
    @Param('id', ParseUuidPipe) id: string,
    @Param('overrideId', ParseUuidPipe) overrideId: string,
  ): Promise<void> {
    await this.overrides.remove(id, overrideId);
  }

  @Get(':id/oncall')
  @MinRole('read-only')
  async onCall(@Param('id', ParseUuidPipe) id: string, @Query() query: AtQuery): Promise<OnCallResponse> {
    return OnCallResponse.of(await this.views.onCall(id, query.at ? new Date(query.at) : undefined));
  }

  /** Default window: now to 7 days ahead; at most one year (400 naming `until`). */
  @Get(':id/shifts')
  @MinRole('read-only')
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
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, max-age=300')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: `iCalendar; window ${ICAL_WINDOW.backMs / DAY_MS} days back to ${ICAL_WINDOW.aheadMs / DAY_MS} ahead` })
  ical(@Param('id', ParseUuidPipe) id: string, @Query() query: IcalQuery): Promise<string> {
    return this.icalFeeds.feed(id, query.token, query.userId);
  }
}
