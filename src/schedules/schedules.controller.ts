import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { MinRole, Public } from '../auth/auth.decorators';
import { Page, PageQuery } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { ScheduleOverridesService } from './schedule-overrides.service';
import {
  iso,
  isoOrNull,
  OnCallResponse,
  OverrideResponse,
  ReportResponse,
  ScheduleResponse,
  ShiftResponse,
  ShiftsResponse,
} from './schedule-responses.dto';
import { ICAL_WINDOW, ScheduleViewsService } from './schedule-views.service';
import { AtQuery, CreateOverrideDto, IcalQuery, ScheduleInputDto, WindowQuery } from './schedules.dto';
import { ScheduleView, SchedulesService } from './schedules.service';

const DAY_MS = 86_400_000;
const SHIFTS_DEFAULT = { backMs: 0, aheadMs: 7 * DAY_MS };
const REPORT_DEFAULT = { backMs: 30 * DAY_MS, aheadMs: 0 };

const toResponse = (v: ScheduleView): ScheduleResponse => ScheduleResponse.of(v.schedule, v);

@ApiTags('schedules')
@ApiBearerAuth()
@Controller('api/v1/schedules')
export class SchedulesController {
  constructor(
    private readonly schedules: SchedulesService,
    private readonly overrides: ScheduleOverridesService,
    private readonly views: ScheduleViewsService,
  ) {}

  @Post()
  @MinRole('admin')
  async create(@Body() dto: ScheduleInputDto): Promise<ScheduleResponse> {
    return toResponse(await this.schedules.create(dto));
  }

  @Get()
  @MinRole('read-only')
  async list(@Query() query: PageQuery): Promise<Page<ScheduleResponse>> {
    const page = await this.schedules.list(query);
    return { items: page.items.map(toResponse), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @MinRole('read-only')
  async get(@Param('id', ParseUuidPipe) id: string): Promise<ScheduleResponse> {
    return toResponse(await this.schedules.get(id));
  }

  /** Replaces name, timeZone and layers; overrides are kept. */
  @Put(':id')
  @MinRole('admin')
  async update(@Param('id', ParseUuidPipe) id: string, @Body() dto: ScheduleInputDto): Promise<ScheduleResponse> {
    return toResponse(await this.schedules.update(id, dto));
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
    const s = await this.views.onCall(id, query.at ? new Date(query.at) : undefined);
    return { at: iso(s.at), userId: s.userId, start: isoOrNull(s.start), end: isoOrNull(s.end) };
  }

  /** Default window: now to 7 days ahead; at most one year (400 naming `until`). */
  @Get(':id/shifts')
  @MinRole('read-only')
  async shifts(@Param('id', ParseUuidPipe) id: string, @Query() query: WindowQuery): Promise<ShiftsResponse> {
    const window = this.views.window(query, SHIFTS_DEFAULT);
    const shifts = await this.views.shifts(id, window);
    return { since: iso(window.since), until: iso(window.until), shifts: shifts.map(ShiftResponse.of) };
  }

  /** Fairness: hours on call per user and hours of gap. Default window: the last 30 days. */
  @Get(':id/report')
  @MinRole('read-only')
  async report(@Param('id', ParseUuidPipe) id: string, @Query() query: WindowQuery): Promise<ReportResponse> {
    const report = await this.views.report(id, this.views.window(query, REPORT_DEFAULT));
    return { ...report, since: iso(report.since), until: iso(report.until) };
  }

  /**
   * The final schedule as iCalendar (7 days back, 90 ahead). Calendar apps
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
    return this.views.ical(id, query.token, query.userId);
  }
}
