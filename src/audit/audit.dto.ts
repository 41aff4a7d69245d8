import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { PageQuery } from '../common/pagination';
import { AuditEntry } from './audit-entry.entity';

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'schedule', description: 'user, team, schedule, escalation-policy, service, incident, api-key' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  resourceType?: string;

  @ApiPropertyOptional({ description: 'the id of the top-level resource' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  resourceId?: string;

  @ApiPropertyOptional({ description: 'an API key id, or "env"' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  principalId?: string;

  @ApiPropertyOptional({ example: 'override.create' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  action?: string;
}

export class AuditPrincipalResponse {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['admin', 'responder', 'read-only'] }) role: string;
}

export class AuditEntryResponse {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'when the change was made' }) at: string;
  @ApiProperty() principal: AuditPrincipalResponse;
  @ApiProperty({ example: 'update' }) action: string;
  @ApiProperty({ example: 'schedule' }) resourceType: string;
  @ApiProperty({ nullable: true, type: String }) resourceId: string | null;
  @ApiProperty({ nullable: true, type: String }) subresourceId: string | null;
  @ApiProperty({ example: 'PUT' }) method: string;
  @ApiProperty({ example: '/api/v1/schedules/5b0c…' }) path: string;
  @ApiProperty({ example: 200 }) status: number;
  @ApiProperty({ nullable: true, description: 'the request body, secrets replaced by "***"' }) requestBody: unknown;

  static of(e: AuditEntry): AuditEntryResponse {
    return {
      id: e.id,
      at: e.createdAt.toISOString(),
      principal: { id: e.principalId, name: e.principalName, role: e.principalRole },
      action: e.action,
      resourceType: e.resourceType,
      resourceId: e.resourceId,
      subresourceId: e.subresourceId,
      method: e.method,
      path: e.path,
      status: e.status,
      requestBody: e.requestBody ?? null,
    };
  }
}

export class AuditPageResponse {
  @ApiProperty({ type: [AuditEntryResponse] }) items: AuditEntryResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
