import { z } from 'zod';
import { ROUTING_KEY_LENGTH } from './events-v2.adapter';
import { EVENT_ACTIONS, MAX_DEDUP_KEY_LENGTH, MAX_TITLE_LENGTH, SEVERITIES } from './normalised-event';

/**
 * The PagerDuty Events API v2 request, as a schema: the OpenAPI entry of
 * `POST /v2/enqueue` is generated from it (`eventsV2RequestJsonSchema`), with
 * the adapter's own limits. A `trigger` needs `payload` (summary, source,
 * severity); `acknowledge` and `resolve` need only `dedup_key`. Unknown fields
 * are allowed, as PagerDuty allows them. The adapter (events-v2.adapter.ts)
 * stays the judge of a body, with PagerDuty's wording for every problem; a
 * test checks that the two agree on the fixtures.
 */
const link = z.object({ href: z.string(), text: z.string().optional() });
const image = z.object({ src: z.string(), href: z.string().optional(), alt: z.string().optional() });

const common = {
  routing_key: z.string().length(ROUTING_KEY_LENGTH).describe('the integration key of an events-v2 integration: the credential'),
  client: z.string().optional(),
  client_url: z.string().optional(),
  links: z.array(link).optional(),
  images: z.array(image).optional(),
};

const triggerPayload = z.looseObject({
  summary: z.string().min(1).describe(`the incident title (longer text is cut at ${MAX_TITLE_LENGTH} characters)`),
  source: z.string().min(1),
  severity: z.enum(SEVERITIES),
  timestamp: z.string().optional().describe('ISO 8601'),
  component: z.string().optional(),
  group: z.string().optional(),
  class: z.string().optional(),
  custom_details: z.unknown().optional(),
});

const [, ...followUps] = EVENT_ACTIONS;

export const eventsV2RequestSchema = z.discriminatedUnion('event_action', [
  z.looseObject({
    ...common,
    event_action: z.literal('trigger'),
    dedup_key: z.string().optional().describe(`generated when absent, and returned; cut at ${MAX_DEDUP_KEY_LENGTH} characters`),
    payload: triggerPayload,
  }),
  z.looseObject({
    ...common,
    event_action: z.enum(followUps),
    dedup_key: z.string().min(1).describe('the key of the incident to acknowledge or resolve'),
    payload: z.unknown().optional(),
  }),
]);

export const eventsV2AcceptedSchema = z.object({
  status: z.literal('success'),
  message: z.literal('Event processed'),
  dedup_key: z.string(),
});

export const webhookErrorSchema = z.object({
  status: z.string().describe('invalid event, unauthorized, not found, payload too large, unsupported media type, throttle event'),
  message: z.string(),
  errors: z.array(z.string()),
});

/** A zod schema as an OpenAPI 3.0 schema object. */
export function openApiSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input' }) as Record<string, unknown>;
  return json;
}
