import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EVENT_ACTIONS, SEVERITIES } from './sources/normalised-event';

/**
 * The webhook bodies and answers as OpenAPI schemas. The adapters in
 * sources/ are the judges of a body (with the source's own wording for each
 * problem); these classes only describe it.
 */

export class WebhookAcceptedResponse {
  @ApiProperty({ enum: ['success'], description: 'always success', example: 'success' }) status: 'success';
  @ApiProperty({ enum: ['Event processed'], description: 'always Event processed', example: 'Event processed' }) message: 'Event processed';
  @ApiProperty({ description: 'the key that groups alerts into one incident (of the first alert of the body)', example: 'db-1/disk' })
  dedup_key: string;
}

export class HeartbeatAcceptedResponse {
  @ApiProperty({ enum: ['success'], description: 'always success', example: 'success' }) status: 'success';
  @ApiProperty({ description: 'what happened', example: 'Heartbeat recorded' }) message: string;
}

export class GenericWebhookBody {
  @ApiPropertyOptional({ description: 'the incident title; required to trigger', example: 'Disk full on db-1' }) summary?: string;
  @ApiPropertyOptional({ enum: SEVERITIES, description: 'default error', example: 'critical' }) severity?: string;
  @ApiPropertyOptional({ description: 'groups alerts into one incident; required to acknowledge or resolve', example: 'db-1/disk' })
  dedupKey?: string;
  @ApiPropertyOptional({ enum: EVENT_ACTIONS, description: 'default trigger', example: 'trigger' }) action?: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'anything else to show with the incident',
    example: { host: 'db-1', usedPercent: 99 },
  })
  details?: Record<string, unknown>;
}

export class AlertmanagerAlert {
  @ApiProperty({ enum: ['firing', 'resolved'], description: 'the alert status', example: 'firing' }) status: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'the alert labels', example: { alertname: 'DiskFull', instance: 'db-1' } })
  labels: Record<string, string>;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, description: 'the alert annotations', example: { summary: 'Disk full on db-1' } })
  annotations?: Record<string, string>;
  @ApiPropertyOptional({ format: 'date-time', description: 'when the alert started firing', example: '2026-11-30T09:00:00Z' }) startsAt?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'when it resolved', example: '0001-01-01T00:00:00Z' }) endsAt?: string;
  @ApiPropertyOptional({ description: 'a link to the alert source', example: 'http://prometheus:9090/graph' }) generatorURL?: string;
  @ApiPropertyOptional({ description: "the alert's identity within the incident", example: 'c1a2b3d4e5f60718' }) fingerprint?: string;
}

export class AlertmanagerWebhookBody {
  @ApiProperty({ description: 'the webhook format version: 4 from Alertmanager, 1 from Grafana', example: '4' }) version: string;
  @ApiProperty({ description: 'the alert group: one incident per group (the dedup key)', example: '{}:{alertname="DiskFull"}' }) groupKey: string;
  @ApiProperty({ enum: ['firing', 'resolved'], description: 'resolved (every alert of the group resolved) resolves the incident', example: 'firing' })
  status: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, description: 'severity and instance (or job) are read from here', example: { alertname: 'DiskFull', severity: 'critical', instance: 'db-1' } })
  commonLabels?: Record<string, string>;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, description: 'summary becomes the incident title', example: { summary: 'Disk full on db-1' } })
  commonAnnotations?: Record<string, string>;
  @ApiProperty({ type: [AlertmanagerAlert], description: 'every alert of the group, kept on the incident by fingerprint' }) alerts: AlertmanagerAlert[];
  @ApiPropertyOptional({ description: 'a link back to Alertmanager (or Grafana)', example: 'http://alertmanager:9093' }) externalURL?: string;
}
