import { createEscalationPolicyRow, createIntegration, createService } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';
import { HeartbeatsService } from '../../src/services/heartbeats.service';
import { postJson } from '../ingest/ingest-helpers';

describe('services, integrations and heartbeat monitors (real PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates, reads, updates and deletes a service', async () => {
    const escalationPolicyId = await createEscalationPolicyRow(t);
    const created = await t
      .api()
      .post('/api/v1/services', { name: 'Billing', escalationPolicyId, ackTimeoutMinutes: 30, autoResolveMinutes: 240, slackChannelId: 'C024BE91L' })
      .expect(201);
    expect(created.body).toMatchObject({ name: 'Billing', escalationPolicyId, ackTimeoutMinutes: 30, autoResolveMinutes: 240, slackChannelId: 'C024BE91L' });
    await t.api().get(`/api/v1/services/${created.body.id}`).expect(200);
    const patched = await t.api().patch(`/api/v1/services/${created.body.id}`, { autoResolveMinutes: null }).expect(200);
    expect(patched.body).toMatchObject({ autoResolveMinutes: null, ackTimeoutMinutes: 30 });
    const list = await t.api().get('/api/v1/services').expect(200);
    expect(list.body.items.map((s: { id: string }) => s.id)).toContain(created.body.id);
    await t.api().post('/api/v1/services', { name: 'Billing', escalationPolicyId }).expect(409);
    await t.api('responder').post('/api/v1/services', { name: 'Nope', escalationPolicyId }).expect(403);
    await t.api().delete(`/api/v1/services/${created.body.id}`).expect(204);
    await t.api().get(`/api/v1/services/${created.body.id}`).expect(404);
  });

  it('answers 400 naming escalationPolicyId when the policy does not exist, and names every bad field', async () => {
    const res = await t.api().post('/api/v1/services', { name: 'Ghost', escalationPolicyId: '00000000-0000-4000-8000-000000000000' }).expect(400);
    expect(res.body.errors).toEqual([{ field: 'escalationPolicyId', message: expect.stringContaining('does not exist') }]);
    const bad = await t.api().post('/api/v1/services', { name: '', escalationPolicyId: 'x', ackTimeoutMinutes: 0 }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['name', 'escalationPolicyId', 'ackTimeoutMinutes']));
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM services WHERE name IN ('Ghost', '')`);
    expect(count).toBe(0);
  });

  it('lists and deletes integrations; a deleted key is unknown at once; grafana-only options are refused elsewhere', async () => {
    const service = await createService(t);
    const am = await createIntegration(t, service.id, 'alertmanager', { name: 'prod AM' });
    expect(am.key).toMatch(/^[a-z0-9]{40}$/);
    expect(am.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/integrations\/[a-z0-9]{40}\/alertmanager$/);
    const list = await t.api().get(`/api/v1/services/${service.id}/integrations`).expect(200);
    expect(list.body).toEqual([expect.objectContaining({ id: am.id, type: 'alertmanager', name: 'prod AM', key: am.key })]);

    await postJson(t, `/integrations/${am.key}/alertmanager`, {}).expect(400);
    await t.api().delete(`/api/v1/services/${service.id}/integrations/${am.id}`).expect(204);
    await postJson(t, `/integrations/${am.key}/alertmanager`, {}).expect(404);

    const bad = await t.api().post(`/api/v1/services/${service.id}/integrations`, { type: 'generic', signingSecret: 'abcdefgh12' }).expect(400);
    expect(bad.body.errors).toEqual([{ field: 'signingSecret', message: 'is only for grafana integrations' }]);
    await t.api().post(`/api/v1/services/${service.id}/integrations`, { type: 'pagerduty' }).expect(400);
    await t.api().post('/api/v1/services/00000000-0000-4000-8000-000000000000/integrations', { type: 'generic' }).expect(404);
  });

  it('a missed heartbeat opens one incident; the next ping resolves it', async () => {
    const service = await createService(t);
    const created = await t.api().post(`/api/v1/services/${service.id}/heartbeats`, { name: 'nightly backup', intervalMinutes: 60 }).expect(201);
    expect(created.body).toMatchObject({ name: 'nightly backup', intervalMinutes: 60, status: 'pending' });
    expect(created.body.url).toMatch(new RegExp(`/heartbeats/${created.body.key}$`));
    const heartbeats = t.get(HeartbeatsService);
    const openIncidents = async () =>
      (await t.api().get(`/api/v1/incidents?serviceId=${service.id}&status=open`).expect(200)).body.items;

    expect(await heartbeats.checkOverdue(t.clock.advanceMinutes(59))).toBe(0);
    await t.http().post(`/heartbeats/${created.body.key}`).expect(202, { status: 'success', message: 'Heartbeat recorded' });
    expect(await heartbeats.checkOverdue(t.clock.advanceMinutes(59))).toBe(0);

    expect(await heartbeats.checkOverdue(t.clock.advanceMinutes(2))).toBe(1);
    // Idempotent: a monitor already down is not reported again.
    expect(await heartbeats.checkOverdue(t.clock.advanceMinutes(120))).toBe(0);
    const [incident] = await openIncidents();
    expect(incident).toMatchObject({ status: 'triggered', title: expect.stringContaining('nightly backup'), dedupKey: `heartbeat:${created.body.id}` });

    await t.http().post(`/heartbeats/${created.body.key}`).send('anything').expect(202);
    expect(await openIncidents()).toEqual([]);
    const detail = (await t.api().get(`/api/v1/incidents/${incident.id}`).expect(200)).body;
    expect(detail.status).toBe('resolved');
    expect(detail.alerts.map((a: { source: string; action: string }) => `${a.source}:${a.action}`)).toEqual(['heartbeat:trigger', 'heartbeat:resolve']);

    const [monitor] = (await t.api().get(`/api/v1/services/${service.id}/heartbeats`).expect(200)).body;
    expect(monitor).toMatchObject({ status: 'up', lastPingAt: t.clock.now().toISOString() });

    // Silent again: a new incident.
    expect(await heartbeats.checkOverdue(t.clock.advanceMinutes(61))).toBe(1);
    expect(await openIncidents()).toHaveLength(1);
  });
});
