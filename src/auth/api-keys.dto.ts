import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { NoControlChars } from '../common/validators';
import { API_KEY_ROLES, ApiKey, ApiKeyRole } from './api-key.entity';

export class CreateApiKeyDto {
  @ApiProperty({ description: 'what the key is for', example: 'grafana automation', minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  @NoControlChars()
  name: string;

  @ApiProperty({ enum: API_KEY_ROLES, description: 'what the key may do', example: 'responder' })
  @IsIn(API_KEY_ROLES as string[])
  role: ApiKeyRole;
}

export class ApiKeyResponse {
  @ApiProperty({ description: 'key id', format: 'uuid', example: '7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f' }) id: string;
  @ApiProperty({ description: 'what the key is for', example: 'grafana automation' }) name: string;
  @ApiProperty({ enum: API_KEY_ROLES, description: 'what the key may do', example: 'responder' }) role: ApiKeyRole;
  @ApiProperty({ description: 'the first characters of the key, to recognise it', example: 'klx_Ab3d' }) prefix: string;
  @ApiProperty({ description: 'ISO 8601, UTC', format: 'date-time', example: '2026-11-30T09:00:00.000Z' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'when it was revoked; null while valid', example: null })
  revokedAt: string | null;

  static of(k: ApiKey): ApiKeyResponse {
    return {
      id: k.id,
      name: k.name,
      role: k.role,
      prefix: k.prefix,
      createdAt: k.createdAt.toISOString(),
      revokedAt: k.revokedAt?.toISOString() ?? null,
    };
  }
}

export class CreatedApiKeyResponse extends ApiKeyResponse {
  @ApiProperty({ description: 'the key itself; shown only in this response', example: 'klx_Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z' })
  key: string;
}

export class ApiKeyListResponse {
  @ApiProperty({ type: [ApiKeyResponse], description: 'every key, revoked ones included' }) items: ApiKeyResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'always null: the keys fit on one page', example: null }) nextCursor: null;
}
