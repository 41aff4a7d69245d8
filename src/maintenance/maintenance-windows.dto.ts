import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, ValidateIf } from 'class-validator';
import { PageQuery } from '../common/pagination';
import { NoControlChars } from '../common/validators';
import { WINDOW_STATES, WindowState, windowState } from './maintenance-window-rules';
import type { WindowCreator } from './maintenance-window.entity';
import type { WindowWithServices } from './maintenance-windows.repository';

/** An optional field that may be absent but not null: null is checked (and refused) like any other value. */
const IfPresent = () => ValidateIf((_, v) => v !== undefined);

/** Services one window may cover. */
export const MAX_WINDOW_SERVICES = 100;

export class CreateMaintenanceWindowDto {
  @ApiProperty({ description: 'what the maintenance is, for people', example: 'Deploy billing-api v2.14', minLength: 1, maxLength: 500 })
  @IsString()
  @Length(1, 500)
  @NoControlChars()
  description: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'when it starts (ISO 8601); default: now', example: '2026-12-01T22:00:00Z' })
  @IfPresent()
  @IsISO8601({ strict: true })
  start?: string;

  @ApiProperty({ format: 'date-time', description: 'when it ends (ISO 8601): after start, at most 30 days after it', example: '2026-12-01T23:00:00Z' })
  @IsISO8601({ strict: true })
  end: string;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: `the services it covers (1 to ${MAX_WINDOW_SERVICES})`,
    example: ['4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_WINDOW_SERVICES)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  serviceIds: string[];
}

/** A PATCH of a window that has not started: absent fields stay as they are. */
export class UpdateMaintenanceWindowDto {
  @ApiPropertyOptional({ description: 'what the maintenance is, for people', example: 'Deploy billing-api v2.15', minLength: 1, maxLength: 500 })
  @IfPresent()
  @IsString()
  @Length(1, 500)
  @NoControlChars()
  description?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'a new start (ISO 8601)', example: '2026-12-01T22:30:00Z' })
  @IfPresent()
  @IsISO8601({ strict: true })
  start?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'a new end (ISO 8601): after start, at most 30 days after it', example: '2026-12-01T23:30:00Z' })
  @IfPresent()
  @IsISO8601({ strict: true })
  end?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'the services it covers, replacing the current list', example: ['4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d'] })
  @IfPresent()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_WINDOW_SERVICES)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  serviceIds?: string[];
}

export class ListMaintenanceWindowsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: WINDOW_STATES, description: 'only windows in this state now', example: 'active' })
  @IsOptional()
  @IsIn(WINDOW_STATES as unknown as string[])
  state?: WindowState;

  @ApiPropertyOptional({ format: 'uuid', description: 'only windows that cover this service', example: '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d' })
  @IsOptional()
  @IsUUID()
  serviceId?: string;
}

class WindowCreatorResponse {
  @ApiProperty({ enum: ['api-key'], description: 'what created it', example: 'api-key' }) type: 'api-key';
  @ApiProperty({ description: 'the API key id ("env" for the admin key from the environment)', example: 'env' }) id: string;
  @ApiProperty({ description: 'the API key name', example: 'deploy-bot' }) name: string;
}

export class MaintenanceWindowResponse {
  @ApiProperty({ format: 'uuid', description: 'window id', example: '7e1f3c2a-9b8d-4e6f-a1b2-c3d4e5f6a7b8' }) id: string;
  @ApiProperty({ description: 'what the maintenance is', example: 'Deploy billing-api v2.14' }) description: string;
  @ApiProperty({ format: 'date-time', description: 'when it starts (UTC)', example: '2026-12-01T22:00:00.000Z' }) start: string;
  @ApiProperty({ format: 'date-time', description: 'when it was planned to end (UTC)', example: '2026-12-01T23:00:00.000Z' }) end: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'when it was ended early; null if not', example: null })
  endedAt: string | null;
  @ApiProperty({ enum: WINDOW_STATES, description: 'upcoming, active or ended, now', example: 'active' }) state: WindowState;
  @ApiProperty({ type: [String], format: 'uuid', description: 'the services it covers', example: ['4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d'] })
  serviceIds: string[];
  @ApiProperty({ type: WindowCreatorResponse, description: 'who created it' }) createdBy: WindowCreator;
  @ApiProperty({ format: 'date-time', description: 'ISO 8601, UTC', example: '2026-12-01T21:55:00.000Z' }) createdAt: string;
  @ApiProperty({ format: 'date-time', description: 'ISO 8601, UTC', example: '2026-12-01T21:55:00.000Z' }) updatedAt: string;

  static of({ window: w, serviceIds }: WindowWithServices, now: Date): MaintenanceWindowResponse {
    return {
      id: w.id,
      description: w.description,
      start: w.startAt.toISOString(),
      end: w.endAt.toISOString(),
      endedAt: w.endedAt?.toISOString() ?? null,
      state: windowState(w, now),
      serviceIds,
      createdBy: w.createdBy,
      createdAt: w.createdAt.toISOString(),
      updatedAt: w.updatedAt.toISOString(),
    };
  }
}
