import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Principal } from '../auth/api-keys.service';
import { hasRole } from '../auth/roles';
import type { Restriction, RotationUnit, Shift } from './resolution';
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

export class OverrideListResponse {
  @ApiProperty({ type: [OverrideResponse], description: 'every override of the schedule, past ones included' }) items: OverrideResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'always null: the overrides fit on one page', example: null }) nextCursor: null;
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

export class ShiftResponse {
  @ApiProperty({ nullable: true, type: String }) userId: string | null;
  @ApiProperty() start: string;
  @ApiProperty() end: string;

  static of(s: Shift): ShiftResponse {
    return { userId: s.userId, start: iso(s.start), end: iso(s.end) };
  }
}

export class ShiftsResponse {
  @ApiProperty() since: string;
  @ApiProperty() until: string;
  @ApiProperty({ type: [ShiftResponse] }) shifts: ShiftResponse[];
}

export class OnCallResponse {
  @ApiProperty() at: string;
  @ApiProperty({ nullable: true, type: String, description: 'null = a gap' }) userId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'null when the segment starts more than a year before at' })
  start: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'null when the segment ends more than a year after at' })
  end: string | null;
}

export class UserHoursResponse {
  @ApiProperty() userId: string;
  @ApiProperty({ description: 'hours on call in the window (final schedule, overrides included)' }) hours: number;
  @ApiProperty({ description: 'number of final-schedule segments of this user' }) shifts: number;
  @ApiProperty({ description: 'share of the window, 0..1' }) share: number;
}

export class ReportResponse {
  @ApiProperty() since: string;
  @ApiProperty() until: string;
  @ApiProperty() totalHours: number;
  @ApiProperty() gapHours: number;
  @ApiProperty({ type: [UserHoursResponse], description: 'most hours first' }) users: UserHoursResponse[];
}

export { iso, isoOrNull };
