import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, IsUUID, Length, ValidateNested, ValidateIf } from 'class-validator';
import { NoControlChars } from '../../common/validators';
import type { DirectPageTargetType } from '../../notifications/direct-pager.hook';

export const DIRECT_PAGE_TARGET_TYPES: readonly DirectPageTargetType[] = ['user', 'schedule', 'escalation-policy'];
const SEVERITIES = ['critical', 'error', 'warning', 'info'] as const;
export const MAX_TITLE_LENGTH = 1024;
export const MAX_DETAILS_LENGTH = 10_000;
export const MAX_TARGETS = 20;

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class DirectPageTargetDto {
  @ApiProperty({
    enum: DIRECT_PAGE_TARGET_TYPES,
    description: 'a user; whoever is on call on a schedule; or an escalation policy, run level by level (then it must be the only target)',
    example: 'schedule',
  })
  @IsIn(DIRECT_PAGE_TARGET_TYPES)
  type: DirectPageTargetType;

  @ApiProperty({ format: 'uuid', description: 'the user, schedule or escalation policy id', example: '6e1f0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b' })
  @IsUUID()
  id: string;
}

/** Optional fields may be absent, never null (null is checked, and refused, like any other value). Exactly one of `serviceId` and `targets` (checked by DirectPagingService, which names both fields). */
export class CreateIncidentDto {
  @ApiProperty({ minLength: 1, maxLength: MAX_TITLE_LENGTH, description: 'what is wrong, one line (trimmed)', example: 'Checkout returns 502 for EU customers' })
  @Transform(trimmed)
  @IsString()
  @Length(1, MAX_TITLE_LENGTH)
  @NoControlChars()
  title: string;

  @ApiPropertyOptional({ maxLength: MAX_DETAILS_LENGTH, description: 'more for the responder; line breaks kept', example: 'Started after the 14:02 deploy. Dashboard: https://grafana.example.com/d/checkout' })
  @ValidateIf((_, v) => v !== undefined)
  @IsString()
  @Length(0, MAX_DETAILS_LENGTH)
  details?: string;

  @ApiPropertyOptional({ enum: SEVERITIES, description: 'default critical: a person paging a person means it', example: 'critical' })
  @ValidateIf((_, v) => v !== undefined)
  @IsIn(SEVERITIES)
  severity?: (typeof SEVERITIES)[number];

  @ApiPropertyOptional({ format: 'uuid', description: "the service whose escalation policy pages (not with targets)", example: '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d' })
  @ValidateIf((_, v) => v !== undefined)
  @IsUUID()
  serviceId?: string;

  @ApiPropertyOptional({
    type: [DirectPageTargetDto],
    description: `who to page, all at once (1 to ${MAX_TARGETS}; not with serviceId); the incident belongs to the built-in Direct pages service`,
  })
  @ValidateIf((_, v) => v !== undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_TARGETS)
  @ValidateNested({ each: true })
  @Type(() => DirectPageTargetDto)
  targets?: DirectPageTargetDto[];
}
