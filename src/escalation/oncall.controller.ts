import { Controller, Get, Query } from '@nestjs/common';
import { MinRole } from '../auth/auth.decorators';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';
import { OnCallService, OnCallItem } from './oncall.service';

export class OnCallQuery {
  @ApiPropertyOptional({ description: 'instant (ISO-8601 with offset); default now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  at?: string;
}

class OnCallItemResponse {
  @ApiProperty() escalationPolicyId: string;
  @ApiProperty() level: number;
  @ApiProperty({ nullable: true, type: String }) scheduleId: string | null;
  @ApiProperty() userId: string;
  @ApiProperty({ nullable: true, type: String, description: 'null once the user is deleted', example: 'Alice Example' }) userName: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'start of the schedule segment containing `at` (UTC)' }) start: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'end of that segment: when this user hands off (UTC)' }) end: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the schedule’s IANA time zone; null for a user named directly', example: 'America/New_York' })
  timeZone: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'start in the schedule’s time zone, with its offset', example: '2026-02-23T09:00:00.000-05:00' })
  startLocal: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'end in the schedule’s time zone, with its offset', example: '2026-03-02T09:00:00.000-05:00' })
  endLocal: string | null;
}

class OnCallResponse {
  @ApiProperty() at: string;
  @ApiProperty({ type: [OnCallItemResponse] }) items: OnCallItem[];
}

@ApiTags('oncall')
@ApiBearerAuth()
@Controller('api/v1/oncall')
export class OnCallController {
  constructor(private readonly oncall: OnCallService) {}

  @Get()
  @MinRole('read-only')
  async get(@Query() q: OnCallQuery): Promise<OnCallResponse> {
    return this.oncall.at(q.at ? new Date(q.at) : undefined);
  }
}
