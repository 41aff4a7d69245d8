import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  registerDecorator,
  ValidateIf,
  ValidateNested,
  ValidationOptions,
} from 'class-validator';
import { HH_MM, IsIanaZone, NoControlChars } from '../common/validators';
import { RotationUnit, Weekday, WEEKDAYS } from './resolution';

export const MAX_LAYERS = 20;
export const MAX_USERS_PER_LAYER = 500;
export const MAX_RESTRICTIONS_PER_LAYER = 50;
const ROTATION_UNITS: RotationUnit[] = ['hour', 'day', 'week'];

/** ISO-8601 date-time with an explicit offset or `Z` (docs/schedules.md: every instant carries its offset). */
const INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,9})?)?(Z|[+-]\d\d:?\d\d)$/i;

export function isInstant(value: unknown): value is string {
  return typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

export function IsInstant(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isInstant',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} must be an ISO-8601 instant with an offset, e.g. 2026-03-08T09:00:00-04:00`, ...options },
      validator: { validate: isInstant },
    });
}

export class RestrictionDto {
  @ApiProperty({ enum: ['daily', 'weekly'], description: 'daily: the same hours every day; weekly: from a day and time to a day and time', example: 'weekly' })
  @IsIn(['daily', 'weekly'])
  type: 'daily' | 'weekly';

  @ApiPropertyOptional({ enum: WEEKDAYS, description: 'weekly only', example: 'mon' })
  @ValidateIf((r: RestrictionDto) => r.type === 'weekly' || r.startDay !== undefined)
  @IsIn(WEEKDAYS as string[], { message: 'startDay must be one of mon, tue, wed, thu, fri, sat, sun' })
  startDay?: Weekday;

  @ApiProperty({ example: '09:00', description: 'HH:mm, local to the schedule zone' })
  @Matches(HH_MM, { message: 'startTime must be HH:mm (00:00-23:59)' })
  startTime: string;

  @ApiPropertyOptional({ enum: WEEKDAYS, description: 'weekly only', example: 'fri' })
  @ValidateIf((r: RestrictionDto) => r.type === 'weekly' || r.endDay !== undefined)
  @IsIn(WEEKDAYS as string[], { message: 'endDay must be one of mon, tue, wed, thu, fri, sat, sun' })
  endDay?: Weekday;

  @ApiProperty({ example: '17:00', description: 'HH:mm; at or before startTime wraps past midnight (or the week end)' })
  @Matches(HH_MM, { message: 'endTime must be HH:mm (00:00-23:59)' })
  endTime: string;
}

export class RotationDto {
  @ApiProperty({ enum: ROTATION_UNITS, description: 'the unit of a turn', example: 'week' })
  @IsIn(ROTATION_UNITS)
  unit: RotationUnit;

  @ApiProperty({ minimum: 1, maximum: 10_000, description: 'how many units a turn lasts', example: 1 })
  @IsInt()
  @Min(1)
  @Max(10_000)
  length: number;

  @ApiProperty({ example: '2026-03-02T09:00:00-05:00', description: 'the instant at which users[0] begins a turn' })
  @IsInstant()
  handoff: string;
}

export class LayerDto {
  @ApiPropertyOptional({ example: 'Primary', description: 'defaults to "Layer <n>"' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @NoControlChars()
  name?: string;

  @ApiProperty({ description: 'when the layer starts applying (ISO 8601 with an offset)', example: '2026-03-02T09:00:00-05:00' })
  @IsInstant()
  start: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'exclusive; null or absent = forever', example: null })
  @IsOptional()
  @IsInstant()
  end?: string | null;

  @ApiProperty({ type: RotationDto, description: 'how turns pass between users' })
  @ValidateNested()
  @Type(() => RotationDto)
  rotation: RotationDto;

  @ApiProperty({
    type: [String],
    description: `rotation order (user ids; repeats allowed; at most ${MAX_USERS_PER_LAYER})`,
    example: ['3f2a1b0c-7d6e-4a5b-9c8d-1e2f3a4b5c6d'],
  })
  @IsArray()
  @ArrayMaxSize(MAX_USERS_PER_LAYER)
  @IsUUID('all', { each: true })
  users: string[];

  @ApiPropertyOptional({ type: [RestrictionDto], description: 'union of local windows; empty or absent = always' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_RESTRICTIONS_PER_LAYER)
  @ValidateNested({ each: true })
  @Type(() => RestrictionDto)
  restrictions?: RestrictionDto[];
}

export class ScheduleInputDto {
  @ApiProperty({ description: 'the name', example: 'Platform primary', minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  @NoControlChars()
  name: string;

  @ApiProperty({ description: 'IANA time zone of handoffs and restrictions', example: 'America/New_York' })
  @IsIanaZone()
  timeZone: string;

  @ApiProperty({ type: [LayerDto], description: `bottom to top: the last active layer decides (at most ${MAX_LAYERS})` })
  @IsArray()
  @ArrayMaxSize(MAX_LAYERS)
  @ValidateNested({ each: true })
  @Type(() => LayerDto)
  layers: LayerDto[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'a Slack channel told "On call now" at every change of the final on-call user; null: none (absent on PUT or PATCH: kept)',
    example: 'C024BE91L',
  })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @Matches(/^[CGD][A-Z0-9]{2,}$/, { message: 'slackChannelId must be a Slack channel id such as C024BE91L' })
  slackChannelId?: string | null;
}

/** PATCH: any of name, timeZone and layers, each checked as on create; what is absent is kept. */
export class SchedulePatchDto extends PartialType(ScheduleInputDto) {}

export class CreateOverrideDto {
  @ApiProperty({ description: 'who is on call instead', format: 'uuid', example: '3f2a1b0c-7d6e-4a5b-9c8d-1e2f3a4b5c6d' })
  @IsUUID('all')
  userId: string;

  @ApiProperty({ description: 'when the override starts (ISO 8601 with an offset)', example: '2026-03-08T09:00:00-04:00' })
  @IsInstant()
  start: string;

  @ApiProperty({ example: '2026-03-08T17:00:00-04:00', description: 'exclusive; must be after start' })
  @IsInstant()
  end: string;
}

/** `?since=&until=` for renderings; both default from "now" (see the controller). */
export class WindowQuery {
  @ApiPropertyOptional({ description: 'ISO-8601 instant; default now', example: '2026-11-30T00:00:00Z' })
  @IsOptional()
  @IsInstant()
  since?: string;

  @ApiPropertyOptional({ description: 'ISO-8601 instant; default since + 7 days; at most one year after since', example: '2026-12-07T00:00:00Z' })
  @IsOptional()
  @IsInstant()
  until?: string;
}

export class AtQuery {
  @ApiPropertyOptional({ description: 'ISO-8601 instant; default now', example: '2026-11-30T12:00:00Z' })
  @IsOptional()
  @IsInstant()
  at?: string;
}

export class IcalQuery {
  @ApiPropertyOptional({ description: 'the token of the schedule’s icalUrl (from GET /schedules/{id})', example: 'b3f1c2d4e5a6978812345678' })
  @IsOptional()
  @IsString()
  token?: string;

  @ApiPropertyOptional({ description: 'only the shifts of this user', format: 'uuid', example: '3f2a1b0c-7d6e-4a5b-9c8d-1e2f3a4b5c6d' })
  @IsOptional()
  @IsUUID('all')
  userId?: string;
}
