import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsUUID } from 'class-validator';
import type { WeeklyIncidentFigures } from './incident-reports.repository';

/** A range of incident opening times, [since, until). */
export class IncidentRangeQuery {
  @ApiPropertyOptional({ description: 'start of the range, inclusive (ISO 8601); default: 30 days before `until`', example: '2026-03-02T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  since?: string;

  @ApiPropertyOptional({ description: 'end of the range, exclusive (ISO 8601); default: now', example: '2026-04-01T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  until?: string;
}

export class IncidentReportQuery extends IncidentRangeQuery {
  @ApiPropertyOptional({ description: 'only this service', example: '5b1f7f3e-8f0c-4a53-9d8e-2f4b7c1d9a10' })
  @IsOptional()
  @IsUUID()
  serviceId?: string;
}

export class WeeklyIncidentFiguresResponse {
  @ApiProperty({ description: 'the service', example: '5b1f7f3e-8f0c-4a53-9d8e-2f4b7c1d9a10' }) serviceId: string;
  @ApiProperty({ description: 'the service name', example: 'Checkout API' }) serviceName: string;
  @ApiProperty({ description: 'ISO 8601 week (Monday to Sunday, UTC) the incidents opened in', example: '2026-W10' }) week: string;
  @ApiProperty({ description: 'the Monday 00:00 UTC that starts the week', example: '2026-03-02T00:00:00.000Z' }) weekStart: string;
  @ApiProperty({ description: 'incidents opened in the week (and in the range)', example: 12 }) opened: number;
  @ApiProperty({ description: 'of those, how many are or were acknowledged', example: 10 }) acknowledged: number;
  @ApiProperty({ description: 'of those, how many are resolved', example: 11 }) resolved: number;
  @ApiProperty({ description: 'mean seconds from opening to acknowledgement, of those acknowledged; null when none', example: 142.5, nullable: true, type: Number })
  meanSecondsToAcknowledge: number | null;
  @ApiProperty({ description: '90th percentile (interpolated) of the same', example: 300, nullable: true, type: Number })
  p90SecondsToAcknowledge: number | null;
  @ApiProperty({ description: 'mean seconds from opening to resolution, of those resolved; null when none', example: 1800, nullable: true, type: Number })
  meanSecondsToResolve: number | null;
  @ApiProperty({ description: '90th percentile (interpolated) of the same', example: 3600, nullable: true, type: Number })
  p90SecondsToResolve: number | null;
  @ApiProperty({ description: 'of those, how many escalated past the first level (or looped)', example: 3 }) escalated: number;

  static of(f: WeeklyIncidentFigures): WeeklyIncidentFiguresResponse {
    return { ...f, weekStart: f.weekStart.toISOString() };
  }
}

export class IncidentReportResponse {
  @ApiProperty({ description: 'start of the range, inclusive', example: '2026-03-02T00:00:00.000Z' }) since: string;
  @ApiProperty({ description: 'end of the range, exclusive', example: '2026-04-01T00:00:00.000Z' }) until: string;
  @ApiProperty({ type: [WeeklyIncidentFiguresResponse], description: 'one row per service and week with incidents, by service name then week' })
  weeks: WeeklyIncidentFiguresResponse[];
}
