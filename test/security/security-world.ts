import { randomBytes } from 'node:crypto';
import type request from 'supertest';
import {
  createIntegration,
  createPolicy,
  createSchedule,
  createService,
  createTeam,
  createUser,
  IntegrationFixture,
  layerBody,
  loadSample,
  phoneNumber,
  trigger,
} from '../support/factories';
import { SessionsService } from '../../src/sessions/sessions.service';
import type { TestApp } from '../support/test-app';
import { WebhookEvents } from '../../src/webhooks/webhook-events';

/** Routes that answer with a stream that stays open (Server-Sent Events): the tests read the status, then hang up. */
export const STREAMING_ROUTES: ReadonlySet<string> = new Set(['GET /api/v1/events']);

/** Makes a supertest request resolve with the status and headers alone, closing the (streaming) body. */
export function hangUpAfterHeaders(req: request.Test): request.Test {
  return req.buffer(false).parse((res, done) => {
    (res as unknown as { destroy(): void }).destroy();
    done(null, undefined);
  });
}

/** One real object of every kind, so every route can be called with ids that exist. */
/**
 * Writes open to responders (@MinRole('responder')), as Nest routes them.
 * Adding one is a security decision: it must be listed here (both auth suites read it).
 */
export const RESPONDER_WRITES: readonly string[] = [
  'POST /api/v1/incidents/:id/acknowledge',
  'POST /api/v1/incidents/:id/resolve',
  'POST /api/v1/incidents/:id/escalate',
  'POST /api/v1/incidents',
  'POST /api/v1/incidents/:id/notes',
  'POST /api/v1/schedules/:id/overrides',
  'DELETE /api/v1/schedules/:id/overrides/:overrideId',
];

export interface World {
  userId: string;
  otherUserId: string;
  contactMethodId: string;
  ruleId: string;
  handoffRuleId: string;
  teamId: string;
  scheduleId: string;
  overrideId: string;
  policyId: string;
  serviceId: string;
  integrations: Record<IntegrationFixture['type'], IntegrationFixture>;
  heartbeat: { id: string; key: string };
  incidentId: string;
  incidentNumber: number;
  apiKeyId: string;
  eventRouterId: string;
  /** A maintenance window that has not started (so it can still be edited). */
  maintenanceWindowId: string;
  /** An outgoing webhook (a literal public address: no DNS) and one of its deliveries, still pending. */
  webhookId: string;
  webhookDeliveryId: string;
  chatDestinationId: string;
  /** A console session of the other user (an admin may list and revoke it). */
  sessionId: string;
  /** An admin API key: the body of the console's key sign-in. */
  adminKey: string;
}

export async function buildWorld(t: TestApp): Promise<World> {
  const user = await createUser(t, {}, [{ type: 'sms', address: phoneNumber() }]);
  const other = await createUser(t);
  const detail = (await t.api().get(`/api/v1/users/${user.id}`).expect(200)).body;
  const team = await createTeam(t, [user.id]);
  const schedule = await createSchedule(t, { layers: [layerBody([user.id, other.id])] });
  const override = await t
    .api()
    .post(`/api/v1/schedules/${schedule.id}/overrides`, { userId: other.id, start: '2026-03-02T00:00:00Z', end: '2026-03-03T00:00:00Z' })
    .expect(201);
  const policy = await createPolicy(t, [{ delayMinutes: 5, targets: [{ type: 'schedule', id: schedule.id }] }]);
  const service = await createService(t, { escalationPolicyId: policy.id });
  const integrations = {
    'events-v2': await createIntegration(t, service.id, 'events-v2'),
    alertmanager: await createIntegration(t, service.id, 'alertmanager'),
    grafana: await createIntegration(t, service.id, 'grafana'),
    generic: await createIntegration(t, service.id, 'generic'),
    opsgenie: await createIntegration(t, service.id, 'opsgenie'),
  };
  const hb = await t.api().post(`/api/v1/services/${service.id}/heartbeats`, { name: 'nightly', intervalMinutes: 60 }).expect(201);
  const incident = await trigger(t, integrations['events-v2'].key, `world-${randomBytes(4).toString('hex')}`);
  const key = await t.api().post('/api/v1/api-keys', { name: 'world', role: 'read-only' }).expect(201);
  const router = await t
    .api()
    .post('/api/v1/event-routers', {
      name: 'world router',
      rules: [{ name: 'team', when: [{ field: 'labels.team', op: 'equals', value: 'world' }], then: { route: { serviceId: service.id } } }],
      fallback: { serviceId: service.id },
    })
  const window = await t
    .api()
    .post('/api/v1/maintenance-windows', { description: 'world', start: '2026-04-01T00:00:00Z', end: '2026-04-01T02:00:00Z', serviceIds: [service.id] })
    .expect(201);
  const handoffRule = await t
    .api()
    .post(`/api/v1/users/${user.id}/handoff-rules`, { contactMethodId: user.contactMethods[0].id, handoffType: 'both', advanceMinutes: 30 })
    .expect(201);
  const webhook = await t.api().post('/api/v1/webhooks', { url: 'https://93.184.216.34/world-hook', events: ['incident.note_added'] }).expect(201);
  await t.dataSource.transaction((em) =>
    t.get(WebhookEvents).enqueue(em, { type: 'incident.note_added', incidentId: incident.id, occurredAt: t.clock.now(), extra: { note: 'world' } }),
  );
  const delivery = (await t.api().get(`/api/v1/webhooks/${webhook.body.id}/deliveries`).expect(200)).body.items[0];
  const room = await t.api().post('/api/v1/chat-destinations', { name: 'world room', type: 'teams', url: 'https://example.com/hooks/world' }).expect(201);
  const session = await t.get(SessionsService).openForUser({ id: other.id, name: 'world', role: 'responder' }, 'email-link');
  return {
    sessionId: session.session.id,
    adminKey: t.keys.admin,
    userId: user.id,
    otherUserId: other.id,
    contactMethodId: user.contactMethods[0].id,
    ruleId: detail.notificationRules[0].id,
    handoffRuleId: handoffRule.body.id,
    teamId: team.id,
    scheduleId: schedule.id,
    overrideId: override.body.id,
    policyId: policy.id,
    serviceId: service.id,
    integrations,
    heartbeat: { id: hb.body.id, key: hb.body.key },
    incidentId: incident.id,
    incidentNumber: incident.number,
    apiKeyId: key.body.id,
    eventRouterId: router.body.id,
    maintenanceWindowId: window.body.id,
    webhookId: webhook.body.id,
    webhookDeliveryId: delivery.id,
    chatDestinationId: room.body.id,
  };
}

const COLLECTION_IDS: Record<string, keyof World> = {
  users: 'userId',
  teams: 'teamId',
  schedules: 'scheduleId',
  'escalation-policies': 'policyId',
  services: 'serviceId',
  incidents: 'incidentId',
  'api-keys': 'apiKeyId',
  'event-routers': 'eventRouterId',
  'maintenance-windows': 'maintenanceWindowId',
  webhooks: 'webhookId',
  'chat-destinations': 'chatDestinationId',
  sessions: 'sessionId',
};

const PARAM_IDS: Record<string, keyof World> = {
  cmId: 'contactMethodId',
  ruleId: 'ruleId',
  handoffRuleId: 'handoffRuleId',
  overrideId: 'overrideId',
  userId: 'otherUserId',
  monitorId: 'heartbeat',
  deliveryId: 'webhookDeliveryId',
  number: 'incidentNumber',
};

/** `/api/v1/schedules/{id}/overrides/{overrideId}` -> a URL naming real objects of the world. */
export function concretePath(world: World, template: string): string {
  const collection = template.split('/')[3] ?? '';
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name === 'id') return String(world[COLLECTION_IDS[collection]]);
    if (name === 'integrationId') return world.integrations.generic.id;
    if (name === 'monitorId') return world.heartbeat.id;
    const field = PARAM_IDS[name];
    if (!field) throw new Error(`no fixture for path parameter {${name}} in ${template}`);
    return String(world[field]);
  });
}

/** A body each write route accepts, keyed by "METHOD /template"; the fuzzer mutates these. */
export function validBodies(world: World): Record<string, Record<string, unknown>> {
  const u = () => randomBytes(4).toString('hex');
  return {
    'POST /api/v1/api-keys': { name: 'fuzz', role: 'read-only' },
    'POST /api/v1/session/api-key': { key: world.adminKey },
    'POST /api/v1/session/email-link': { email: 'fuzz@example.com' },
    'POST /api/v1/session/email-link/confirm': { token: 'fuzz-token' },
    'POST /api/v1/users': { name: 'Fuzz', email: `fuzz-${u()}@example.com`, timeZone: 'Europe/London' },
    'PATCH /api/v1/users/{id}': { name: 'Fuzzed', timeZone: 'UTC' },
    'POST /api/v1/users/{id}/contact-methods': { type: 'email', address: `cm-${u()}@example.com` },
    'PATCH /api/v1/users/{id}/contact-methods/{cmId}': { enabled: true },
    'POST /api/v1/users/{id}/notification-rules': { contactMethodId: world.contactMethodId, delayMinutes: 5 },
    'POST /api/v1/users/{id}/handoff-rules': { contactMethodId: world.contactMethodId, handoffType: 'oncall', advanceMinutes: 15 },
    'PATCH /api/v1/users/{id}/handoff-rules/{handoffRuleId}': { advanceMinutes: 45 },
    'POST /api/v1/teams': { name: `Team ${u()}`, memberIds: [world.userId] },
    'PATCH /api/v1/teams/{id}': { name: `Team ${u()}` },
    'POST /api/v1/teams/{id}/members': { userId: world.otherUserId },
    'POST /api/v1/schedules': { name: 'Fuzz', timeZone: 'America/New_York', layers: [layerBody([world.userId])] },
    'PUT /api/v1/schedules/{id}': { name: 'Fuzz', timeZone: 'America/New_York', layers: [layerBody([world.userId, world.otherUserId])] },
    'PATCH /api/v1/schedules/{id}': { name: 'Fuzz patched', slackChannelId: 'C0FUZZ' },
    'POST /api/v1/schedules/{id}/overrides': { userId: world.userId, start: '2026-04-01T00:00:00Z', end: '2026-04-02T00:00:00Z' },
    'POST /api/v1/services': { name: `Svc ${u()}`, escalationPolicyId: world.policyId },
    'PUT /api/v1/services/{id}': { name: `Svc ${u()}`, escalationPolicyId: world.policyId },
    'PATCH /api/v1/services/{id}': { ackTimeoutMinutes: 30 },
    'POST /api/v1/services/{id}/integrations': { type: 'generic', name: 'fuzz' },
    'POST /api/v1/services/{id}/heartbeats': { name: 'hb', intervalMinutes: 10 },
    'POST /api/v1/maintenance-windows': { description: 'Fuzz', start: '2026-04-01T00:00:00Z', end: '2026-04-01T01:00:00Z', serviceIds: [world.serviceId] },
    'PATCH /api/v1/maintenance-windows/{id}': { description: 'Fuzz patched' },
    'POST /api/v1/maintenance-windows/{id}/end': {},
    'POST /api/v1/chat-destinations': { name: `Room ${u()}`, type: 'mattermost', url: 'https://chat.example.com/hooks/fuzz' },
    'PATCH /api/v1/chat-destinations/{id}': { name: `Room ${u()}`, enabled: true },
    'POST /api/v1/incidents/{id}/acknowledge': { note: 'on it' },
    'POST /api/v1/incidents/{id}/resolve': { note: 'fixed' },
    'POST /api/v1/incidents/{id}/escalate': { note: 'help' },
    'POST /api/v1/incidents': { title: 'Fuzz page', severity: 'warning', targets: [{ type: 'user', id: world.userId }] },
    'POST /api/v1/incidents/{id}/notes': { text: 'Fuzz note' },
    'POST /api/v1/users/{id}/slack-link': {},
    'POST /api/v1/escalation-policies': { name: 'Fuzz', repeat: 1, levels: [{ delayMinutes: 5, targets: [{ type: 'user', id: world.userId }] }] },
    'POST /api/v1/event-routers': {
      name: `Router ${u()}`,
      rules: [{ name: 'db', when: [{ field: 'summary', op: 'matches', value: '^db-\\d+' }], then: { route: { serviceId: world.serviceId }, severity: 'critical' } }],
      fallback: { drop: true },
    },
    'PATCH /api/v1/event-routers/{id}': { name: `Router ${u()}`, fallback: { serviceId: world.serviceId } },
    'POST /api/v1/event-routers/{id}/test': {
      format: 'events-v2',
      body: { event_action: 'trigger', payload: { summary: 'disk full', source: 'db-1', severity: 'critical' } },
    },
    'POST /api/v1/webhooks': { url: 'https://93.184.216.34/fuzz', events: ['incident.triggered', 'incident.resolved'], description: 'Fuzz' },
    'PATCH /api/v1/webhooks/{id}': { description: 'Fuzz patched', events: ['incident.note_added'] },
    'POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver': {},
    'PUT /api/v1/escalation-policies/{id}': { name: 'Fuzz', repeat: 0, levels: [{ delayMinutes: 5, targets: [{ type: 'schedule', id: world.scheduleId }] }] },
  };
}

/** Every webhook with a real key (in the URL, the body or `headers`) and a body it accepts. */
export function webhooks(world: World): { url: string; valid: Record<string, unknown>; headers?: Record<string, string> }[] {
  const i = world.integrations;
  return [
    {
      url: '/v2/enqueue',
      valid: { routing_key: i['events-v2'].key, event_action: 'trigger', payload: { summary: 'disk full', source: 'db-1', severity: 'critical' } },
    },
    { url: `/integrations/${i.alertmanager.key}/alertmanager`, valid: loadSample('alertmanager-webhook-firing.json') },
    { url: `/integrations/${i.grafana.key}/grafana`, valid: loadSample('grafana-webhook-firing.json') },
    { url: `/integrations/${i.generic.key}/generic`, valid: { summary: 'backup failed', dedupKey: 'nightly', severity: 'warning' } },
    { url: `/heartbeats/${world.heartbeat.key}`, valid: {} },
    { url: '/v2/alerts', valid: loadSample('alertmanager-opsgenie-create.json').body, headers: { Authorization: `GenieKey ${i.opsgenie.key}` } },
    {
      url: '/v2/alerts/fuzz-alias/notes?identifierType=alias',
      valid: { user: 'alice', source: 'fuzz', note: 'a note' },
      headers: { Authorization: `GenieKey ${i.opsgenie.key}` },
    },
  ];
}

/** The count statement of each app's database: its tables do not change while a test runs. */
const countStatements = new WeakMap<TestApp, string>();

/** Row counts of every table: equal before and after a rejected request means nothing was written. */
export async function rowCounts(t: TestApp): Promise<Record<string, number>> {
  let sql = countStatements.get(t);
  if (!sql) {
    const tables: { table_name: string }[] = await t.dataSource.query(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations' ORDER BY table_name`,
    );
    sql = `SELECT ${tables.map(({ table_name: n }) => `(SELECT count(*)::int FROM "${n}") AS "${n}"`).join(', ')}`;
    countStatements.set(t, sql);
  }
  const [row] = await t.dataSource.query(sql);
  return row;
}

export interface OpenApiRoute {
  method: string;
  template: string;
  operation: Record<string, unknown>;
}

export async function openApiRoutes(t: TestApp): Promise<OpenApiRoute[]> {
  const doc = (await t.http().get('/docs/openapi.json').expect(200)).body as { paths: Record<string, Record<string, Record<string, unknown>>> };
  const out: OpenApiRoute[] = [];
  for (const [template, ops] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(ops)) out.push({ method: method.toUpperCase(), template, operation });
  }
  return out;
}
