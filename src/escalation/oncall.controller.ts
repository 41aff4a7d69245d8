import { Controller, Get, Query } from '@nestjs/common';
import { MinRole } from '../auth/auth.decorators';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-docs';
import { IsISO8601, IsOptional } from 'class-validator';
import { OnCallService, OnCallItem } from './oncall.service';

export class OnCallQuery {
  @ApiPropertyOptional({ description: 'instant (ISO-8601 with offset); default now', example: '2026-11-30T12:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  at?: string;
}

class PoliciesOnCallItemResponse {
  @ApiProperty({ description: 'the policy', format: 'uuid', example: '1c8d902b-6f4a-4c3d-9e7a-5d0c9a2e8f1b' }) escalationPolicyId: string;
  @ApiProperty({ description: 'the level of the policy (0-based)', example: 0 }) level: number;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'the schedule that puts the user on call; null: a direct user target', example: '6e1f0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b' })
  scheduleId: string | null;
  @ApiProperty({ description: 'who is on call', format: 'uuid', example: '3f2a1b0c-7d6e-4a5b-9c8d-1e2f3a4b5c6d' }) userId: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'on call since (schedules only)', example: '2026-11-30T14:00:00.000Z' })
  start: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'on call until (schedules only)', example: '2026-12-07T14:00:00.000Z' })
  end: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'null once the user is deleted', example: 'Alice Example' }) userName: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the schedule’s IANA time zone; null for a user named directly', example: 'America/New_York' })
  timeZone: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'start in the schedule’s time zone, with its offset', example: '2026-02-23T09:00:00.000-05:00' })
  startLocal: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'end in the schedule’s time zone, with its offset', example: '2026-03-02T09:00:00.000-05:00' })
  endLocal: string | null;
}

class PoliciesOnCallResponse {
  @ApiProperty({ description: 'the instant asked about; ISO 8601, UTC', format: 'date-time', example: '2026-11-30T12:00:00.000Z' }) at: string;
  @ApiProperty({ type: [PoliciesOnCallItemResponse], description: 'one item per person on call per policy level' }) items: OnCallItem[];
}

@ApiTags('oncall')
@Controller('api/v1/oncall')
export class OnCallController {
  constructor(private readonly oncall: OnCallService) {}

  @Get()
  @MinRole('read-only')
  @ApiOperation({ summary: 'Who is on call at an instant (default now), for every escalation policy level' })
  @ApiOkResponse({ type: PoliciesOnCallResponse, description: 'one item per person on call per policy level' })
  @ApiErrors([400])
  async get(@Query() q: OnCallQuery): Promise<PoliciesOnCallResponse> {
    return this.oncall.at(q.at ? new Date(q.at) : undefined);
  }
}
