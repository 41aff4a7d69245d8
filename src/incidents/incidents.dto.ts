import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { redactCredentialFields, redactStoredPayload } from '../common/credential-redaction';
import { PageQuery } from '../common/pagination';
import { INCIDENT_STATUSES, IncidentStatus } from './domain/incident-state';
import { Alert } from './alert.entity';
import { ActorRecord, Incident } from './incident.entity';
import { lastAlertTime, lastUpdateTime, liveBurstEntry } from './repeat-burst';
import { IncidentTimelineEntry } from './incident-timeline-entry.entity';
import { IncidentNote, MAX_NOTE_LENGTH } from './incident-notes';

export class ListIncidentsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: [...INCIDENT_STATUSES, 'open'], description: '"open" = triggered or acknowledged', example: 'open' })
  @IsOptional()
  @IsIn([...INCIDENT_STATUSES, 'open'])
  status?: IncidentStatus | 'open';

  @ApiPropertyOptional({ format: 'uuid', description: "only this service's incidents", example: '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d' })
  @IsOptional()
  @IsUUID()
  serviceId?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'only suppressed incidents (true) or only the others (false)', example: 'false' })
  @IsOptional()
  @IsIn(['true', 'false'])
  suppressed?: 'true' | 'false';
}

export class IncidentActionDto {
  @ApiPropertyOptional({ maxLength: 2000, description: 'kept in the timeline with the action', example: 'Rolled back the deploy' })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  note?: string;
}

export class AddNoteDto {
  @ApiProperty({ minLength: 1, maxLength: MAX_NOTE_LENGTH, description: 'the note, trimmed; line breaks are kept', example: 'Rolled back deploy 2026-11-30.3; watching error rates' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, MAX_NOTE_LENGTH, { message: `text must be 1 to ${MAX_NOTE_LENGTH} characters (after trimming)` })
  text: string;
}

/** Who did something: a user (Slack, SMS, voice, email), an API key, an integration or Klaxon itself. */
export class TimelineActorResponse {
  @ApiProperty({ enum: ['user', 'api-key', 'system', 'integration'], description: 'what kind of actor', example: 'user' }) type: string;
  @ApiProperty({ nullable: true, type: String, description: 'its id; null for the system', example: '3f2a1b0c-7d6e-4a5b-9c8d-1e2f3a4b5c6d' })
  id: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'its name', example: 'Ada Lovelace' }) name: string | null;
}

export class ActorResponse extends TimelineActorResponse {
  @ApiProperty({ description: 'through which channel', example: 'sms' }) channel: string;
}

export class ServiceRefResponse {
  @ApiProperty({ description: 'service id', format: 'uuid', example: '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d' }) id: string;
  @ApiProperty({ description: 'service name', example: 'Billing API' }) name: string;
}

export class AlertResponse {
  @ApiProperty({ description: 'alert id', format: 'uuid', example: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b' }) id: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'the integration it came through; null for a heartbeat', example: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d' }) integrationId: string | null;
  @ApiProperty({ description: 'what sent it (host, job...)', example: 'db-1' }) source: string;
  @ApiProperty({ enum: ['trigger', 'acknowledge', 'resolve'], description: 'what the alert asked for', example: 'trigger' }) action: string;
  @ApiProperty({ nullable: true, type: String, description: "the alert's identity within the incident, when the source has one", example: 'c1a2b3d4e5f60718' }) fingerprint: string | null;
  @ApiProperty({ description: 'firing or resolved', example: 'firing' }) status: string;
  @ApiProperty({ description: 'the alert title', example: 'Disk full on db-1' }) title: string;
  @ApiProperty({ enum: ['critical', 'error', 'warning', 'info'], description: 'the alert severity', example: 'critical' }) severity: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'what the source sent besides the title (labels, annotations, custom_details), credentials redacted', example: { labels: { alertname: 'DiskFull' } } }) details: Record<string, unknown>;
  @ApiProperty({
    description: 'the raw payload as received, credential fields (`routing_key`, `token`, ...) replaced by "[redacted]"',
    example: { routing_key: '[redacted]', event_action: 'trigger', payload: { summary: 'Disk full on db-1', source: 'db-1', severity: 'critical' } },
  })
  payload: unknown;
  @ApiProperty({ description: 'how many events carried this alert: 1 + the repeats of its dedup key (or, in a group, of its fingerprint)', example: 4000 })
  occurrences: number;
  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: true,
    description: 'the first payload, once a repeat replaced `payload` (credentials redacted); null while `payload` is the first',
    example: { routing_key: '[redacted]', event_action: 'trigger', payload: { summary: 'Disk full on db-1', source: 'db-1', severity: 'critical' } },
  })
  firstPayload: unknown;
  @ApiProperty({ description: 'when the alert first arrived (ISO 8601, UTC)', format: 'date-time', example: '2026-11-30T09:00:00.000Z' }) firstSeenAt: string;
  @ApiProperty({ description: 'when the alert last arrived: the latest repeat (ISO 8601, UTC)', format: 'date-time', example: '2026-11-30T09:15:00.000Z' })
  lastSeenAt: string;
  @ApiProperty({ description: 'same as `firstSeenAt` (kept for older clients)', format: 'date-time', example: '2026-11-30T09:00:00.000Z' }) receivedAt: string;
  @ApiProperty({ description: 'same as `lastSeenAt` (kept for older clients)', format: 'date-time', example: '2026-11-30T09:15:00.000Z' }) updatedAt: string;

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
  @ApiProperty({ description: 'ISO 8601, UTC', format: 'date-time', example: '2026-11-30T09:00:00.000Z' }) at: string;
  @ApiProperty({ description: 'what happened', example: 'acknowledged' }) type: string;
  @ApiProperty({ description: 'the entry, for a person', example: 'Acknowledged by Ada Lovelace via sms' }) message: string;
  @ApiProperty({ type: TimelineActorResponse, description: 'who did it' }) actor: { type: string; id: string | null; name: string | null };
  @ApiProperty({ description: 'through which channel', example: 'sms' }) channel: string;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true, description: 'details of the entry, by type; null when none', example: null }) data: Record<string, unknown> | null;

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

export class NoteResponse {
  @ApiProperty({ description: 'note id (its timeline entry)', format: 'uuid', example: '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' }) id: string;
  @ApiProperty({ description: 'the note', example: 'Rolled back deploy 2026-11-30.3; watching error rates' }) text: string;
  @ApiProperty({ type: TimelineActorResponse, description: 'who wrote it: the API key (by its name) or the Klaxon user' })
  author: { type: string; id: string | null; name: string | null };
  @ApiProperty({ description: 'through which channel', example: 'api' }) channel: string;
  @ApiProperty({ description: 'ISO 8601, UTC', format: 'date-time', example: '2026-11-30T09:05:00.000Z' }) createdAt: string;

  static ofEntry(e: IncidentTimelineEntry): NoteResponse {
    const text = typeof e.data?.text === 'string' ? e.data.text : e.message;
    return { id: e.id, text, author: { type: e.actorType, id: e.actorId, name: e.actorName }, channel: e.channel, createdAt: e.at.toISOString() };
  }

  static of(n: IncidentNote): NoteResponse {
    return { id: n.id, text: n.text, author: n.author, channel: n.channel, createdAt: n.createdAt.toISOString() };
  }
}

export class IncidentResponse {
  @ApiProperty({ description: 'incident id', format: 'uuid', example: '0d9b8e7f-6a5b-4c3d-8e1f-2a3b4c5d6e7f' }) id: string;
  @ApiProperty({ description: 'per install, human-friendly: "#123"', example: 42 }) number: number;
  @ApiProperty({ description: 'the service alerted', format: 'uuid', example: '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d' }) serviceId: string;
  @ApiPropertyOptional({ type: ServiceRefResponse, description: 'the service, by id and name' }) service?: { id: string; name: string };
  @ApiProperty({ description: 'the key that groups alerts into this incident', example: 'db-1/disk' }) dedupKey: string;
  @ApiProperty({ description: 'opened by an event router rule with suppress: recorded and listed, never pages', example: false }) suppressed: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'the event router it came through; null: an integration, a heartbeat or a person', example: null })
  routerId: string | null;
  @ApiProperty({ enum: INCIDENT_STATUSES, description: 'triggered, acknowledged or resolved', example: 'triggered' }) status: IncidentStatus;
  @ApiProperty({ description: 'from the first alert', example: 'Disk full on db-1' }) title: string;
  @ApiProperty({ enum: ['critical', 'error', 'warning', 'info'], description: 'from the alerts', example: 'critical' }) severity: string;
  @ApiProperty({ description: 'the escalation policy level paged last (0-based)', example: 0 }) level: number;
  @ApiProperty({ description: "how many times the policy's levels were started again (its repeat)", example: 0 }) loop: number;
  @ApiProperty({ description: 'every level and repeat has been paged: nobody more will be', example: false }) escalationExhausted: boolean;
  @ApiProperty({ description: 'opened while a maintenance window covered its service: it did not page then', example: false })
  maintenance: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'a maintenance incident still triggered when its last window ended: escalation started at this time; null otherwise',
    example: null,
  })
  maintenanceReleasedAt: string | null;
  @ApiProperty({ description: 'ISO 8601, UTC', format: 'date-time', example: '2026-11-30T09:00:00.000Z' }) createdAt: string;
  @ApiProperty({ description: 'ISO 8601, UTC', format: 'date-time', example: '2026-11-30T09:00:00.000Z' }) updatedAt: string;
  @ApiProperty({ description: 'when the last alert came; ISO 8601, UTC', format: 'date-time', example: '2026-11-30T09:00:00.000Z' }) lastAlertAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'null until acknowledged', example: null }) acknowledgedAt: string | null;
  @ApiProperty({ nullable: true, type: ActorResponse, description: 'who acknowledged it; null until acknowledged' }) acknowledgedBy: ActorRecord | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'null until resolved', example: null }) resolvedAt: string | null;
  @ApiProperty({ nullable: true, type: ActorResponse, description: 'who resolved it; null until resolved' }) resolvedBy: ActorRecord | null;
  @ApiPropertyOptional({ type: [AlertResponse], description: 'GET of one incident only: its most recent alerts' }) alerts?: AlertResponse[];
  @ApiPropertyOptional({ type: [TimelineEntryResponse], description: 'GET of one incident only: what happened, oldest first' })
  timeline?: TimelineEntryResponse[];
  @ApiPropertyOptional({ type: [NoteResponse], description: 'GET of one incident only: its notes, oldest first (the most recent 500)' })
  notes?: NoteResponse[];
  @ApiPropertyOptional({ description: 'all alerts of the incident; `alerts` holds the most recent 200', example: 3 }) alertCount?: number;
  @ApiPropertyOptional({ description: 'all timeline entries; `timeline` holds the most recent 1,000', example: 12 }) timelineCount?: number;

  static of(i: Incident): IncidentResponse {
    const out: IncidentResponse = {
      id: i.id,
      number: i.number,
      serviceId: i.serviceId,
      dedupKey: i.dedupKey,
      suppressed: i.suppressed ?? false,
      routerId: i.routerId ?? null,
      status: i.status,
      title: i.title,
      severity: i.severity,
      level: i.level,
      loop: i.loop,
      escalationExhausted: i.escalationExhausted,
      maintenance: i.maintenance,
      maintenanceReleasedAt: i.maintenanceReleasedAt?.toISOString() ?? null,
      createdAt: i.createdAt.toISOString(),
      updatedAt: lastUpdateTime(i).toISOString(),
      lastAlertAt: lastAlertTime(i).toISOString(),
      acknowledgedAt: i.acknowledgedAt?.toISOString() ?? null,
      acknowledgedBy: i.acknowledgedBy,
      resolvedAt: i.resolvedAt?.toISOString() ?? null,
      resolvedBy: i.resolvedBy,
    };
    if (i.service) out.service = { id: i.service.id, name: i.service.name };
    if (i.alerts) out.alerts = i.alerts.map(AlertResponse.of);
    if (i.timeline) out.timeline = i.timeline.map((e) => TimelineEntryResponse.of(liveBurstEntry(e, i)));
    return out;
  }
}
