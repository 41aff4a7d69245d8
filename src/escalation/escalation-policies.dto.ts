import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { NoControlChars } from '../common/validators';
import type { PolicyWarning } from './planner';
import { EscalationPolicy } from './escalation-policy.entity';

export class PolicyTargetDto {
  @ApiProperty({
    enum: ['user', 'schedule', 'webhook', 'chat'],
    description:
      'a user, whoever is on call on a schedule, an outgoing webhook (paged by a delivery of incident.triggered or incident.escalated), or a chat destination (the team\'s room is paged)',
    example: 'schedule',
  })
  @IsIn(['user', 'schedule', 'webhook', 'chat'])
  type: 'user' | 'schedule' | 'webhook' | 'chat';

  @ApiProperty({ format: 'uuid', description: 'the user, schedule, webhook or chat destination id', example: '6e1f0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b' })
  @IsUUID()
  id: string;
}

export class PolicyLevelDto {
  @ApiProperty({
    minimum: 1,
    maximum: 1440,
    description: 'minutes to wait for an acknowledgement after this level is paged before escalating to the next level',
    example: 15,
  })
  @IsInt()
  @Min(1)
  @Max(1440)
  delayMinutes: number;

  @ApiProperty({ type: [PolicyTargetDto], description: 'who is paged at this level (at most 50); all of them at once' })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PolicyTargetDto)
  targets: PolicyTargetDto[];
}

export class EscalationPolicyDto {
  @ApiProperty({ description: 'unique among policies', example: 'Payments primary', minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  @NoControlChars()
  name: string;

  @ApiProperty({ minimum: 0, maximum: 9, description: 'how many times to start again at level 0 after the last level', example: 1 })
  @IsInt()
  @Min(0)
  @Max(9)
  repeat: number;

  @ApiProperty({ type: [PolicyLevelDto], description: 'the levels in order (1 to 20)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PolicyLevelDto)
  levels: PolicyLevelDto[];
}

export class PolicyWarningResponse {
  @ApiProperty({
    enum: [
      'no-levels',
      'empty-level',
      'unknown-user',
      'user-unreachable',
      'unknown-schedule',
      'schedule-gap',
      'unknown-webhook',
      'webhook-disabled',
      'unknown-chat-destination',
      'chat-destination-disabled',
    ],
    description: 'what kind of problem',
    example: 'user-unreachable',
  })
  code: string;
  @ApiProperty({ description: 'the problem, for a person', example: 'Level 1: Ada Lovelace has no enabled contact method' }) message: string;
  @ApiProperty({ type: Number, nullable: true, description: 'the level concerned (0-based); null for the whole policy', example: 0 })
  level: number | null;
  @ApiProperty({ type: PolicyTargetDto, nullable: true, description: 'the target concerned; null for a level or the whole policy' })
  target: PolicyTargetDto | null;
}

export class EscalationPolicyResponse {
  @ApiProperty({ description: 'policy id', format: 'uuid', example: '1c8d902b-6f4a-4c3d-9e7a-5d0c9a2e8f1b' }) id: string;
  @ApiProperty({ description: 'the name', example: 'Payments primary' }) name: string;
  @ApiProperty({ description: 'how many times to start again at level 0 after the last level', example: 1 }) repeat: number;
  @ApiProperty({ type: [PolicyLevelDto], description: 'the levels in order' }) levels: PolicyLevelDto[];
  @ApiProperty({ description: 'ISO 8601, UTC', format: 'date-time', example: '2026-11-30T09:00:00.000Z' }) createdAt: string;
  @ApiProperty({ description: 'ISO 8601, UTC', format: 'date-time', example: '2026-11-30T09:00:00.000Z' }) updatedAt: string;
  @ApiProperty({ type: [PolicyWarningResponse], description: 'targets that cannot be reached now or in the next 7 days' })
  warnings: PolicyWarning[];

  static of(p: EscalationPolicy, warnings: PolicyWarning[]): EscalationPolicyResponse {
    return {
      id: p.id,
      name: p.name,
      repeat: p.repeat,
      levels: p.levels,
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
      warnings,
    };
  }
}
