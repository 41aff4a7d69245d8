import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Principal } from '../auth/api-keys.service';
import { hasRole } from '../auth/roles';
import { localIso, type Restriction, type RotationUnit, type Shift } from './resolution';
import type { FairnessReport, OnCallView } from './schedule-views.service';
import { ScheduleLayer } from './schedule-layer.entity';
import { ScheduleOverride } from './schedule-override.entity';
import { Schedule } from './schedule.entity';
import { RestrictionDto } from './schedules.dto';

const iso = (d: Date): string => d.toISOString();
const isoOrNull = (d: Date | null): string | null => (d ? d.toISOString() : null);

export class RotationResponse {
  @ApiProperty({ enum: ['hour', 'day', 'week'], description: 'the unit of a turn', example: 'week' }) unit: RotationUnit;
  @ApiProperty({ description: 'how many units a turn lasts', example: 1 }) length: number;
  @ApiProperty({ description: 'an instant at which users[0] begins a turn; ISO 8601, UTC', format: 'date-time', example: '2026-03-02T14:00:00.000Z' }) handoff: string;
}

export class LayerResponse {
  @ApiProperty({ description: 'the layer name', example: 'Primary' }) name: string;
  @ApiProperty({ description: 'when the layer starts applying; ISO 8601, UTC', format: 'date-time', example: '2026-03-02T14:00:00.000Z' }) start: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'when it stops applying (exclusive); null: never', example: null }) end: string | null;
  @ApiProperty({ type: RotationResponse, description: 'how turns pass between users' }) rotation: RotationResponse;
  @ApiProperty({ type: [String], description: 'the rotation order (user ids)', example: ['3f2a1b0c-7d6e-4a5b-9c8d-1e2f3a4b5c6d'] }) users: string[];
  @ApiProperty({ type: [RestrictionDto], description: 'the local windows the layer applies in; empty: always' }) restrictions: Restriction[];

  static of(l: ScheduleLayer): LayerResponse {
    return {
      name: l.name,
      start: iso(l.startsAt),
      end: isoOrNull(l.endsAt),
      rotation: { unit: l.rotationUnit, length: l.rotationLength, handoff: iso(l.handoffAt) },
      users: [...(l.users ?? [])].sort((a, b) => a.position - b.position).map((u) => u.userId),
      restrictions: l.restrictions,
    };
  }
}

export class OverrideResponse {
  @ApiProperty({ description: 'override id', format: 'uuid', example: '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f' }) id: string;
  @ApiProperty({ description: 'who is on call instead', format: 'uuid', example: '3f2a1b0c-7d6e-4a5b-9c8d-1e2f3a4b5c6d' }) userId: string;
  @ApiProperty({ description: 'ISO 8601, UTC', format: 'date-time', example: '2026-03-08T13:00:00.000Z' }) start: string;
  @ApiProperty({ description: 'exclusive; ISO 8601, UTC', format: 'date-time', example: '2026-03-08T21:00:00.000Z' }) end: string;
  @ApiProperty({ description: 'ISO 8601, UTC', format: 'date-time', example: '2026-11-30T09:00:00.000Z' }) createdAt: string;

  static of(o: ScheduleOverride): OverrideResponse {
    return { id: o.id, userId: o.userId, start: iso(o.startsAt), end: iso(o.endsAt), createdAt: iso(o.createdAt) };
  }
}

export class OverrideListResponse {
  @ApiProperty({ type: [OverrideResponse], description: 'every override of the schedule, past ones included' }) items: OverrideResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'always null: the overrides fit on one page', example: null }) nextCursor: null;
}

export class IntervalResponse {
  @ApiProperty({ description: 'ISO 8601, UTC', format: 'date-time', example: '2026-12-01T22:00:00.000Z' }) start: string;
  @ApiProperty({ description: 'exclusive; ISO 8601, UTC', format: 'date-time', example: '2026-12-02T06:00:00.000Z' }) end: string;
}

export class ScheduleResponse {
  @ApiProperty({ description: 'schedule id', format: 'uuid', example: '6e1f0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b' }) id: string;
  @ApiProperty({ description: 'the name', example: 'Platform primary' }) name: string;
  @ApiProperty({ description: 'IANA time zone of handoffs and restrictions', example: 'America/New_York' }) timeZone: string;
  @ApiProperty({ nullable: true, type: String, description: 'the Slack channel told "On call now"; null: none', example: 'C024BE91L' })
  slackChannelId: string | null;
  @ApiProperty({ type: [LayerResponse], description: 'bottom to top: the last active layer decides' }) layers: LayerResponse[];
  @ApiProperty({ type: [OverrideResponse], description: 'overrides that have not ended yet; all of them: GET .../overrides' })
  overrides: OverrideResponse[];
  @ApiPropertyOptional({
    type: IntervalResponse,
    nullable: true,
    description: 'the first gap in the next 14 days (its end is cut at the 14-day horizon), or null',
  })
  nextGap: IntervalResponse | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'iCalendar feed for calendar apps; the token in it is the only credential needed, so read-only keys get null',
    example: 'https://klaxon.example.org/api/v1/schedules/6e1f0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b/ical?token=b3f1c2d4e5a6978812345678',
  })
  icalUrl: string | null;
  @ApiProperty({ description: 'ISO 8601, UTC', format: 'date-time', example: '2026-11-30T09:00:00.000Z' }) createdAt: string;
  @ApiProperty({ description: 'ISO 8601, UTC', format: 'date-time', example: '2026-11-30T09:00:00.000Z' }) updatedAt: string;

  static of(
    s: Schedule,
    extra: { overrides: ScheduleOverride[]; nextGap: Shift | null; icalUrl: string | null },
  ): ScheduleResponse {
    return {
      id: s.id,
      name: s.name,
      timeZone: s.timeZone,
      slackChannelId: s.slackChannelId ?? null,
      layers: [...(s.layers ?? [])].sort((a, b) => a.position - b.position).map(LayerResponse.of),
      overrides: extra.overrides.map(OverrideResponse.of),
      nextGap: extra.nextGap ? { start: iso(extra.nextGap.start), end: iso(extra.nextGap.end) } : null,
      icalUrl: extra.icalUrl,
      createdAt: iso(s.createdAt),
      updatedAt: iso(s.updatedAt),
    };
  }
}

/** The feed token reads the whole schedule without an API key: responder and admin keys see it, read-only keys do not. */
export function seesIcalUrl(principal: Pick<Principal, 'role'> | undefined): boolean {
  return hasRole(principal, 'responder');
}

const LOCAL = 'in the schedule’s time zone, with its offset at that instant';

export class ShiftResponse {
  @ApiProperty({ nullable: true, type: String, format: 'uuid', example: '3f2a1b0c-7d6e-4a5b-9c8d-1e2f3a4b5c6d', description: 'who is on call; null: a gap' }) userId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the on-call user’s name; null in a gap', example: 'Alice Example' })
  userName: string | null;
  @ApiProperty({ description: 'ISO 8601, UTC', format: 'date-time', example: '2026-03-08T13:00:00.000Z' }) start: string;
  @ApiProperty({ description: 'exclusive; ISO 8601, UTC', format: 'date-time', example: '2026-03-09T13:00:00.000Z' }) end: string;
  @ApiProperty({ description: `start ${LOCAL}`, example: '2026-03-08T09:00:00.000-04:00' }) startLocal: string;
  @ApiProperty({ description: `end ${LOCAL}`, example: '2026-03-09T09:00:00.000-04:00' }) endLocal: string;
}

export class ShiftsResponse {
  @ApiProperty({ description: 'the window start; ISO 8601, UTC', format: 'date-time', example: '2026-11-30T00:00:00.000Z' }) since: string;
  @ApiProperty({ description: 'the window end (exclusive); ISO 8601, UTC', format: 'date-time', example: '2026-12-07T00:00:00.000Z' }) until: string;
  @ApiProperty({ description: 'the schedule’s IANA time zone, which the *Local fields are in', example: 'America/New_York' }) timeZone: string;
  @ApiProperty({ type: [ShiftResponse], description: 'the final schedule in the window, overrides applied, cut at its edges' }) shifts: ShiftResponse[];
}

export class OnCallResponse {
  @ApiProperty({ description: 'the instant asked about; ISO 8601, UTC', format: 'date-time', example: '2026-11-30T12:00:00.000Z' }) at: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', example: '3f2a1b0c-7d6e-4a5b-9c8d-1e2f3a4b5c6d', description: 'who is on call; null: a gap' }) userId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the on-call user’s name; null in a gap', example: 'Alice Example' })
  userName: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'since when; null when the segment starts more than a year before at', example: '2026-11-30T14:00:00.000Z' })
  start: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'until when; null when the segment ends more than a year after at', example: '2026-12-07T14:00:00.000Z' })
  end: string | null;
  @ApiProperty({ description: 'the schedule’s IANA time zone, which the *Local fields are in', example: 'America/New_York' }) timeZone: string;
  @ApiProperty({ description: `at ${LOCAL}`, example: '2026-03-02T04:00:00.000-05:00' }) atLocal: string;
  @ApiProperty({ nullable: true, type: String, description: `the handoff that began the segment, ${LOCAL}`, example: '2026-02-23T09:00:00.000-05:00' })
  startLocal: string | null;
  @ApiProperty({ nullable: true, type: String, description: `the next handoff, ${LOCAL}`, example: '2026-03-02T09:00:00.000-05:00' })
  endLocal: string | null;

  static of(v: OnCallView): OnCallResponse {
    return {
      at: iso(v.at),
      userId: v.userId,
      userName: v.userName,
      start: isoOrNull(v.start),
      end: isoOrNull(v.end),
      timeZone: v.timeZone,
      atLocal: localIso(v.at, v.timeZone),
      startLocal: v.start ? localIso(v.start, v.timeZone) : null,
      endLocal: v.end ? localIso(v.end, v.timeZone) : null,
    };
  }
}

export class UserHoursResponse {
  @ApiProperty({ description: 'the user', format: 'uuid', example: '3f2a1b0c-7d6e-4a5b-9c8d-1e2f3a4b5c6d' }) userId: string;
  @ApiProperty({ nullable: true, type: String, description: 'null once the user is deleted', example: 'Alice Example' }) userName: string | null;
  @ApiProperty({ description: 'hours on call in the window (final schedule, overrides included)', example: 84 }) hours: number;
  @ApiProperty({ description: 'number of final-schedule segments of this user', example: 2 }) shifts: number;
  @ApiProperty({ description: 'share of the window, 0..1', example: 0.5 }) share: number;
}

export class ReportResponse {
  @ApiProperty({
    description: 'the start of the window counted: the `since` asked for, or the schedule’s `createdAt` when that is later (at most `until`); ISO 8601, UTC',
    format: 'date-time',
    example: '2026-10-31T00:00:00.000Z',
  })
  since: string;
  @ApiProperty({ description: 'the window end (exclusive); ISO 8601, UTC', format: 'date-time', example: '2026-11-30T00:00:00.000Z' }) until: string;
  @ApiProperty({ description: 'the `since` asked for (or its default), before clipping', format: 'date-time', example: '2026-10-31T00:00:00.000Z' })
  requestedSince: string;
  @ApiProperty({ description: 'the schedule’s IANA time zone, which the *Local fields are in', example: 'America/New_York' }) timeZone: string;
  @ApiProperty({ description: `since ${LOCAL}`, example: '2026-10-30T20:00:00.000-04:00' }) sinceLocal: string;
  @ApiProperty({ description: `until ${LOCAL}`, example: '2026-11-29T19:00:00.000-05:00' }) untilLocal: string;
  @ApiProperty({ description: 'hours from since to until', example: 720 }) totalHours: number;
  @ApiProperty({ description: 'hours with nobody on call', example: 0 }) gapHours: number;
  @ApiProperty({ type: [UserHoursResponse], description: 'most hours first' }) users: UserHoursResponse[];

  static of(r: FairnessReport): ReportResponse {
    return {
      since: iso(r.since),
      until: iso(r.until),
      requestedSince: iso(r.requestedSince),
      timeZone: r.timeZone,
      sinceLocal: localIso(r.since, r.timeZone),
      untilLocal: localIso(r.until, r.timeZone),
      totalHours: r.totalHours,
      gapHours: r.gapHours,
      users: r.users,
    };
  }
}

export { iso, isoOrNull };
