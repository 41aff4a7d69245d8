import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { IsArray, IsIn, IsInt, IsObject, IsString, Length, Max, Min, ValidateIf } from 'class-validator';
import { NoControlChars } from '../common/validators';
import { SEVERITIES } from '../ingest/sources/normalised-event';
import type { EventRouterHit } from './event-router-hit.entity';
import type { EventRouter } from './event-router.entity';
import { CONDITION_OPS, Fallback, MAX_CONDITIONS, MAX_RULES, Rule } from './rules/router-rules';

/**
 * The shapes of the event-router API. `rules` and `fallback` are judged by
 * the pure parser (rules/router-rules.ts), which names the rule of every
 * problem; these classes declare them for the OpenAPI document.
 */

export class ConditionDto {
  @ApiProperty({
    description: 'summary, source, severity, component, group, class, eventAction, labels.<name>, annotations.<name> or details.<dotted path>',
    example: 'labels.team',
  })
  field: string;

  @ApiProperty({ enum: CONDITION_OPS, description: 'how the field is compared; a missing field fails every op except the four negative ones', example: 'equals' })
  op: string;

  @ApiPropertyOptional({ description: 'the text to compare with (an RE2 pattern for matches/notMatches); absent for exists/notExists', example: 'payments' })
  value?: string;

  @ApiPropertyOptional({ description: 'equals and contains only: compare ignoring case', example: false })
  ignoreCase?: boolean;
}

export class ServiceRefDto {
  @ApiProperty({ format: 'uuid', description: 'the service that gets the event', example: '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d' })
  serviceId: string;
}

export class ActionsDto {
  @ApiPropertyOptional({ type: ServiceRefDto, description: 'send the event to this service (exactly one of route or drop)' })
  route?: ServiceRefDto;

  @ApiPropertyOptional({ description: 'with route: record the incident as suppressed (listed, never pages)', example: false })
  suppress?: boolean;

  @ApiPropertyOptional({ enum: SEVERITIES, description: "with route: replaces the event's severity", example: 'critical' })
  severity?: string;

  @ApiPropertyOptional({ enum: [true], description: 'record nothing (counted in the hit counters and metrics)', example: true })
  drop?: boolean;
}

export class RuleDto {
  @ApiProperty({ description: 'shown in hit counters, test answers and 400s', example: 'payments team' }) name: string;
  @ApiProperty({ type: [ConditionDto], maxItems: MAX_CONDITIONS, description: 'all must hold; an empty list always matches' }) when: ConditionDto[];
  @ApiProperty({ type: ActionsDto, description: '{route: {serviceId}, suppress?, severity?} or {drop: true}' }) then: ActionsDto;
}

export class FallbackDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'the service of events no rule matched (exactly one of serviceId or drop)', example: '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d' })
  serviceId?: string;

  @ApiPropertyOptional({ enum: [true], description: 'drop events no rule matched', example: true })
  drop?: boolean;
}

export class CreateEventRouterDto {
  @ApiProperty({ description: 'a name for people', example: 'Prometheus (all teams)', minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  @NoControlChars()
  name: string;

  @ApiProperty({ type: [RuleDto], maxItems: MAX_RULES, description: 'evaluated in order: the first whose conditions all hold applies' })
  @IsArray()
  rules: unknown[];

  @ApiProperty({ type: FallbackDto, description: 'what happens when no rule matches (required)' })
  @IsObject()
  fallback: Record<string, unknown>;

  @ApiPropertyOptional({ type: Number, minimum: 0, nullable: true, description: 'events per minute for this key; 0: unlimited; null: the install default', example: null })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  rateLimitPerMinute?: number | null;
}

export class UpdateEventRouterDto {
  @ApiPropertyOptional({ description: 'a name for people', example: 'Prometheus (all teams)', minLength: 1, maxLength: 200 })
  @ValidateIf((_, v) => v !== undefined)
  @IsString()
  @Length(1, 200)
  @NoControlChars()
  name?: string;

  @ApiPropertyOptional({ type: [RuleDto], maxItems: MAX_RULES, description: 'replaces every rule (the hit counters start again)' })
  @ValidateIf((_, v) => v !== undefined)
  @IsArray()
  rules?: unknown[];

  @ApiPropertyOptional({ type: FallbackDto, description: 'replaces the fallback (the hit counters start again)' })
  @ValidateIf((_, v) => v !== undefined)
  @IsObject()
  fallback?: Record<string, unknown>;

  @ApiPropertyOptional({ type: Number, minimum: 0, nullable: true, description: 'events per minute for this key; 0: unlimited; null: the install default', example: null })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  rateLimitPerMinute?: number | null;
}

export class RuleHitsResponse {
  @ApiProperty({ type: Number, nullable: true, description: "the rule's index; null for the fallback", example: 0 }) index: number | null;
  @ApiProperty({ type: String, nullable: true, description: "the rule's name; null for the fallback", example: 'payments team' }) name: string | null;
  @ApiProperty({ description: 'events (alerts, for groups) this rule decided since the rules last changed', example: 42 }) count: number;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'when it last decided one; null: never', example: '2026-11-30T09:00:00.000Z' })
  lastMatchedAt: string | null;
}

export class RouterUrlsResponse {
  @ApiProperty({ description: 'PagerDuty Events v2: POST here with routing_key', example: 'https://klaxon.example.org/v2/enqueue' }) eventsV2: string;
  @ApiProperty({ description: 'Alertmanager webhook_configs url', example: 'https://klaxon.example.org/integrations/r0ut3rkeyof32charslowercase0123a/alertmanager' })
  alertmanager: string;
  @ApiProperty({ description: 'Grafana webhook contact point url', example: 'https://klaxon.example.org/integrations/r0ut3rkeyof32charslowercase0123a/grafana' })
  grafana: string;
  @ApiProperty({ description: 'generic JSON (POST) or query parameters (GET)', example: 'https://klaxon.example.org/integrations/r0ut3rkeyof32charslowercase0123a/generic' })
  generic: string;
}

@ApiExtraModels(RuleDto, FallbackDto)
export class EventRouterResponse {
  @ApiProperty({ description: 'router id', format: 'uuid', example: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b' }) id: string;
  @ApiProperty({ description: 'a name for people', example: 'Prometheus (all teams)' }) name: string;
  @ApiProperty({ nullable: true, type: String, description: 'the credential (routing_key, or in the webhook path); null unless the caller is an admin key', example: 'r0ut3rkeyof32charslowercase0123a' })
  routingKey: string | null;
  @ApiProperty({ nullable: true, type: RouterUrlsResponse, description: 'where to send alerts; null unless the caller is an admin key' })
  urls: RouterUrlsResponse | null;
  @ApiProperty({ type: 'array', items: { $ref: getSchemaPath(RuleDto) }, description: 'the rules, in order' }) rules: Rule[];
  @ApiProperty({ allOf: [{ $ref: getSchemaPath(FallbackDto) }], description: 'what happens when no rule matches' }) fallback: Fallback;
  @ApiProperty({ type: Number, nullable: true, description: 'events per minute; 0: unlimited; null: the install default', example: null }) rateLimitPerMinute: number | null;
  @ApiProperty({ description: 'bumped by every change of rules or fallback (hit counters start again)', example: 1 }) version: number;
  @ApiProperty({ description: 'ISO 8601, UTC', format: 'date-time', example: '2026-11-30T09:00:00.000Z' }) createdAt: string;
  @ApiProperty({ description: 'ISO 8601, UTC', format: 'date-time', example: '2026-11-30T09:00:00.000Z' }) updatedAt: string;
  @ApiPropertyOptional({ type: [RuleHitsResponse], description: 'GET of one router only: per rule, then the fallback, the events decided and the last match (eventually consistent: up to ~2 s behind)' })
  hits?: RuleHitsResponse[];

  /** `urls` embed the key, so both are withheld together. */
  static of(r: EventRouter, urls: RouterUrlsResponse, showKey: boolean, hits?: EventRouterHit[]): EventRouterResponse {
    const out: EventRouterResponse = {
      id: r.id,
      name: r.name,
      routingKey: showKey ? r.routingKey : null,
      urls: showKey ? urls : null,
      rules: r.rules,
      fallback: r.fallback,
      rateLimitPerMinute: r.rateLimitPerMinute,
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
    if (hits) {
      const byRule = new Map(hits.map((h) => [h.rule, h]));
      const row = (key: string, index: number | null, name: string | null): RuleHitsResponse => {
        const h = byRule.get(key);
        return { index, name, count: h?.count ?? 0, lastMatchedAt: h?.lastMatchedAt.toISOString() ?? null };
      };
      out.hits = [...r.rules.map((rule, i) => row(String(i), i, rule.name)), row('fallback', null, null)];
    }
    return out;
  }
}

export const TEST_FORMATS = ['events-v2', 'alertmanager', 'grafana', 'generic', 'opsgenie'] as const;
export type TestFormat = (typeof TEST_FORMATS)[number];

export class TestEventRouterDto {
  @ApiProperty({ enum: TEST_FORMATS, description: 'the format of body, as the route it would be sent to reads it', example: 'alertmanager' })
  @IsIn(TEST_FORMATS)
  format: TestFormat;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the event exactly as the monitoring tool would send it (routing_key may be left out)', example: { version: '4', groupKey: '{}:{alertname="DiskFull"}', status: 'firing', alerts: [{ status: 'firing', labels: { alertname: 'DiskFull', team: 'payments' } }] } })
  @IsObject()
  body: Record<string, unknown>;
}

export class TestDecisionResponse {
  @ApiProperty({ type: Number, nullable: true, description: "the alert's index in the group; null for an event that is not a group", example: 0 }) alert: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'the rule that matched; null when the fallback applied', example: 0 }) ruleIndex: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'its name; null for the fallback', example: 'payments team' }) ruleName: string | null;
  @ApiProperty({ description: 'whether the fallback applied', example: false }) fallback: boolean;
  @ApiProperty({ enum: ['route', 'drop'], description: 'what the rule does', example: 'route' }) action: 'route' | 'drop';
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'the service, for route', example: '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d' }) serviceId: string | null;
  @ApiProperty({ description: 'the incident would be recorded suppressed (never pages)', example: false }) suppress: boolean;
  @ApiProperty({ type: String, nullable: true, enum: [...SEVERITIES, null], description: 'the severity override, if any', example: null }) severity: string | null;
}

export class TestEventResponse {
  @ApiProperty({ enum: ['route', 'drop', 'follow-up'], description: 'route: recorded for the services below; drop: nothing recorded; follow-up: an acknowledge/resolve, which acts on the open incidents this router opened with its dedup key', example: 'route' })
  result: 'route' | 'drop' | 'follow-up';
  @ApiProperty({ type: [TestDecisionResponse], description: 'what decided each event (each alert of a group)' }) decisions: TestDecisionResponse[];
  @ApiProperty({ description: 'what would be recorded, one entry per service', type: 'array', items: { type: 'object', properties: { serviceId: { type: 'string', format: 'uuid' }, action: { type: 'string', enum: ['trigger', 'acknowledge', 'resolve'] }, dedupKey: { type: 'string', nullable: true }, title: { type: 'string' }, severity: { type: 'string', enum: [...SEVERITIES] }, suppressed: { type: 'boolean' }, alerts: { type: 'integer', nullable: true } } }, example: [{ serviceId: '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d', action: 'trigger', dedupKey: '{}:{alertname="DiskFull"}', title: 'DiskFull (1 firing)', severity: 'error', suppressed: false, alerts: 1 }] })
  incidents: TestIncidentPreview[];
  @ApiProperty({ description: 'in words', example: 'rule 0 "payments team" routes the event to service 4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d' }) summary: string;
}

export interface TestIncidentPreview {
  serviceId: string;
  action: string;
  dedupKey: string | null;
  title: string;
  severity: string;
  suppressed: boolean;
  alerts: number | null;
}
