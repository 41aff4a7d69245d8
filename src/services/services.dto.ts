import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateIf } from 'class-validator';
import type { Principal } from '../auth/api-keys.service';
import { hasRole } from '../auth/roles';
import { NoControlChars } from '../common/validators';
import { HeartbeatMonitor } from './heartbeat-monitor.entity';
import { Integration, INTEGRATION_TYPES, IntegrationType } from './integration.entity';
import { isBuiltInService } from './built-in-services';
import { Service } from './service.entity';
import type { ServiceMaintenance } from './service-maintenance';
import { NumberFromText } from '../common/validation';

const MAX_TIMER_MINUTES = 7 * 24 * 60;

export class CreateServiceDto {
  @ApiProperty({ description: 'the name shown in pages', example: 'Billing API', minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  @NoControlChars()
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000, description: 'free text for responders', example: 'Invoices and payments' })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  description?: string | null;

  @ApiProperty({ description: 'who is paged for this service', format: 'uuid', example: '1c8d902b-6f4a-4c3d-9e7a-5d0c9a2e8f1b' })
  @IsUUID()
  escalationPolicyId: string;

  @ApiPropertyOptional({
    type: Number,
    minimum: 1,
    maximum: MAX_TIMER_MINUTES,
    nullable: true,
    description: 'an acknowledged incident triggers again after this many minutes; null: never',
    example: 60,
  })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsInt()
  @Min(1)
  @Max(MAX_TIMER_MINUTES)
  ackTimeoutMinutes?: number | null;

  @ApiPropertyOptional({
    type: Number,
    minimum: 1,
    maximum: MAX_TIMER_MINUTES,
    nullable: true,
    description: 'an incident with no new alert for this many minutes is resolved; null: never',
    example: 240,
  })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsInt()
  @Min(1)
  @Max(MAX_TIMER_MINUTES)
  autoResolveMinutes?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'the Slack channel pages are posted to; null: none', example: 'C024BE91L' })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @Matches(/^[CGD][A-Z0-9]{2,}$/, { message: 'slackChannelId must be a Slack channel id such as C024BE91L' })
  slackChannelId?: string | null;
}

/** A PATCH: absent fields stay as they are; null clears only the fields that say nullable. */
export class UpdateServiceDto extends PartialType(CreateServiceDto, { skipNullProperties: false }) {}

export class CreateIntegrationDto {
  @ApiProperty({ enum: INTEGRATION_TYPES, description: 'the webhook format it accepts', example: 'alertmanager' })
  @IsIn(INTEGRATION_TYPES as unknown as string[])
  type: IntegrationType;

  @ApiPropertyOptional({ description: 'a label for people', example: 'prod Prometheus' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @NoControlChars()
  name?: string;

  @ApiPropertyOptional({ description: 'grafana only: HMAC-SHA256 secret; requests must then be signed', example: 's3cr3t-shared-with-grafana' })
  @IsOptional()
  @IsString()
  @Length(8, 512)
  signingSecret?: string;

  @ApiPropertyOptional({
    description: 'grafana only, with signingSecret: the signature header',
    default: 'X-Grafana-Alerting-Signature',
    example: 'X-Grafana-Alerting-Signature',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9-]{1,100}$/, { message: 'signatureHeader must be an HTTP header name' })
  signatureHeader?: string;

  @ApiPropertyOptional({
    description: 'grafana only, with signingSecret: when set, the signature covers "<timestamp>:<body>"',
    example: 'X-Grafana-Alerting-Signature-Timestamp',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9-]{1,100}$/, { message: 'timestampHeader must be an HTTP header name' })
  timestampHeader?: string;

  @ApiPropertyOptional({ description: 'events per minute; 0 = unlimited; absent = install default', example: 120 })
  @IsOptional()
  @NumberFromText()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  rateLimitPerMinute?: number;
}

export class CreateHeartbeatDto {
  @ApiProperty({ description: 'what sends the pings', example: 'nightly backup', minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  @NoControlChars()
  name: string;

  @ApiProperty({ minimum: 1, maximum: MAX_TIMER_MINUTES, description: 'an incident opens when no ping came for this many minutes', example: 1440 })
  @IsInt()
  @Min(1)
  @Max(MAX_TIMER_MINUTES)
  intervalMinutes: number;
}

export class ServiceMaintenanceResponse {
  @ApiProperty({ description: 'the covering window that ends last', format: 'uuid', example: '7e1f3c2a-9b8d-4e6f-a1b2-c3d4e5f6a7b8' }) windowId: string;
  @ApiProperty({ description: 'when that window ends (ISO 8601, UTC)', format: 'date-time', example: '2026-12-01T23:00:00.000Z' }) until: string;
}

export class ServiceResponse {
  @ApiProperty({ description: 'service id', format: 'uuid', example: '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d' }) id: string;
  @ApiProperty({ description: 'the name', example: 'Billing API' }) name: string;
  @ApiProperty({ nullable: true, type: String, description: 'free text for responders', example: 'Invoices and payments' }) description: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'who is paged for this service; null only for the built-in Direct pages service, whose incidents carry their own targets',
    format: 'uuid',
    example: '1c8d902b-6f4a-4c3d-9e7a-5d0c9a2e8f1b',
  })
  escalationPolicyId: string | null;
  @ApiProperty({ description: 'the built-in Direct pages service: it cannot be deleted, renamed or given a policy', example: false }) builtIn: boolean;
  @ApiProperty({ nullable: true, type: Number, description: 'an acknowledged incident triggers again after this many minutes; null: never', example: 60 }) ackTimeoutMinutes: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'an incident with no new alert for this many minutes is resolved; null: never', example: null }) autoResolveMinutes: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'the Slack channel pages are posted to; null: none', example: 'C024BE91L' }) slackChannelId: string | null;
  @ApiProperty({ description: 'ISO 8601, UTC', format: 'date-time', example: '2026-11-30T09:00:00.000Z' }) createdAt: string;
  @ApiProperty({ description: 'ISO 8601, UTC', format: 'date-time', example: '2026-11-30T09:00:00.000Z' }) updatedAt: string;
  @ApiProperty({
    nullable: true,
    type: ServiceMaintenanceResponse,
    description: 'set while a maintenance window covers the service (new incidents do not page); null otherwise',
  })
  maintenance: ServiceMaintenanceResponse | null;

  static of(s: Service, maintenance?: ServiceMaintenance): ServiceResponse {
    return {
      id: s.id,
      name: s.name,
      description: s.description,
      escalationPolicyId: s.escalationPolicyId,
      builtIn: isBuiltInService(s.id),
      ackTimeoutMinutes: s.ackTimeoutMinutes,
      autoResolveMinutes: s.autoResolveMinutes,
      slackChannelId: s.slackChannelId,
      createdAt: s.createdAt.toISOString(),
      updatedAt: s.updatedAt.toISOString(),
      maintenance: maintenance ? { windowId: maintenance.windowId, until: maintenance.until.toISOString() } : null,
    };
  }
}

/**
 * Integration and heartbeat keys are write credentials (anyone holding one can
 * open, acknowledge and resolve incidents of the service): only admin keys see
 * them, and the URLs that embed them. Other roles get null.
 */
export function seesWebhookKeys(principal: Pick<Principal, 'role'> | undefined): boolean {
  return hasRole(principal, 'admin');
}

export class IntegrationResponse {
  @ApiProperty({ description: 'integration id', format: 'uuid', example: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d' }) id: string;
  @ApiProperty({ description: 'its service', format: 'uuid', example: '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d' }) serviceId: string;
  @ApiProperty({ enum: INTEGRATION_TYPES, description: 'the webhook format it accepts', example: 'alertmanager' }) type: IntegrationType;
  @ApiProperty({ nullable: true, type: String, description: 'a label for people', example: 'prod Prometheus' }) name: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the credential (for events-v2 the routing_key); null unless the caller is an admin key', example: 'k3y0f32characterslowercase0123ab' })
  key: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the URL to paste into the monitoring tool; null unless the caller is an admin key', example: 'https://klaxon.example.org/integrations/k3y0f32characterslowercase0123ab/alertmanager' })
  url: string | null;
  @ApiProperty({ description: 'requests must carry a valid signature (a signing secret is set)', example: false }) signed: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'the signature header, when signed', example: null }) signatureHeader: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the signed timestamp header, when any', example: null }) timestampHeader: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'events per minute; 0: unlimited; null: the install default', example: null }) rateLimitPerMinute: number | null;
  @ApiProperty({ description: 'ISO 8601, UTC', format: 'date-time', example: '2026-11-30T09:00:00.000Z' }) createdAt: string;

  /** `url` embeds the key, so both are withheld together. */
  static of(i: Integration, url: string, showKey: boolean): IntegrationResponse {
    return {
      id: i.id,
      serviceId: i.serviceId,
      type: i.type,
      name: i.name,
      key: showKey ? i.key : null,
      url: showKey ? url : null,
      signed: i.signingSecret !== null,
      signatureHeader: i.signatureHeader,
      timestampHeader: i.timestampHeader,
      rateLimitPerMinute: i.rateLimitPerMinute,
      createdAt: i.createdAt.toISOString(),
    };
  }
}

export class HeartbeatMonitorResponse {
  @ApiProperty({ description: 'monitor id', format: 'uuid', example: '9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f' }) id: string;
  @ApiProperty({ description: 'its service', format: 'uuid', example: '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d' }) serviceId: string;
  @ApiProperty({ description: 'what sends the pings', example: 'nightly backup' }) name: string;
  @ApiProperty({ nullable: true, type: String, description: 'the credential; null unless the caller is an admin key', example: 'hb0f32characterslowercase0123abc' })
  key: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the URL to ping; null unless the caller is an admin key', example: 'https://klaxon.example.org/heartbeats/hb0f32characterslowercase0123abc' })
  url: string | null;
  @ApiProperty({ description: 'an incident opens when no ping came for this many minutes', example: 1440 }) intervalMinutes: number;
  @ApiProperty({ enum: ['pending', 'up', 'down'], description: 'pending until the first ping; down while overdue', example: 'up' }) status: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'ISO 8601, UTC; null before the first ping', example: '2026-11-30T02:00:00.000Z' }) lastPingAt: string | null;
  @ApiProperty({ description: 'when the next ping is due; ISO 8601, UTC', format: 'date-time', example: '2026-12-01T02:00:00.000Z' }) dueAt: string;

  static of(m: HeartbeatMonitor, url: string, showKey: boolean): HeartbeatMonitorResponse {
    return {
      id: m.id,
      serviceId: m.serviceId,
      name: m.name,
      key: showKey ? m.key : null,
      url: showKey ? url : null,
      intervalMinutes: m.intervalMinutes,
      status: m.status,
      lastPingAt: m.lastPingAt?.toISOString() ?? null,
      dueAt: m.dueAt.toISOString(),
    };
  }
}
