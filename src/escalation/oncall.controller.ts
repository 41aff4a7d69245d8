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
  @ApiProperty({ nullable: true, type: String }) start: string | null;
  @ApiProperty({ nullable: true, type: String }) end: string | null;
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
