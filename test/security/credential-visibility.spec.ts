import { randomBytes } from 'node:crypto';
import { WorkerService } from '../../src/worker/worker.service';
import {
  createIntegration,
  createPolicy,
  createSchedule,
  createService,
  createServiceWithEventsV2,
  createUser,
  incidentByDedupKey,
  IntegrationFixture,
  layerBody,
  phoneNumber,
  trigger,
} from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

type Role = 'admin' | 'responder' | 'readOnly';

/** Integration and heartbeat keys: shown to admin keys only. */
const ADMIN_ONLY: [Role, boolean][] = [
  ['admin', true],
  ['responder', false],
  ['readOnly', false],
];

/**
 * Write credentials are shown only to the roles that may use them: integration
 * and heartbeat keys to admin keys, a schedule's iCal token to responder and
 * admin keys. The addresses an incident's pages went to are contact details:
 * read-only keys see them masked. Credentials a sender put in a webhook body are
 * never stored nor returned with the alert.
 */
describe('credentials by role, and credentials in alert payloads (real PostgreSQL)', () => {
  let t: TestApp;
  let serviceId: string;
  let integrations: IntegrationFixture[];
  let heartbeatKey: string;
  beforeAll(async () => {
    t = await createTestApp();
    const service = await createService(t);
    serviceId = service.id;
    integrations = [
      await createIntegration(t, serviceId, 'events-v2'),
      await createIntegration(t, serviceId, 'generic'),
      await createIntegration(t, serviceId, 'grafana', { signingSecret: 'grafana-secret-123' }),
    ];
    heartbeatKey = (await t.api().post(`/api/v1/services/${serviceId}/heartbeats`, { name: 'nightly', intervalMinutes: 60 }).expect(201)).body.key;
  });
  afterAll(async () => {
    await t.close();
  });

  it.each(ADMIN_ONLY)('integration keys and URLs as %s: shown=%s', async (role, shown) => {
    const res = await t.api(role).get(`/api/v1/services/${serviceId}/integrations`).expect(200);
    expect(res.body).toHaveLength(integrations.length);
    for (const i of res.body) {
      if (shown) {
        expect(i.key).toBe(integrations.find((x) => x.id === i.id)?.key);
        expect(typeof i.url).toBe('string');
      } else {
        expect(i).toMatchObject({ key: null, url: null });
      }
    }
    if (!shown) for (const i of integrations) expect(JSON.stringify(res.body)).not.toContain(i.key);
  });

  it.each(ADMIN_ONLY)('heartbeat keys and URLs as %s: shown=%s', async (role, shown) => {
    const res = await t.api(role).get(`/api/v1/services/${serviceId}/heartbeats`).expect(200);
    expect(res.body).toHaveLength(1);
    if (shown) expect(res.body[0]).toMatchObject({ key: heartbeatKey, url: expect.stringContaining(heartbeatKey) });
    else expect(res.body[0]).toMatchObject({ key: null, url: null });
    if (!shown) expect(JSON.stringify(res.body)).not.toContain(heartbeatKey);
  });

  it.each<[Role, boolean]>([
    ['admin', true],
    ['responder', true],
    ['readOnly', false],
  ])('a schedule’s icalUrl as %s: shown=%s', async (role, shown) => {
    const user = await createUser(t);
    const schedule = await createSchedule(t, { layers: [layerBody([user.id])] });
    const token = new URL(schedule.icalUrl, 'http://x').searchParams.get('token');
    expect(token).toBeTruthy();

    const one = await t.api(role).get(`/api/v1/schedules/${schedule.id}`).expect(200);
    const list = await t.api(role).get('/api/v1/schedules?limit=500').expect(200);
    const listed = list.body.items.find((s: { id: string }) => s.id === schedule.id);
    if (shown) {
      expect(one.body.icalUrl).toBe(schedule.icalUrl);
      expect(listed.icalUrl).toBe(schedule.icalUrl);
    } else {
      expect(one.body.icalUrl).toBeNull();
      expect(listed.icalUrl).toBeNull();
      expect(JSON.stringify([one.body, list.body])).not.toContain(token);
    }
  });

  it.each<[Role, boolean]>([
    ['admin', true],
    ['responder', true],
    ['readOnly', false],
  ])('the addresses of an incident’s pages as %s: shown=%s', async (role, shown) => {
    const phone = phoneNumber();
    const user = await createUser(t, { name: 'Paged Person' }, [
      { type: 'sms', address: phone },
      { type: 'email', address: 'paged.person@example.com' },
    ]);
    const policy = await createPolicy(t, [{ delayMinutes: 5, targets: [{ type: 'user', id: user.id }] }]);
    const { routingKey } = await createServiceWithEventsV2(t, policy.id);
    const incident = await trigger(t, routingKey, `pages-${randomBytes(4).toString('hex')}`);
    await t.get(WorkerService).drain();

    const res = await t.api(role).get(`/api/v1/incidents/${incident.id}/notifications`).expect(200);
    const addresses = res.body.items.map((p: { contactMethod: { address: string } }) => p.contactMethod.address).sort();
    if (shown) {
      expect(addresses).toEqual([phone, 'paged.person@example.com'].sort());
    } else {
      expect(addresses).toEqual([`+•••••••${phone.slice(-4)}`, 'p•••@example.com'].sort());
      expect(JSON.stringify(res.body)).not.toContain(phone.slice(1, -4));
      expect(JSON.stringify(res.body)).not.toContain('paged.person');
    }
  });

  it('the OpenAPI document says the withheld fields are nullable', async () => {
    const doc = (await t.http().get('/docs/openapi.json').expect(200)).body;
    const schemas = doc.components.schemas;
    expect(schemas.IntegrationResponse.properties.key.nullable).toBe(true);
    expect(schemas.IntegrationResponse.properties.url.nullable).toBe(true);
    expect(schemas.HeartbeatMonitorResponse.properties.key.nullable).toBe(true);
    expect(schemas.HeartbeatMonitorResponse.properties.url.nullable).toBe(true);
    expect(schemas.ScheduleResponse.properties.icalUrl.nullable).toBe(true);
  });

  /** Every payload stored for the incident: each alert's latest, and its first once a repeat replaced it. */
  const storedPayloads = async (incidentId: string): Promise<Record<string, unknown>[]> =>
    (await t.dataSource.query(`SELECT payload, first_payload FROM alerts WHERE incident_id = $1 ORDER BY received_at, id`, [incidentId])).flatMap(
      (r: { payload: Record<string, unknown>; first_payload: Record<string, unknown> | null }) => (r.first_payload ? [r.first_payload, r.payload] : [r.payload]),
    );
  const alertsOf = async (incidentId: string, role: Role = 'admin') =>
    (await t.api(role).get(`/api/v1/incidents/${incidentId}`).expect(200)).body.alerts as { payload: any; firstPayload: any; details: any }[];

  it('an Events v2 routing_key is redacted in the stored and the returned payload', async () => {
    const routingKey = integrations[0].key;
    const dedupKey = `redact-${randomBytes(4).toString('hex')}`;
    const incident = await trigger(t, routingKey, dedupKey);
    await trigger(t, routingKey, dedupKey); // the repeat keeps the first payload and stores the latest

    const stored = await storedPayloads(incident.id);
    expect(stored).toHaveLength(2);
    for (const payload of stored) expect(payload).toMatchObject({ routing_key: '[redacted]', dedup_key: dedupKey, event_action: 'trigger' });
    const alerts = await alertsOf(incident.id, 'readOnly');
    expect(alerts.map((a) => [a.payload.routing_key, a.firstPayload.routing_key])).toEqual([['[redacted]', '[redacted]']]);
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM alerts WHERE payload::text LIKE $1 OR first_payload::text LIKE $1`, [
      `%${routingKey}%`,
    ]);
    expect(count).toBe(0);
  });

  it('credential fields of a generic body and of a generic GET query are redacted, in payload and details', async () => {
    const key = integrations[1].key;
    const dedupKey = `generic-${randomBytes(4).toString('hex')}`;
    await t
      .http()
      .post(`/integrations/${key}/generic`)
      .send({ summary: 'backup failed', dedupKey, apiKey: 'opsgenie-secret-1', token: 'bearer-secret-2', details: { host: 'db-1' } })
      .expect(202);
    const post = await incidentByDedupKey(t, dedupKey);
    const [stored] = await storedPayloads(post.id);
    expect(stored).toEqual({ summary: 'backup failed', dedupKey, apiKey: '[redacted]', token: '[redacted]', details: { host: 'db-1' } });

    const getKey = `generic-get-${randomBytes(4).toString('hex')}`;
    await t.http().get(`/integrations/${key}/generic?summary=cron+failed&dedupKey=${getKey}&token=query-secret-3&host=web-1`).expect(202);
    const got = await incidentByDedupKey(t, getKey);
    const [alert] = await alertsOf(got.id);
    expect(alert.payload.query).toMatchObject({ token: '[redacted]', host: 'web-1' });
    expect(alert.details).toMatchObject({ token: '[redacted]', host: 'web-1' });

    const secrets = ['opsgenie-secret-1', 'bearer-secret-2', 'query-secret-3'];
    for (const secret of secrets) {
      const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM alerts WHERE payload::text LIKE $1 OR details::text LIKE $1`, [
        `%${secret}%`,
      ]);
      expect(count).toBe(0);
    }
  });

  it('alert rows stored before redaction are masked on the way out', async () => {
    const routingKey = integrations[0].key;
    const incident = await trigger(t, routingKey, `old-row-${randomBytes(4).toString('hex')}`);
    // A row as the earlier releases stored it: the sender's body verbatim.
    await t.dataSource.query(`UPDATE alerts SET payload = jsonb_set(payload, '{routing_key}', to_jsonb($2::text)) WHERE incident_id = $1`, [
      incident.id,
      routingKey,
    ]);
    const genericGet = await trigger(t, routingKey, `old-get-${randomBytes(4).toString('hex')}`);
    await t.dataSource.query(
      `UPDATE alerts SET payload = '{"query":{"summary":"x","token":"old-query-secret"}}', details = '{"token":"old-query-secret"}' WHERE incident_id = $1`,
      [genericGet.id],
    );

    const [alert] = await alertsOf(incident.id, 'readOnly');
    expect(alert.payload.routing_key).toBe('[redacted]');
    const [old] = await alertsOf(genericGet.id, 'readOnly');
    expect(old.payload).toEqual({ query: { summary: 'x', token: '[redacted]' } });
    expect(old.details).toEqual({ token: '[redacted]' });
  });
});
