import { Controller, Get, Query } from '@nestjs/common';
import { MinRole } from '../auth/auth.decorators';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-docs';
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
  @ApiProperty({ nullable: true, type: String }) start: string | null;
  @ApiProperty({ nullable: true, type: String }) end: string | null;
}

class OnCallResponse {
  @ApiProperty() at: string;
  @ApiProperty({ type: [OnCallItemResponse] }) items: OnCallItem[];
}

@ApiTags('oncall')
@Controller('api/v1/oncall')
export class OnCallController {
  constructor(private readonly oncall: OnCallService) {}

  @Get()
  @MinRole('read-only')
  @ApiOperation({ summary: 'Who is on call at an instant (default now), for every escalation policy level' })
  @ApiOkResponse({ type: OnCallResponse, description: 'one item per person on call per policy level' })
  @ApiErrors([400])
  async get(@Query() q: OnCallQuery): Promise<OnCallResponse> {
    return this.oncall.at(q.at ? new Date(q.at) : undefined);
  }
}
