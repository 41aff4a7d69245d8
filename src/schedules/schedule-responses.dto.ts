import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Principal } from '../auth/api-keys.service';
import { hasRole } from '../auth/roles';
import { localIso, type Restriction, type RotationUnit, type Shift } from './resolution';
import type { FairnessReport, OnCallView } from './schedule-views.service';
import { ScheduleLayer } from './schedule-layer.entity';
import { ScheduleOverride } from './schedule-override.entity';
import { Schedule } from './schedule.entity';

const iso = (d: Date): string => d.toISOString();
const isoOrNull = (d: Date | null): string | null => (d ? d.toISOString() : null);

export class RotationResponse {
  @ApiProperty({ enum: ['hour', 'day', 'week'] }) unit: RotationUnit;
  @ApiProperty() length: number;
  @ApiProperty() handoff: string;
}

export class LayerResponse {
  @ApiProperty() name: string;
  @ApiProperty() start: string;
  @ApiProperty({ nullable: true, type: String }) end: string | null;
  @ApiProperty({ type: RotationResponse }) rotation: RotationResponse;
  @ApiProperty({ type: [String] }) users: string[];
  @ApiProperty({ type: 'array', items: { type: 'object' } }) restrictions: Restriction[];

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
  @ApiProperty() id: string;
  @ApiProperty() userId: string;
  @ApiProperty() start: string;
  @ApiProperty() end: string;
  @ApiProperty() createdAt: string;

  static of(o: ScheduleOverride): OverrideResponse {
    return { id: o.id, userId: o.userId, start: iso(o.startsAt), end: iso(o.endsAt), createdAt: iso(o.createdAt) };
  }
}

export class IntervalResponse {
  @ApiProperty() start: string;
  @ApiProperty() end: string;
}

export class ScheduleResponse {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() timeZone: string;
  @ApiProperty({ type: [LayerResponse] }) layers: LayerResponse[];
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
  })
  icalUrl: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;

  static of(
    s: Schedule,
    extra: { overrides: ScheduleOverride[]; nextGap: Shift | null; icalUrl: string | null },
  ): ScheduleResponse {
    return {
      id: s.id,
      name: s.name,
      timeZone: s.timeZone,
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
  @ApiProperty({ nullable: true, type: String, description: 'null = a gap' }) userId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the on-call user’s name; null in a gap', example: 'Alice Example' })
  userName: string | null;
  @ApiProperty({ example: '2026-03-08T13:00:00.000Z' }) start: string;
  @ApiProperty({ example: '2026-03-09T13:00:00.000Z' }) end: string;
  @ApiProperty({ description: `start ${LOCAL}`, example: '2026-03-08T09:00:00.000-04:00' }) startLocal: string;
  @ApiProperty({ description: `end ${LOCAL}`, example: '2026-03-09T09:00:00.000-04:00' }) endLocal: string;
}

export class ShiftsResponse {
  @ApiProperty() since: string;
  @ApiProperty() until: string;
  @ApiProperty({ description: 'the schedule’s IANA time zone, which the *Local fields are in', example: 'America/New_York' }) timeZone: string;
  @ApiProperty({ type: [ShiftResponse] }) shifts: ShiftResponse[];
}

export class OnCallResponse {
  @ApiProperty() at: string;
  @ApiProperty({ nullable: true, type: String, description: 'null = a gap' }) userId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the on-call user’s name; null in a gap', example: 'Alice Example' })
  userName: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'null when the segment starts more than a year before at' })
  start: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'null when the segment ends more than a year after at' })
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
  @ApiProperty() userId: string;
  @ApiProperty({ nullable: true, type: String, description: 'null once the user is deleted', example: 'Alice Example' }) userName: string | null;
  @ApiProperty({ description: 'hours on call in the window (final schedule, overrides included)' }) hours: number;
  @ApiProperty({ description: 'number of final-schedule segments of this user' }) shifts: number;
  @ApiProperty({ description: 'share of the window, 0..1' }) share: number;
}

export class ReportResponse {
  @ApiProperty({ description: 'the start of the window counted: the `since` asked for, or the schedule’s `createdAt` when that is later (at most `until`)' })
  since: string;
  @ApiProperty() until: string;
  @ApiProperty({ description: 'the `since` asked for (or its default), before clipping' }) requestedSince: string;
  @ApiProperty({ description: 'the schedule’s IANA time zone, which the *Local fields are in', example: 'America/New_York' }) timeZone: string;
  @ApiProperty({ description: `since ${LOCAL}` }) sinceLocal: string;
  @ApiProperty({ description: `until ${LOCAL}` }) untilLocal: string;
  @ApiProperty({ description: 'hours from since to until' }) totalHours: number;
  @ApiProperty() gapHours: number;
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
