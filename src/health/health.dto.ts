import { ApiProperty } from '@nestjs/swagger';

/** The probes' answers as OpenAPI schemas. */

export class LivenessResponse {
  @ApiProperty({ enum: ['ok'], description: 'always ok', example: 'ok' }) status: 'ok';
}

export class ReadinessResponse {
  @ApiProperty({ enum: ['ok', 'error'], description: 'ok when every check is up', example: 'ok' }) status: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object', properties: { status: { type: 'string', enum: ['up', 'down'] } } },
    description: 'the checks that are up',
    example: { database: { status: 'up' } },
  })
  info: Record<string, { status: string }>;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object', properties: { status: { type: 'string', enum: ['up', 'down'] } } },
    description: 'the checks that are down',
    example: {},
  })
  error: Record<string, { status: string }>;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object', properties: { status: { type: 'string', enum: ['up', 'down'] } } },
    description: 'every check',
    example: { database: { status: 'up' } },
  })
  details: Record<string, { status: string }>;
}
