import { WorkerService } from '../../src/worker/worker.service';
import { DIRECT_PAGES_SERVICE_ID } from '../../src/services/built-in-services';
import { createPolicy, createSchedule, createServiceWithEventsV2, createUser, layerBody, phoneNumber } from '../support/factories';
import { RecordingChannels } from '../support/recording-channels';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * Direct paging through the API on real PostgreSQL, with the real engine and
 * outbox, recording channels and a fake clock: open an incident by hand, drain
 * the worker, read who was paged.
 */
describe('direct paging: POST /api/v1/incidents', () => {
  let t: TestApp;
  let worker: WorkerService;
  const channels = new RecordingChannels();

  beforeAll(async () => {
    t = await createTestApp({ override: channels.override() });
    worker = t.get(WorkerService);
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => channels.clear());

  const smsTo = (address: string) => channels.get('sms').sent.filter((p) => p.address === address);
  const smsUser = (name: string) => createUser(t, { name }, [{ type: 'sms', address: phoneNumber() }]);

  it('pages a user directly: the incident is on the Direct pages service, names its opener and escalates through a one-off policy', async () => {
    const ada = await smsUser('Ada Direct');
    const res = await t
      .api('responder')
      .post('/api/v1/incidents', { title: '  Checkout is down  ', details: 'since 14:02', targets: [{ type: 'user', id: ada.id }] })
      .expect(201);
    expect(res.body).toMatchObject({
      title: 'Checkout is down',
      severity: 'critical',
      status: 'triggered',
      serviceId: DIRECT_PAGES_SERVICE_ID,
      service: { id: DIRECT_PAGES_SERVICE_ID, name: 'Direct pages' },
      alertCount: 1,
      notes: [],
    });
    expect(res.body.dedupKey).toMatch(/^[0-9a-f]{32}$/);
    const opened = res.body.timeline.find((e: { type: string }) => e.type === 'triggered');
    expect(opened).toMatchObject({ message: 'Opened by hand by test responder: Checkout is down', actor: { type: 'api-key', name: 'test responder' }, channel: 'api' });
    expect(res.body.alerts[0]).toMatchObject({ source: 'manual', integrationId: null, details: expect.objectContaining({ details: 'since 14:02', 'opened by': 'test responder' }) });
    // The same shape as GET /api/v1/incidents/{id}.
    const got = await t.api('readOnly').get(`/api/v1/incidents/${res.body.id}`).expect(200);
    expect(Object.keys(got.body).sort()).toEqual(Object.keys(res.body).sort());

    await worker.drain();
    expect(smsTo(ada.contactMethods[0].address)).toHaveLength(1);
    const [row] = await t.dataSource.query(`SELECT policy_snapshot FROM incidents WHERE id = $1`, [res.body.id]);
    expect(row.policy_snapshot).toMatchObject({ name: 'Direct page', repeat: 0, levels: [{ delayMinutes: 15, targets: [{ type: 'user', id: ada.id }] }] });

    // One level, repeat 0: after its delay nobody more is paged, and the timeline says so.
    t.clock.advanceMinutes(15);
    await worker.drain();
    t.clock.advanceMinutes(60);
    await worker.drain();
    expect(smsTo(ada.contactMethods[0].address)).toHaveLength(1);
    const detail = await t.api().get(`/api/v1/incidents/${res.body.id}`).expect(200);
    expect(detail.body.timeline.map((e: { type: string }) => e.type)).toContain('exhausted');
  });

  it('pages whoever is on call on a schedule', async () => {
    const onCall = await smsUser('Sam Schedule');
    const schedule = await createSchedule(t, { layers: [layerBody([onCall.id])] });
    const res = await t.api('responder').post('/api/v1/incidents', { title: 'Disk full', targets: [{ type: 'schedule', id: schedule.id }] }).expect(201);
    await worker.drain();
    expect(smsTo(onCall.contactMethods[0].address)).toHaveLength(1);
    const detail = await t.api().get(`/api/v1/incidents/${res.body.id}`).expect(200);
    expect(detail.body.timeline.find((e: { type: string }) => e.type === 'notified').message).toContain('Sam Schedule');
  });

  it('pages a service through its own escalation policy', async () => {
    const first = await smsUser('First Level');
    const second = await smsUser('Second Level');
    const policy = await createPolicy(t, [
      { delayMinutes: 5, targets: [{ type: 'user', id: first.id }] },
      { delayMinutes: 5, targets: [{ type: 'user', id: second.id }] },
    ]);
    const { serviceId } = await createServiceWithEventsV2(t, policy.id);
    const res = await t.api('responder').post('/api/v1/incidents', { title: 'Payments failing', severity: 'warning', serviceId }).expect(201);
    expect(res.body).toMatchObject({ serviceId, severity: 'warning' });
    await worker.drain();
    expect(smsTo(first.contactMethods[0].address)).toHaveLength(1);
    expect(smsTo(second.contactMethods[0].address)).toHaveLength(0);
    t.clock.advanceMinutes(5);
    await worker.drain();
    expect(smsTo(second.contactMethods[0].address)).toHaveLength(1);
    const [row] = await t.dataSource.query(`SELECT policy_snapshot->>'id' AS id FROM incidents WHERE id = $1`, [res.body.id]);
    expect(row.id).toBe(policy.id);
  });

  it('an escalation-policy target runs that policy, level by level', async () => {
    const first = await smsUser('Policy First');
    const second = await smsUser('Policy Second');
    const policy = await createPolicy(t, [
      { delayMinutes: 5, targets: [{ type: 'user', id: first.id }] },
      { delayMinutes: 5, targets: [{ type: 'user', id: second.id }] },
    ]);
    const res = await t.api('responder').post('/api/v1/incidents', { title: 'Run the policy', targets: [{ type: 'escalation-policy', id: policy.id }] }).expect(201);
    expect(res.body.serviceId).toBe(DIRECT_PAGES_SERVICE_ID);
    await worker.drain();
    expect(smsTo(first.contactMethods[0].address)).toHaveLength(1);
    t.clock.advanceMinutes(5);
    await worker.drain();
    expect(smsTo(second.contactMethods[0].address)).toHaveLength(1);
  });

  it('400s name the field, and nothing is opened', async () => {
    const user = await createUser(t);
    const before = (await t.dataSource.query(`SELECT count(*)::int AS n FROM incidents`))[0].n;
    const fields = async (body: object) => [
      ...new Set((await t.api('responder').post('/api/v1/incidents', body).expect(400)).body.errors.map((e: { field: string }) => e.field)),
    ];
    const policy = await createPolicy(t, [{ delayMinutes: 5, targets: [{ type: 'user', id: user.id }] }]);
    const { serviceId } = await createServiceWithEventsV2(t, policy.id);
    const missing = '0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f';

    expect(await fields({ targets: [{ type: 'user', id: user.id }] })).toEqual(['title']);
    expect(await fields({ title: '   ', targets: [{ type: 'user', id: user.id }] })).toEqual(['title']);
    expect(await fields({ title: 'x' })).toEqual(['serviceId', 'targets']);
    expect(await fields({ title: 'x', serviceId, targets: [{ type: 'user', id: user.id }] })).toEqual(['serviceId', 'targets']);
    expect(await fields({ title: 'x', targets: [] })).toEqual(['targets']);
    expect(await fields({ title: 'x', targets: [{ type: 'team', id: user.id }] })).toEqual(['targets.0.type']);
    expect(await fields({ title: 'x', severity: 'sev1', serviceId })).toEqual(['severity']);
    expect(await fields({ title: 'x', serviceId: missing })).toEqual(['serviceId']);
    expect(await fields({ title: 'x', serviceId: DIRECT_PAGES_SERVICE_ID })).toEqual(['serviceId']);
    expect(await fields({ title: 'x', targets: [{ type: 'user', id: user.id }, { type: 'schedule', id: missing }, { type: 'user', id: missing }] })).toEqual([
      'targets.1.id',
      'targets.2.id',
    ]);
    expect(await fields({ title: 'x', targets: [{ type: 'escalation-policy', id: missing }] })).toEqual(['targets.0.id']);
    expect(await fields({ title: 'x', targets: [{ type: 'escalation-policy', id: policy.id }, { type: 'user', id: user.id }] })).toEqual(['targets']);
    const unknownUser = await t.api('responder').post('/api/v1/incidents', { title: 'x', targets: [{ type: 'user', id: missing }] }).expect(400);
    expect(unknownUser.body.message).toContain(`no user ${missing}`);
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM incidents`))[0].n).toBe(before);
  });

  it('needs a responder key: read-only gets 403, no key 401', async () => {
    const user = await createUser(t);
    await t.api('readOnly').post('/api/v1/incidents', { title: 'x', targets: [{ type: 'user', id: user.id }] }).expect(403);
    await t.api(null).post('/api/v1/incidents', { title: 'x', targets: [{ type: 'user', id: user.id }] }).expect(401);
  });

  it('the Direct pages service exists after migrations, without a policy, and cannot be deleted, renamed or given a policy', async () => {
    const svc = await t.api('readOnly').get(`/api/v1/services/${DIRECT_PAGES_SERVICE_ID}`).expect(200);
    expect(svc.body).toMatchObject({ name: 'Direct pages', escalationPolicyId: null, builtIn: true });
    const del = await t.api().delete(`/api/v1/services/${DIRECT_PAGES_SERVICE_ID}`).expect(409);
    expect(del.body.message).toContain('built in and cannot be deleted');
    await t.api().patch(`/api/v1/services/${DIRECT_PAGES_SERVICE_ID}`, { name: 'Something else' }).expect(409);
    const policy = await createPolicy(t, [{ delayMinutes: 5, targets: [] }]);
    await t.api().patch(`/api/v1/services/${DIRECT_PAGES_SERVICE_ID}`, { escalationPolicyId: policy.id }).expect(409);
    const edited = await t.api().patch(`/api/v1/services/${DIRECT_PAGES_SERVICE_ID}`, { name: 'Direct pages', slackChannelId: 'C0DIRECT' }).expect(200);
    expect(edited.body).toMatchObject({ name: 'Direct pages', slackChannelId: 'C0DIRECT', escalationPolicyId: null });
    await t.api().patch(`/api/v1/services/${DIRECT_PAGES_SERVICE_ID}`, { slackChannelId: null }).expect(200);
    // It has no policy to page with: no integration or heartbeat monitor can feed it.
    await t.api().post(`/api/v1/services/${DIRECT_PAGES_SERVICE_ID}/integrations`, { type: 'events-v2' }).expect(409);
    await t.api().post(`/api/v1/services/${DIRECT_PAGES_SERVICE_ID}/heartbeats`, { name: 'nightly', intervalMinutes: 60 }).expect(409);
    // Only the built-in service may lack a policy.
    await expect(t.dataSource.query(`UPDATE services SET escalation_policy_id = NULL WHERE id <> $1`, [DIRECT_PAGES_SERVICE_ID])).rejects.toThrow(/ck_services_policy/);
    const other = await createServiceWithEventsV2(t, policy.id);
    expect((await t.api().get(`/api/v1/services/${other.serviceId}`).expect(200)).body.builtIn).toBe(false);
  });

  it('notes: added by a responder, listed with the incident and on their own, in the timeline and the audit log', async () => {
    const user = await createUser(t);
    const { body: incident } = await t.api('responder').post('/api/v1/incidents', { title: 'Notes here', targets: [{ type: 'user', id: user.id }] }).expect(201);
    const added = await t.api('responder').post(`/api/v1/incidents/${incident.id}/notes`, { text: '  Rolled back deploy 42\nwatching  ' }).expect(201);
    expect(added.body).toMatchObject({ text: 'Rolled back deploy 42\nwatching', author: { type: 'api-key', name: 'test responder' }, channel: 'api' });
    t.clock.advanceMinutes(1);
    await t.api().post(`/api/v1/incidents/${incident.id}/notes`, { text: 'second' }).expect(201);

    const listed = await t.api('readOnly').get(`/api/v1/incidents/${incident.id}/notes`).expect(200);
    expect(listed.body.map((n: { text: string }) => n.text)).toEqual(['Rolled back deploy 42\nwatching', 'second']);
    expect(listed.body[0].id).toBe(added.body.id);
    const detail = await t.api('readOnly').get(`/api/v1/incidents/${incident.id}`).expect(200);
    expect(detail.body.notes).toEqual(listed.body);
    const entry = detail.body.timeline.find((e: { type: string }) => e.type === 'note');
    expect(entry).toMatchObject({ message: 'Note from test responder: Rolled back deploy 42\nwatching', actor: { type: 'api-key', name: 'test responder' }, data: { text: 'Rolled back deploy 42\nwatching' } });

    const audit = (await t.api('readOnly').get(`/api/v1/audit-log?resourceType=incident&resourceId=${incident.id}`).expect(200)).body.items;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['note.create', 'note.create', 'create']);
    expect(audit[2]).toMatchObject({ principal: { name: 'test responder', role: 'responder' }, method: 'POST', path: '/api/v1/incidents', status: 201 });
    expect(audit[1]).toMatchObject({ subresourceId: added.body.id, requestBody: { text: '  Rolled back deploy 42\nwatching  ' } });
  });

  it('notes: 400 naming text, 404 for an unknown incident, 403 for read-only', async () => {
    const user = await createUser(t);
    const { body: incident } = await t.api('responder').post('/api/v1/incidents', { title: 'Bad notes', targets: [{ type: 'user', id: user.id }] }).expect(201);
    for (const body of [{}, { text: '' }, { text: '   ' }, { text: 42 }, { text: 'x'.repeat(4001) }]) {
      const res = await t.api('responder').post(`/api/v1/incidents/${incident.id}/notes`, body).expect(400);
      expect(new Set(res.body.errors.map((e: { field: string }) => e.field))).toEqual(new Set(['text']));
    }
    await t.api('responder').post(`/api/v1/incidents/${incident.id}/notes`, { text: 'x'.repeat(4000) }).expect(201);
    await t.api('responder').post('/api/v1/incidents/0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f/notes', { text: 'hello' }).expect(404);
    await t.api('readOnly').post(`/api/v1/incidents/${incident.id}/notes`, { text: 'hello' }).expect(403);
    await t.api('readOnly').get('/api/v1/incidents/0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f/notes').expect(404);
  });
});
