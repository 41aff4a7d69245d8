import { randomBytes } from 'node:crypto';
import type { TestApp } from './test-app';

let seq = 0;
const unique = () => `${++seq}-${randomBytes(3).toString('hex')}`;

export interface UserFixture {
  id: string;
  name: string;
  email: string;
  contactMethods: { id: string; type: string; address: string }[];
}

/** Creates a user through the API, with the given contact methods (each with its default rule). */
export async function createUser(
  t: TestApp,
  overrides: { name?: string; email?: string; timeZone?: string } = {},
  contacts: { type: 'sms' | 'voice' | 'email' | 'slack'; address: string }[] = [],
): Promise<UserFixture> {
  const id = unique();
  const res = await t
    .api()
    .post('/api/v1/users', {
      name: overrides.name ?? `User ${id}`,
      email: overrides.email ?? `user-${id}@example.com`,
      ...(overrides.timeZone ? { timeZone: overrides.timeZone } : {}),
    })
    .expect(201);
  const user: UserFixture = { ...res.body, contactMethods: [] };
  for (const c of contacts) {
    const cm = await t.api().post(`/api/v1/users/${user.id}/contact-methods`, c).expect(201);
    user.contactMethods.push(cm.body);
  }
  return user;
}

/** A distinct valid E.164 number per call. */
export function phoneNumber(): string {
  return `+1415555${String(1000 + (++seq % 9000)).padStart(4, '0')}`;
}

export async function createTeam(t: TestApp, memberIds: string[] = []): Promise<{ id: string; name: string }> {
  const res = await t.api().post('/api/v1/teams', { name: `Team ${unique()}`, memberIds }).expect(201);
  return res.body;
}

export interface PolicyLevelInput {
  delayMinutes: number;
  targets: { type: 'user' | 'schedule' | 'chat'; id: string }[];
}

export async function createPolicy(
  t: TestApp,
  levels: PolicyLevelInput[],
  repeat = 0,
): Promise<{ id: string; warnings: { code: string }[] }> {
  const res = await t.api().post('/api/v1/escalation-policies', { name: `Policy ${unique()}`, repeat, levels }).expect(201);
  return res.body;
}

/** A service on the policy with an Events v2 integration; returns the routing key. */
export async function createServiceWithEventsV2(
  t: TestApp,
  escalationPolicyId: string,
  extra: { ackTimeoutMinutes?: number; autoResolveMinutes?: number; slackChannelId?: string } = {},
): Promise<{ serviceId: string; routingKey: string }> {
  const svc = await t.api().post('/api/v1/services', { name: `Service ${unique()}`, escalationPolicyId, ...extra }).expect(201);
  const integ = await t.api().post(`/api/v1/services/${svc.body.id}/integrations`, { type: 'events-v2' }).expect(201);
  return { serviceId: svc.body.id, routingKey: integ.body.key };
}

/** Sends an Events v2 trigger; returns the incident it opened or joined. */
export async function trigger(
  t: TestApp,
  routingKey: string,
  dedupKey: string,
  summary = 'CPU above 90%',
): Promise<{ id: string; number: number; status: string }> {
  await t
    .http()
    .post('/v2/enqueue')
    .send({ routing_key: routingKey, event_action: 'trigger', dedup_key: dedupKey, payload: { summary, source: 'test', severity: 'critical' } })
    .expect(202);
  return incidentByDedupKey(t, dedupKey);
}

/** The incident with this dedup key, as the incidents list returns it (among the 500 newest). */
export async function incidentByDedupKey(t: TestApp, dedupKey: string): Promise<{ id: string; number: number; status: string }> {
  const list = await t.api().get('/api/v1/incidents?limit=500').expect(200);
  const incident = list.body.items.find((i: { dedupKey: string }) => i.dedupKey === dedupKey);
  if (!incident) throw new Error(`no incident for ${dedupKey}`);
  return incident;
}

/** A schedule layer body for POST/PUT /api/v1/schedules (a Layer as docs/schedules.md describes it); override any field. */
export function layerBody(users: string[], overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Primary',
    start: '2026-01-05T00:00:00Z',
    end: null,
    rotation: { unit: 'week', length: 1, handoff: '2026-01-05T09:00:00-05:00' },
    users,
    restrictions: [],
    ...overrides,
  };
}

/** Creates a schedule through the API (America/New_York unless told otherwise). */
export async function createSchedule(
  t: TestApp,
  body: { name?: string; timeZone?: string; layers?: Record<string, unknown>[] } = {},
): Promise<{ id: string; name: string; icalUrl: string; [key: string]: unknown }> {
  const res = await t
    .api()
    .post('/api/v1/schedules', {
      name: body.name ?? `Schedule ${unique()}`,
      timeZone: body.timeZone ?? 'America/New_York',
      layers: body.layers ?? [],
    })
    .expect(201);
  return res.body;
}

/** An escalation policy row (inserted directly, so ingest tests do not depend on the escalation API). */
export async function createEscalationPolicyRow(t: TestApp, levels: unknown[] = [{ delayMinutes: 5, targets: [] }]): Promise<string> {
  const [row] = await t.dataSource.query(
    `INSERT INTO escalation_policies (name, repeat, levels, version) VALUES ($1, 0, $2, 1) RETURNING id`,
    [`Policy ${unique()}`, JSON.stringify(levels)],
  );
  return row.id;
}

export interface ServiceFixture {
  id: string;
  name: string;
  escalationPolicyId: string;
}

export async function createService(
  t: TestApp,
  overrides: { ackTimeoutMinutes?: number; autoResolveMinutes?: number; escalationPolicyId?: string } = {},
): Promise<ServiceFixture> {
  const escalationPolicyId = overrides.escalationPolicyId ?? (await createEscalationPolicyRow(t));
  const res = await t
    .api()
    .post('/api/v1/services', { name: `Service ${unique()}`, ...overrides, escalationPolicyId })
    .expect(201);
  return res.body;
}

export interface IntegrationFixture {
  id: string;
  type: 'events-v2' | 'alertmanager' | 'grafana' | 'generic' | 'opsgenie';
  key: string;
  url: string;
}

export async function createIntegration(
  t: TestApp,
  serviceId: string,
  type: IntegrationFixture['type'],
  extra: Record<string, unknown> = {},
): Promise<IntegrationFixture> {
  const res = await t.api().post(`/api/v1/services/${serviceId}/integrations`, { type, ...extra }).expect(201);
  return res.body;
}

import { loadFixture } from '../../src/ingest/sources/fixtures/load-fixture';

/** A fresh copy of a real captured payload (from src/ingest/sources/fixtures, kept verbatim). */
export function loadSample(name: string): Record<string, any> {
  return loadFixture(name) as Record<string, any>;
}
