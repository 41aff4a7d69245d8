import { adaptEventsV2 } from './events-v2.adapter';
import { eventsV2RequestSchema, openApiSchemaOf } from './events-v2.schema';
import { loadFixture } from './fixtures/load-fixture';

const ROUTING_KEY = 'a'.repeat(32);
const withKey = (name: string) => ({ ...(loadFixture(name) as object), routing_key: ROUTING_KEY });
const payload = { summary: 'CPU hot', source: 'web-1', severity: 'warning' };

/** The documented schema and the adapter must agree: the OpenAPI entry is generated from the schema. */
describe('the Events v2 schema (OpenAPI) agrees with the adapter', () => {
  const bodies: [string, unknown][] = [
    ["Alertmanager's trigger", withKey('alertmanager-pagerduty-trigger.json')],
    ["Alertmanager's resolve", withKey('alertmanager-pagerduty-resolve.json')],
    ['a minimal trigger', { routing_key: ROUTING_KEY, event_action: 'trigger', payload }],
    ['an acknowledge', { routing_key: ROUTING_KEY, event_action: 'acknowledge', dedup_key: 'k' }],
    ['a trigger with links, images and unknown fields', { routing_key: ROUTING_KEY, event_action: 'trigger', payload, links: [{ href: 'https://x.test' }], images: [{ src: 'https://x.test/a.png' }], extra: 1 }],
    ['a short routing key', { routing_key: 'short', event_action: 'trigger', payload }],
    ['no event_action', { routing_key: ROUTING_KEY, payload }],
    ['an unknown event_action', { routing_key: ROUTING_KEY, event_action: 'snooze', payload }],
    ['a trigger without payload', { routing_key: ROUTING_KEY, event_action: 'trigger' }],
    ['a trigger with an unknown severity', { routing_key: ROUTING_KEY, event_action: 'trigger', payload: { ...payload, severity: 'meh' } }],
    ['a resolve without dedup_key', { routing_key: ROUTING_KEY, event_action: 'resolve' }],
  ];

  it.each(bodies)('%s', (_name, body) => {
    expect(eventsV2RequestSchema.safeParse(body).success).toBe(adaptEventsV2(body).ok);
  });

  it('renders as an OpenAPI schema with both kinds of event', () => {
    const schema = openApiSchemaOf(eventsV2RequestSchema) as { oneOf: { required: string[] }[]; $schema?: unknown };
    expect(schema.$schema).toBeUndefined();
    expect(schema.oneOf.map((s) => s.required)).toEqual([
      ['routing_key', 'event_action', 'payload'],
      ['routing_key', 'event_action', 'dedup_key'],
    ]);
  });
});
