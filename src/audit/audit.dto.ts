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

  @ApiPropertyOptional({ description: 'the id of the top-level resource', example: '6e1f0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  resourceId?: string;

  @ApiPropertyOptional({ description: 'an API key id, or "env"', example: 'env' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  principalId?: string;

  @ApiPropertyOptional({ description: 'only this action', example: 'override.create' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  action?: string;
}

export class AuditPrincipalResponse {
  @ApiProperty({ description: 'the API key id, or "env" for KLAXON_ADMIN_API_KEY', example: '7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f' }) id: string;
  @ApiProperty({ description: 'the API key name', example: 'grafana automation' }) name: string;
  @ApiProperty({ enum: ['admin', 'responder', 'read-only'], description: 'its role', example: 'admin' }) role: string;
}

export class AuditEntryResponse {
  @ApiProperty({ description: 'entry id', format: 'uuid', example: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' }) id: string;
  @ApiProperty({ description: 'when the change was made; ISO 8601, UTC', format: 'date-time', example: '2026-11-30T09:00:00.000Z' }) at: string;
  @ApiProperty({ type: AuditPrincipalResponse, description: 'who made it' }) principal: AuditPrincipalResponse;
  @ApiProperty({ description: 'what was done', example: 'update' }) action: string;
  @ApiProperty({ description: 'the kind of object changed', example: 'schedule' }) resourceType: string;
  @ApiProperty({ nullable: true, type: String, description: 'the top-level object changed; null for a create that failed', example: '6e1f0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b' }) resourceId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the nested object changed (an override, a contact method...), when any', example: null }) subresourceId: string | null;
  @ApiProperty({ description: 'the HTTP method', example: 'PUT' }) method: string;
  @ApiProperty({ description: 'the request path', example: '/api/v1/schedules/6e1f0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b' }) path: string;
  @ApiProperty({ description: 'the HTTP status answered', example: 200 }) status: number;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true, description: 'the request body, secrets replaced by "***"', example: { name: 'Platform primary' } }) requestBody: unknown;

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
  @ApiProperty({ type: [AuditEntryResponse], description: 'this page, newest first' }) items: AuditEntryResponse[];
  @ApiProperty({ nullable: true, type: String, description: 'pass as `cursor` for the next page; null on the last page', example: null }) nextCursor: string | null;
}
