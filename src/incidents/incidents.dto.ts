import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { redactCredentialFields, redactStoredPayload } from '../common/credential-redaction';
import { PageQuery } from '../common/pagination';
import { INCIDENT_STATUSES, IncidentStatus } from './domain/incident-state';
import { Alert } from './alert.entity';
import { ActorRecord, Incident } from './incident.entity';
import { IncidentTimelineEntry } from './incident-timeline-entry.entity';

export class ListIncidentsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: [...INCIDENT_STATUSES, 'open'], description: '"open" = triggered or acknowledged' })
  @IsOptional()
  @IsIn([...INCIDENT_STATUSES, 'open'])
  status?: IncidentStatus | 'open';

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  serviceId?: string;
}

export class IncidentActionDto {
  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  note?: string;
}

export class AlertResponse {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String }) integrationId: string | null;
  @ApiProperty() source: string;
  @ApiProperty() action: string;
  @ApiProperty({ nullable: true, type: String }) fingerprint: string | null;
  @ApiProperty() status: string;
  @ApiProperty() title: string;
  @ApiProperty() severity: string;
  @ApiProperty() details: Record<string, unknown>;
  @ApiProperty({ description: 'the raw payload as received, credential fields (`routing_key`, `token`, ...) replaced by "[redacted]"' })
  payload: unknown;
  @ApiProperty({ description: 'how many events carried this alert: 1 + the repeats of its dedup key (or, in a group, of its fingerprint)', example: 4000 })
  occurrences: number;
  @ApiProperty({ nullable: true, description: 'the first payload, once a repeat replaced `payload`; null while `payload` is the first', example: null })
  firstPayload: unknown;
  @ApiProperty({ description: 'when the alert first arrived' }) firstSeenAt: string;
  @ApiProperty({ description: 'when the alert last arrived (the latest repeat)' }) lastSeenAt: string;
  @ApiProperty({ description: 'same as `firstSeenAt` (kept for older clients)' }) receivedAt: string;
  @ApiProperty({ description: 'same as `lastSeenAt` (kept for older clients)' }) updatedAt: string;

  static of(a: Alert): AlertResponse {
    return {
      id: a.id,
      integrationId: a.integrationId,
      source: a.source,
      action: a.action,
      fingerprint: a.fingerprint,
      status: a.status,
      title: a.title,
      severity: a.severity,
      // Rows stored before ingest redacted credentials still hold them: mask them here too.
      details: redactCredentialFields(a.details),
      payload: redactStoredPayload(a.payload),
      occurrences: a.occurrences,
      firstPayload: a.firstPayload === null || a.firstPayload === undefined ? null : redactStoredPayload(a.firstPayload),
      firstSeenAt: a.receivedAt.toISOString(),
      lastSeenAt: a.updatedAt.toISOString(),
      receivedAt: a.receivedAt.toISOString(),
      updatedAt: a.updatedAt.toISOString(),
    };
  }
}

export class TimelineEntryResponse {
  @ApiProperty() at: string;
  @ApiProperty() type: string;
  @ApiProperty() message: string;
  @ApiProperty() actor: { type: string; id: string | null; name: string | null };
  @ApiProperty() channel: string;
  @ApiProperty({ nullable: true }) data: Record<string, unknown> | null;

  static of(e: IncidentTimelineEntry): TimelineEntryResponse {
    return {
      at: e.at.toISOString(),
      type: e.type,
      message: e.message,
      actor: { type: e.actorType, id: e.actorId, name: e.actorName },
      channel: e.channel,
      data: e.data,
    };
  }
}

export class IncidentResponse {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'per install, human-friendly: "#123"' }) number: number;
  @ApiProperty() serviceId: string;
  @ApiPropertyOptional() service?: { id: string; name: string };
  @ApiProperty() dedupKey: string;
  @ApiProperty({ enum: INCIDENT_STATUSES }) status: IncidentStatus;
  @ApiProperty() title: string;
  @ApiProperty() severity: string;
  @ApiProperty() level: number;
  @ApiProperty() loop: number;
  @ApiProperty() escalationExhausted: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty() lastAlertAt: string;
  @ApiProperty({ nullable: true, type: String }) acknowledgedAt: string | null;
  @ApiProperty({ nullable: true }) acknowledgedBy: ActorRecord | null;
  @ApiProperty({ nullable: true, type: String }) resolvedAt: string | null;
  @ApiProperty({ nullable: true }) resolvedBy: ActorRecord | null;
  @ApiPropertyOptional({ type: [AlertResponse] }) alerts?: AlertResponse[];
  @ApiPropertyOptional({ type: [TimelineEntryResponse] }) timeline?: TimelineEntryResponse[];
  @ApiPropertyOptional({ description: 'all alerts of the incident; `alerts` holds the most recent 200' }) alertCount?: number;
  @ApiPropertyOptional({ description: 'all timeline entries; `timeline` holds the most recent 1,000' }) timelineCount?: number;

  static of(i: Incident): IncidentResponse {
    const out: IncidentResponse = {
      id: i.id,
      number: i.number,
      serviceId: i.serviceId,
      dedupKey: i.dedupKey,
      status: i.status,
      title: i.title,
      severity: i.severity,
      level: i.level,
      loop: i.loop,
      escalationExhausted: i.escalationExhausted,
      createdAt: i.createdAt.toISOString(),
      updatedAt: i.updatedAt.toISOString(),
      lastAlertAt: i.lastAlertAt.toISOString(),
      acknowledgedAt: i.acknowledgedAt?.toISOString() ?? null,
      acknowledgedBy: i.acknowledgedBy,
      resolvedAt: i.resolvedAt?.toISOString() ?? null,
      resolvedBy: i.resolvedBy,
    };
    if (i.service) out.service = { id: i.service.id, name: i.service.name };
    if (i.alerts) out.alerts = i.alerts.map(AlertResponse.of);
    if (i.timeline) out.timeline = i.timeline.map(TimelineEntryResponse.of);
    return out;
  }
}
