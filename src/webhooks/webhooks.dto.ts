import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, ValidateIf } from 'class-validator';
import { NoControlChars } from '../common/validators';
import { maskCredentialUrl } from '../common/credential-redaction';
import { WEBHOOK_EVENT_TYPES, WebhookEventType } from './webhook-event-types';
import type { DeliveryRow } from './webhook-deliveries.repository';
import type { WebhookRow } from './webhooks.repository';

/** An optional field that may be absent; null is checked like any other value unless the field allows it. */
const IfPresent = () => ValidateIf((_, v) => v !== undefined);
const URL_EXAMPLE = 'https://hooks.example.org/klaxon/T0k3n';
const EVENTS_EXAMPLE = ['incident.triggered', 'incident.resolved'];

export class CreateWebhookDto {
  @ApiProperty({ description: 'where events are POSTed (http or https); private addresses are refused unless allowed', example: URL_EXAMPLE, maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true, description: 'the events to send (1 or more)', example: EVENTS_EXAMPLE })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENT_TYPES as unknown as string[], { each: true })
  events: WebhookEventType[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'only incidents of these services; absent or null: every service', example: ['4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  serviceIds?: string[] | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'what the webhook is for, for people', example: 'Status page updater', maxLength: 500 })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  @NoControlChars()
  description?: string | null;
}

/** A PATCH: absent fields stay as they are. */
export class UpdateWebhookDto {
  @ApiPropertyOptional({ description: 'a new URL (checked like at creation)', example: URL_EXAMPLE, maxLength: 2000 })
  @IfPresent()
  @IsString()
  @Length(1, 2000)
  url?: string;

  @ApiPropertyOptional({ enum: WEBHOOK_EVENT_TYPES, isArray: true, description: 'the events to send, replacing the list', example: EVENTS_EXAMPLE })
  @IfPresent()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENT_TYPES as unknown as string[], { each: true })
  events?: WebhookEventType[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', nullable: true, description: 'only incidents of these services; null: every service', example: null })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  serviceIds?: string[] | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'what the webhook is for', example: 'Status page updater', maxLength: 500 })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  @NoControlChars()
  description?: string | null;

  @ApiPropertyOptional({ description: 'true turns a disabled webhook back on (its failure streak starts again); false turns it off', example: true })
  @IfPresent()
  @IsBoolean()
  enabled?: boolean;
}

export class WebhookResponse {
  @ApiProperty({ description: 'webhook id', format: 'uuid', example: '5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f' }) id: string;
  @ApiProperty({ description: 'the URL; only its scheme and host (`https://host/***`) for read-only keys', example: URL_EXAMPLE }) url: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true, description: 'the events sent', example: EVENTS_EXAMPLE }) events: string[];
  @ApiProperty({ type: [String], nullable: true, description: 'the services whose incidents are sent; null: every service', example: null })
  serviceIds: string[] | null;
  @ApiProperty({ type: String, nullable: true, description: 'what the webhook is for', example: 'Status page updater' }) description: string | null;
  @ApiProperty({ description: 'false once disabled (by a person, or after 24 hours of failed deliveries)', example: true }) enabled: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'when it was disabled; ISO 8601, UTC', example: null }) disabledAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'why it was disabled', example: null }) disabledReason: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'the first failed attempt since the last success; null when the last attempt succeeded', example: null })
  failingSince: string | null;
  @ApiProperty({ description: 'ISO 8601, UTC', format: 'date-time', example: '2026-11-30T09:00:00.000Z' }) createdAt: string;
  @ApiProperty({ description: 'ISO 8601, UTC', format: 'date-time', example: '2026-11-30T09:00:00.000Z' }) updatedAt: string;

  static of(w: WebhookRow, showUrl: boolean): WebhookResponse {
    return {
      id: w.id,
      url: showUrl ? w.url : maskCredentialUrl(w.url, '***'),
      events: w.events,
      serviceIds: w.serviceIds,
      description: w.description,
      enabled: w.enabled,
      disabledAt: w.disabledAt?.toISOString() ?? null,
      disabledReason: w.disabledReason,
      failingSince: w.failingSince?.toISOString() ?? null,
      createdAt: w.createdAt.toISOString(),
      updatedAt: w.updatedAt.toISOString(),
    };
  }
}

export class CreatedWebhookResponse extends WebhookResponse {
  @ApiProperty({ description: 'the signing secret: shown this once, never again', example: 'whsec_4f9d0c2b7e6a5d4c3b2a1f0e9d8c7b6a' })
  secret: string;
}

export class DeliveryAttemptResponse {
  @ApiProperty({ description: '1 for the first attempt', example: 1 }) attempt: number;
  @ApiProperty({ description: 'when it was made; ISO 8601, UTC', format: 'date-time', example: '2026-11-30T09:00:00.000Z' }) at: string;
  @ApiProperty({ description: 'how long the request took, in milliseconds', example: 87 }) durationMs: number;
  @ApiProperty({ enum: ['delivered', 'retry', 'failed'], description: 'what the attempt meant', example: 'retry' }) outcome: string;
  @ApiProperty({ type: Number, nullable: true, description: 'the HTTP status answered; null without an answer', example: 503 }) statusCode: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'why it failed', example: 'HTTP 503' }) error: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the first 1 KB of the answer', example: 'upstream unavailable' }) responsePrefix: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'when the next attempt is due, after a retry outcome', example: '2026-11-30T09:00:10.000Z' })
  nextAttemptAt: string | null;
}

export class DeliveryResponse {
  @ApiProperty({ description: 'delivery id (the Klaxon-Delivery-Id header)', format: 'uuid', example: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' }) id: string;
  @ApiProperty({ description: 'event id (the Klaxon-Event-Id header and the body id)', format: 'uuid', example: '9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f' }) eventId: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, description: 'the event type', example: 'incident.triggered' }) eventType: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'the incident, for incident events', example: '1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d' }) incidentId: string | null;
  @ApiProperty({ type: Number, nullable: true, description: "the event's sequence within its incident", example: 1 }) sequence: number | null;
  @ApiProperty({ enum: ['pending', 'sending', 'delivered', 'failed'], description: 'where the delivery is', example: 'delivered' }) state: string;
  @ApiProperty({ description: 'attempts made so far', example: 1 }) attempts: number;
  @ApiProperty({ description: 'when the next attempt is (or was) due; ISO 8601, UTC', format: 'date-time', example: '2026-11-30T09:00:00.000Z' }) dueAt: string;
  @ApiProperty({ type: Number, nullable: true, description: 'the last HTTP status answered', example: 200 }) lastStatusCode: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'why the last attempt failed', example: null }) lastError: string | null;
  @ApiProperty({ description: 'ISO 8601, UTC', format: 'date-time', example: '2026-11-30T09:00:00.000Z' }) createdAt: string;
  @ApiProperty({ type: [DeliveryAttemptResponse], description: 'every attempt, oldest first' }) attemptLog: DeliveryAttemptResponse[];

  static of(d: DeliveryRow): DeliveryResponse {
    const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());
    return {
      id: d.id,
      eventId: d.eventId,
      eventType: d.eventType,
      incidentId: d.incidentId,
      sequence: d.sequence,
      state: d.state,
      attempts: d.attempts,
      dueAt: d.dueAt.toISOString(),
      lastStatusCode: d.lastStatusCode,
      lastError: d.lastError,
      createdAt: d.createdAt.toISOString(),
      attemptLog: d.attemptLog.map((a) => ({
        attempt: a.attempt,
        at: iso(a.at) as string,
        durationMs: a.durationMs,
        outcome: a.outcome,
        statusCode: a.statusCode,
        error: a.error,
        responsePrefix: a.responsePrefix,
        nextAttemptAt: iso(a.nextAttemptAt),
      })),
    };
  }
}
