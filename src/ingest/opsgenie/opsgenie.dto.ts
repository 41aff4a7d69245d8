import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OPSGENIE_ACTIONS } from './opsgenie-request.entity';
import { OPSGENIE_PRIORITIES } from '../sources/opsgenie.adapter';

/**
 * The Opsgenie-compatible bodies and answers as OpenAPI schemas. The adapter
 * (sources/opsgenie.adapter.ts) is the judge of a body; these only describe it.
 */

export class OpsgenieCreateAlertBody {
  @ApiProperty({ description: 'the incident title; at most 130 characters', example: '[FIRING:1] DiskFull (db-2:9100 critical db)' })
  message: string;
  @ApiPropertyOptional({ description: 'the dedup key (at most 255 characters): an open incident with it takes the alert; without it every create opens an incident', example: '17c4e445d234645c9e547ff6d32a864af0ebdadcd1902771c24c8d366637ff41' })
  alias?: string;
  @ApiPropertyOptional({ description: 'long text shown with the incident (at most 15,000 characters)', example: '/var is 95% full on db-2' })
  description?: string;
  @ApiPropertyOptional({ enum: OPSGENIE_PRIORITIES, description: 'P1 critical, P2 error, P3 warning (the default), P4 and P5 info', example: 'P2' })
  priority?: string;
  @ApiPropertyOptional({ type: [String], description: 'at most 20 tags of 50 characters; kept in the details', example: ['db', 'disk'] })
  tags?: string[];
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'key-value details shown with the incident', example: { alertname: 'DiskFull', instance: 'db-2:9100' } })
  details?: Record<string, unknown>;
  @ApiPropertyOptional({ description: 'what the alert is about (at most 512 characters); the incident source when no source is given', example: 'db-2' })
  entity?: string;
  @ApiPropertyOptional({ description: 'who sent it (at most 100 characters); an http(s) URL also becomes a link', example: 'http://alertmanager:9093/#/alerts?receiver=og' })
  source?: string;
  @ApiPropertyOptional({ type: 'array', items: { type: 'object' }, description: 'ignored: the service\'s escalation policy decides who is paged', example: [{ type: 'team', name: 'db' }] })
  responders?: unknown[];
  @ApiPropertyOptional({ description: 'kept in the details (at most 25,000 characters)', example: 'created by Alertmanager' })
  note?: string;
  @ApiPropertyOptional({ description: 'kept in the details (at most 100 characters)', example: 'alertmanager' })
  user?: string;
}

export class OpsgenieActionBody {
  @ApiPropertyOptional({ description: 'who acted, for the timeline (at most 100 characters)', example: 'alice' })
  user?: string;
  @ApiPropertyOptional({ description: 'where it came from, for the timeline (at most 100 characters)', example: 'http://alertmanager:9093/#/alerts?receiver=og' })
  source?: string;
  @ApiPropertyOptional({ description: 'a note for the timeline (at most 25,000 characters); required to add a note', example: 'disk cleaned up' })
  note?: string;
}

export class OpsgenieAcceptedResponse {
  @ApiProperty({ enum: ['Request will be processed'], description: 'always this text', example: 'Request will be processed' })
  result: 'Request will be processed';
  @ApiProperty({ description: 'seconds the request took', example: 0.012 })
  took: number;
  @ApiProperty({ format: 'uuid', description: 'the request id, for GET /v2/alerts/requests/{requestId}', example: '9ae63dd7-ed00-4c81-86f0-c4ffd33142c9' })
  requestId: string;
}

export class OpsgenieRequestStatusData {
  @ApiProperty({ description: 'always true: the request was found', example: true }) success: boolean;
  @ApiProperty({ enum: OPSGENIE_ACTIONS, description: 'what the request asked for', example: 'Create' }) action: string;
  @ApiProperty({ format: 'date-time', description: 'when it was carried out', example: '2026-11-30T09:00:00.000Z' }) processedAt: string;
  @ApiProperty({ format: 'uuid', description: 'the Klaxon integration whose key made the request', example: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d' })
  integrationId: string;
  @ApiProperty({ description: 'whether it was carried out (false: e.g. no open incident with that alias)', example: true }) isSuccess: boolean;
  @ApiProperty({ description: 'what happened', example: 'Created alert' }) status: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'the incident id (the alert id), null when none was found', example: '1f2e3d4c-5b6a-4789-8abc-def012345678' })
  alertId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the incident\'s dedup key (the alias)', example: '17c4e445d234645c9e547ff6d32a864af0ebdadcd1902771c24c8d366637ff41' })
  alias: string | null;
}

export class OpsgenieRequestStatusResponse {
  @ApiProperty({ type: OpsgenieRequestStatusData, description: 'the outcome of the request' }) data: OpsgenieRequestStatusData;
  @ApiProperty({ description: 'seconds this lookup took', example: 0.003 }) took: number;
  @ApiProperty({ format: 'uuid', description: 'the id of this lookup', example: 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e' }) requestId: string;
}

export class OpsgenieErrorResponse {
  @ApiProperty({ description: 'the reason; a 422 names every problem of the request', example: 'Request body is not processable: Message can not be empty' })
  message: string;
  @ApiProperty({ description: 'seconds the request took', example: 0.001 }) took: number;
  @ApiProperty({ format: 'uuid', description: 'an id for this answer', example: '4d3c2b1a-0f9e-4d8c-b7a6-5e4f3a2b1c0d' }) requestId: string;
}
