import { MetricsService } from '../../src/health/metrics.service';
import { RouterHitsRepository } from '../../src/routing/router-hits.repository';
import { WorkerService } from '../../src/worker/worker.service';
import { createPolicy, createService, createUser, phoneNumber, ServiceFixture } from '../support/factories';
import { RecordingChannels } from '../support/recording-channels';
import { createTestApp, TestApp } from '../support/test-app';
import { counts, incidentDetail, incidentsOf, postJson } from './ingest-helpers';

/**
 * Event routers end to end on PostgreSQL: one routing key, rules that pick
 * the service, on every ingest route; acknowledge/resolve by the incidents
 * the router opened; drop, suppress, severity, fallback; hit counters; the
 * test endpoint; validation; key redaction; the audit log.
 */
describe('event routers (real PostgreSQL)', () => {
  let t: TestApp;
  let worker: WorkerService;
  const channels = new RecordingChannels();
  let payments: ServiceFixture;
  let web: ServiceFixture;
  let other: ServiceFixture;

  beforeAll(async () => {
    t = await createTestApp({ override: channels.override() });
    worker = t.get(WorkerService);
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    channels.clear();
    payments = await createService(t);
    web = await createService(t);
    other = await createService(t);
  });

  async function createRouter(body: Record<string, unknown>): Promise<{ id: string; routingKey: string }> {
    const res = await t.api().post('/api/v1/event-routers', { name: 'all teams', ...body }).expect(201);
    return res.body;
  }

  /** team=payments -> payments, team=web -> web, else other. */
  const teamRules = () => ({
    rules: [
      { name: 'payments team', when: [{ field: 'labels.team', op: 'equals', value: 'payments' }], then: { route: { serviceId: payments.id } } },
      { name: 'web team', when: [{ field: 'labels.team', op: 'equals', value: 'web' }], then: { route: { serviceId: web.id } } },
    ],
    fallback: { serviceId: other.id },
  });

  const amAlert = (name: string, team: string, status: 'firing' | 'resolved', fingerprint: string) => ({
    status,
    labels: { alertname: name, team, instance: `${name}-host` },
    annotations: { summary: `${name} on ${team}` },
    startsAt: '2026-11-30T09:00:00Z',
    endsAt: status === 'resolved' ? '2026-11-30T09:10:00Z' : '0001-01-01T00:00:00Z',
    fingerprint,
  });
  const amGroup = (alerts: ReturnType<typeof amAlert>[]) => ({
    version: '4',
    groupKey: '{}:{alertname=~".+"}',
    status: alerts.every((a) => a.status === 'resolved') ? 'resolved' : 'firing',
    receiver: 'klaxon',
    groupLabels: {},
    commonLabels: {},
    commonAnnotations: {},
    alerts,
  });

  const enqueue = (routingKey: string, body: Record<string, unknown>) => postJson(t, '/v2/enqueue', { routing_key: routingKey, ...body });
  const v2Trigger = (dedupKey: string, payload: Record<string, unknown> = {}) => ({
    event_action: 'trigger',
    dedup_key: dedupKey,
    payload: { summary: `disk ${dedupKey}`, source: 'db-1', severity: 'error', ...payload },
  });

  it('an Alertmanager group whose alerts carry different team labels lands in different services through one router, and resolves per service', async () => {
    const router = await createRouter(teamRules());
    const url = `/integrations/${router.routingKey}/alertmanager`;
    const firing = amGroup([
      amAlert('DiskFull', 'payments', 'firing', 'f-pay-1'),
      amAlert('HighCPU', 'web', 'firing', 'f-web-1'),
      amAlert('HighCPU', 'payments', 'firing', 'f-pay-2'),
    ]);
    const res = await postJson(t, url, firing).expect(202);
    expect(res.body).toEqual({ status: 'success', message: 'Event processed', dedup_key: firing.groupKey });

    const [pay] = await incidentsOf(t, payments.id);
    const [w] = await incidentsOf(t, web.id);
    expect(await incidentsOf(t, other.id)).toHaveLength(0);
    expect(pay).toMatchObject({ status: 'triggered', dedupKey: firing.groupKey, routerId: router.id, suppressed: false, title: 'Alert group (2 firing)' });
    expect(w).toMatchObject({ status: 'triggered', dedupKey: firing.groupKey, routerId: router.id, title: 'HighCPU on web' });
    const payAlerts = (await incidentDetail(t, pay.id)).alerts.map((a: { fingerprint: string }) => a.fingerprint).sort();
    expect(payAlerts).toEqual(['f-pay-1', 'f-pay-2']);
    expect((await incidentDetail(t, w.id)).alerts.map((a: { fingerprint: string }) => a.fingerprint)).toEqual(['f-web-1']);

    // The web alert resolves: web's part has resolved, payments' has not.
    t.clock.advanceMinutes(5);
    await postJson(t, url, amGroup([
      amAlert('DiskFull', 'payments', 'firing', 'f-pay-1'),
      amAlert('HighCPU', 'web', 'resolved', 'f-web-1'),
      amAlert('HighCPU', 'payments', 'firing', 'f-pay-2'),
    ])).expect(202);
    expect((await incidentDetail(t, w.id)).status).toBe('resolved');
    expect((await incidentDetail(t, pay.id)).status).toBe('triggered');

    // One payments alert resolves: its incident stays open until both have.
    t.clock.advanceMinutes(5);
    await postJson(t, url, amGroup([
      amAlert('DiskFull', 'payments', 'resolved', 'f-pay-1'),
      amAlert('HighCPU', 'web', 'resolved', 'f-web-1'),
      amAlert('HighCPU', 'payments', 'firing', 'f-pay-2'),
    ])).expect(202);
    expect((await incidentDetail(t, pay.id)).status).toBe('triggered');

    t.clock.advanceMinutes(5);
    await postJson(t, url, amGroup([
      amAlert('DiskFull', 'payments', 'resolved', 'f-pay-1'),
      amAlert('HighCPU', 'web', 'resolved', 'f-web-1'),
      amAlert('HighCPU', 'payments', 'resolved', 'f-pay-2'),
    ])).expect(202);
    const resolved = await incidentDetail(t, pay.id);
    expect(resolved.status).toBe('resolved');
    expect(resolved.resolvedBy).toMatchObject({ type: 'integration', id: router.id, name: 'all teams' });
    expect(await counts(t, payments.id)).toMatchObject({ incidents: 1, alerts: 2 });
    expect(await counts(t, web.id)).toMatchObject({ incidents: 1, alerts: 1 });
  });

  it('Events v2 trigger, acknowledge and resolve through a router key; an unknown dedup key is a 202 no-op', async () => {
    const router = await createRouter({
      rules: [{ name: 'eu', when: [{ field: 'details.region', op: 'equals', value: 'eu' }], then: { route: { serviceId: web.id } } }],
      fallback: { serviceId: other.id },
    });
    await enqueue(router.routingKey, v2Trigger('eu-disk', { custom_details: { region: 'eu' } })).expect(202);
    const [incident] = await incidentsOf(t, web.id);
    expect(incident).toMatchObject({ dedupKey: 'eu-disk', routerId: router.id, status: 'triggered' });

    // Acknowledge and resolve carry nothing to match (no region): they find the incident this router opened.
    await enqueue(router.routingKey, { event_action: 'acknowledge', dedup_key: 'eu-disk' }).expect(202);
    expect((await incidentDetail(t, incident.id)).status).toBe('acknowledged');
    await enqueue(router.routingKey, { event_action: 'resolve', dedup_key: 'eu-disk' }).expect(202);
    expect((await incidentDetail(t, incident.id)).status).toBe('resolved');

    const before = await counts(t, other.id);
    const res = await enqueue(router.routingKey, { event_action: 'resolve', dedup_key: 'never-opened' }).expect(202);
    expect(res.body).toEqual({ status: 'success', message: 'Event processed', dedup_key: 'never-opened' });
    expect(await counts(t, other.id)).toEqual(before);

    // A keyless trigger gets a generated key back, as from an integration.
    const keyless = await enqueue(router.routingKey, { event_action: 'trigger', payload: { summary: 'x', source: 'y', severity: 'info' } }).expect(202);
    expect(keyless.body.dedup_key).toMatch(/^[0-9a-f]{32}$/);
    expect((await incidentsOf(t, other.id)).map((i) => i.dedupKey)).toEqual([keyless.body.dedup_key]);
  });

  it('router keys take every format on the integration paths (generic POST and GET, Grafana)', async () => {
    const router = await createRouter({ rules: [], fallback: { serviceId: other.id } });
    await postJson(t, `/integrations/${router.routingKey}/generic`, { summary: 'cron failed', dedupKey: 'cron' }).expect(202);
    await t.http().get(`/integrations/${router.routingKey}/generic?summary=backup&dedupKey=backup`).expect(202);
    const grafana = { ...amGroup([amAlert('Disk', 'x', 'firing', 'g1')]), version: '1' };
    await postJson(t, `/integrations/${router.routingKey}/grafana`, grafana).expect(202);
    const keys = (await incidentsOf(t, other.id)).map((i) => i.dedupKey).sort();
    expect(keys).toEqual(['backup', 'cron', grafana.groupKey].sort());
    await postJson(t, '/integrations/nosuchkey0000000000000000000000a/generic', { summary: 'x' }).expect(404);
  });

  it('a router key is rate limited like an integration key', async () => {
    const router = await createRouter({ rules: [], fallback: { serviceId: other.id }, rateLimitPerMinute: 2 });
    await enqueue(router.routingKey, v2Trigger('r1')).expect(202);
    await postJson(t, `/integrations/${router.routingKey}/generic`, { summary: 'r2' }).expect(202);
    const limited = await enqueue(router.routingKey, v2Trigger('r3')).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    t.clock.advanceMinutes(1);
    await enqueue(router.routingKey, v2Trigger('r4')).expect(202);
  });

  it('drop records nothing and is counted; fallback; hit counters and last match time via GET', async () => {
    const router = await createRouter({
      rules: [
        { name: 'noise', when: [{ field: 'severity', op: 'equals', value: 'info' }], then: { drop: true } },
        { name: 'payments', when: [{ field: 'summary', op: 'matches', value: '(?i)^pay' }], then: { route: { serviceId: payments.id } } },
      ],
      fallback: { serviceId: other.id },
    });
    const before = [await counts(t, payments.id), await counts(t, other.id)];
    await enqueue(router.routingKey, v2Trigger('n1', { severity: 'info' })).expect(202);
    await enqueue(router.routingKey, v2Trigger('n2', { severity: 'info' })).expect(202);
    expect([await counts(t, payments.id), await counts(t, other.id)]).toEqual(before);

    await enqueue(router.routingKey, v2Trigger('p1', { summary: 'Payments down' })).expect(202);
    t.clock.advanceMinutes(1);
    await enqueue(router.routingKey, v2Trigger('o1', { summary: 'something else' })).expect(202);
    expect((await incidentsOf(t, payments.id)).map((i) => i.dedupKey)).toEqual(['p1']);
    expect((await incidentsOf(t, other.id)).map((i) => i.dedupKey)).toEqual(['o1']);

    const res = await t.api('readOnly').get(`/api/v1/event-routers/${router.id}`).expect(200);
    expect(res.body.hits).toEqual([
      { index: 0, name: 'noise', count: 2, lastMatchedAt: expect.any(String) },
      { index: 1, name: 'payments', count: 1, lastMatchedAt: expect.any(String) },
      { index: null, name: null, count: 1, lastMatchedAt: t.clock.now().toISOString() },
    ]);

    const metric = await t.get(MetricsService).routerEvents.get();
    const series = (rule: string, outcome: string) =>
      metric.values.find((v) => v.labels.router === router.id && v.labels.rule === rule && v.labels.outcome === outcome)?.value;
    expect([series('0', 'dropped'), series('1', 'routed'), series('fallback', 'routed')]).toEqual([2, 1, 1]);

    // Flushes add up (several instances flush the same rows); counts of a version the router left are dropped.
    const hitsRepo = t.get(RouterHitsRepository);
    const at = t.clock.now();
    await Promise.all([
      hitsRepo.add([
        { routerId: router.id, version: 1, rule: '1', count: 2, lastMatchedAt: at },
        { routerId: router.id, version: 1, rule: '1', count: 3, lastMatchedAt: at },
      ]),
      hitsRepo.add([{ routerId: router.id, version: 1, rule: '1', count: 7, lastMatchedAt: at }]),
      hitsRepo.add([{ routerId: router.id, version: 0, rule: '1', count: 100, lastMatchedAt: at }]),
    ]);
    const added = await t.api().get(`/api/v1/event-routers/${router.id}`).expect(200);
    expect(added.body.hits[1]).toMatchObject({ index: 1, count: 13 });

    // New rules start the counts again.
    const patched = await t.api().patch(`/api/v1/event-routers/${router.id}`, { rules: [] }).expect(200);
    expect(patched.body.version).toBe(2);
    const after = await t.api().get(`/api/v1/event-routers/${router.id}`).expect(200);
    expect(after.body.hits).toEqual([{ index: null, name: null, count: 0, lastMatchedAt: null }]);
  });

  it('suppress records the incident flagged, never pages nor posts to Slack; severity overrides the event', async () => {
    const alice = await createUser(t, { name: 'Alice' }, [{ type: 'sms', address: phoneNumber() }]);
    const policy = await createPolicy(t, [{ delayMinutes: 5, targets: [{ type: 'user', id: alice.id }] }]);
    const svc = await t
      .api()
      .post('/api/v1/services', { name: `Quiet ${Date.now()}`, escalationPolicyId: policy.id, autoResolveMinutes: 60, slackChannelId: 'C024BE91L' })
      .expect(201);
    const router = await createRouter({
      rules: [
        { name: 'quiet', when: [{ field: 'source', op: 'startsWith', value: 'lab-' }], then: { route: { serviceId: svc.body.id }, suppress: true, severity: 'warning' } },
        { name: 'loud', when: [], then: { route: { serviceId: svc.body.id }, severity: 'critical' } },
      ],
      fallback: { drop: true },
    });
    await enqueue(router.routingKey, v2Trigger('lab', { source: 'lab-1', severity: 'critical' })).expect(202);
    await worker.drain();
    t.clock.advanceMinutes(30);
    await worker.drain();
    expect(channels.get('sms').sent).toHaveLength(0);
    const [quiet] = await incidentsOf(t, svc.body.id);
    expect(quiet).toMatchObject({ dedupKey: 'lab', suppressed: true, severity: 'warning', status: 'triggered' });
    const rows = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM notifications WHERE incident_id = $1) AS pages,
              (SELECT array_agg(kind ORDER BY kind) FROM timers WHERE incident_id = $1) AS timers`,
      [quiet.id],
    );
    expect(rows[0]).toEqual({ pages: 0, timers: ['auto-resolve'] });
    const listed = await t.api().get(`/api/v1/incidents?serviceId=${svc.body.id}&suppressed=true`).expect(200);
    expect(listed.body.items.map((i: { id: string }) => i.id)).toEqual([quiet.id]);

    // The same service through a rule without suppress pages (the setup can page), with the overriding severity.
    await enqueue(router.routingKey, v2Trigger('prod', { source: 'prod-1', severity: 'info' })).expect(202);
    await worker.drain();
    expect(channels.get('sms').sent.filter((p) => p.address === alice.contactMethods[0].address)).toHaveLength(1);
    const loud = (await incidentsOf(t, svc.body.id)).find((i) => i.dedupKey === 'prod');
    expect(loud).toMatchObject({ suppressed: false, severity: 'critical' });
    // The Slack announcer ran: it posted the paging incident to the channel, and not the suppressed one.
    const posts = await t.dataSource.query(`SELECT incident_id FROM notifications WHERE channel = 'slack' AND user_id IS NULL AND incident_id = ANY($1::uuid[])`, [
      [quiet.id, loud.id],
    ]);
    expect(posts).toEqual([{ incident_id: loud.id }]);
    const unsuppressed = await t.api().get(`/api/v1/incidents?serviceId=${svc.body.id}&suppressed=false`).expect(200);
    expect(unsuppressed.body.items.map((i: { id: string }) => i.id)).toEqual([loud.id]);
  });

  it('the test endpoint answers which rule matched and what would happen, changing nothing', async () => {
    const router = await createRouter(teamRules());
    const before = [await counts(t, payments.id), await counts(t, web.id), await counts(t, other.id)];
    await t.api('readOnly').post(`/api/v1/event-routers/${router.id}/test`, { format: 'events-v2', body: v2Trigger('x') }).expect(403);
    const res = await t
      .api()
      .post(`/api/v1/event-routers/${router.id}/test`, {
        format: 'alertmanager',
        body: amGroup([amAlert('Disk', 'web', 'firing', 't1'), amAlert('Disk', 'db', 'firing', 't2')]),
      })
      .expect(200);
    expect(res.body.result).toBe('route');
    expect(res.body.decisions).toEqual([
      { alert: 0, ruleIndex: 1, ruleName: 'web team', fallback: false, action: 'route', serviceId: web.id, suppress: false, severity: null },
      { alert: 1, ruleIndex: null, ruleName: null, fallback: true, action: 'route', serviceId: other.id, suppress: false, severity: null },
    ]);
    expect(res.body.incidents.map((i: { serviceId: string }) => i.serviceId)).toEqual([web.id, other.id]);
    expect(res.body.summary).toContain('rule 1 "web team" routes it to service');

    const v2 = await t
      .api()
      .post(`/api/v1/event-routers/${router.id}/test`, { format: 'events-v2', body: v2Trigger('x') })
      .expect(200);
    expect(v2.body.decisions).toEqual([expect.objectContaining({ alert: null, fallback: true, serviceId: other.id })]);
    const ack = await t
      .api()
      .post(`/api/v1/event-routers/${router.id}/test`, { format: 'events-v2', body: { event_action: 'acknowledge', dedup_key: 'x' } })
      .expect(200);
    expect(ack.body).toMatchObject({ result: 'follow-up', decisions: [], incidents: [] });
    const bad = await t.api().post(`/api/v1/event-routers/${router.id}/test`, { format: 'alertmanager', body: { version: '4' } }).expect(400);
    expect(bad.body.errors[0].field).toBe('body');
    await t.api().post(`/api/v1/event-routers/${router.id}/test`, { format: 'nagios', body: {} }).expect(400);

    expect([await counts(t, payments.id), await counts(t, web.id), await counts(t, other.id)]).toEqual(before);
    const got = await t.api().get(`/api/v1/event-routers/${router.id}`).expect(200);
    expect(got.body.hits.map((h: { count: number }) => h.count)).toEqual([0, 0, 0]);
  });

  it('validation: a 400 names the rule (index and name) and the problem; fallback is required; unknown services', async () => {
    const bad = await t
      .api()
      .post('/api/v1/event-routers', {
        name: 'bad',
        rules: [
          { name: 'ok', when: [], then: { route: { serviceId: payments.id } } },
          { name: 'broken regex', when: [{ field: 'summary', op: 'matches', value: '(unclosed' }], then: { drop: true } },
        ],
        fallback: { drop: true },
      })
      .expect(400);
    expect(bad.body.errors).toEqual([{ field: 'rules.1.when.0.value', message: expect.stringMatching(/^rule 1 "broken regex": invalid RE2 pattern: /) }]);

    const lookbehind = await t
      .api()
      .post('/api/v1/event-routers', { name: 'x', rules: [{ name: 'lb', when: [{ field: 'summary', op: 'matches', value: '(?<=a)b' }], then: { drop: true } }], fallback: { drop: true } })
      .expect(400);
    expect(lookbehind.body.message).toContain('rule 0 "lb": invalid RE2 pattern');

    const noFallback = await t.api().post('/api/v1/event-routers', { name: 'x', rules: [] }).expect(400);
    expect(noFallback.body.errors.map((e: { field: string }) => e.field)).toContain('fallback');

    const ghost = '00000000-0000-4000-8000-000000000000';
    const unknown = await t
      .api()
      .post('/api/v1/event-routers', { name: 'x', rules: [{ name: 'ghost', when: [], then: { route: { serviceId: ghost } } }], fallback: { serviceId: ghost } })
      .expect(400);
    expect(unknown.body.errors).toEqual([
      { field: 'rules.0.then.route.serviceId', message: `rule 0 "ghost": no service has id ${ghost}` },
      { field: 'fallback.serviceId', message: `fallback: no service has id ${ghost}` },
    ]);
    const list = await t.api().get('/api/v1/event-routers?limit=500').expect(200);
    expect(list.body.items.map((r: { name: string }) => r.name)).not.toContain('bad');
  });

  it('read-only keys see the routing key redacted; the audit log records changes without it; a routed-to service cannot be deleted', async () => {
    const created = await t.api().post('/api/v1/event-routers', { name: 'audited', ...teamRules() }).expect(201);
    expect(created.body.routingKey).toMatch(/^[a-z0-9]{32}$/);
    expect(created.body.urls.alertmanager).toContain(`/integrations/${created.body.routingKey}/alertmanager`);

    for (const role of ['readOnly', 'responder'] as const) {
      const one = await t.api(role).get(`/api/v1/event-routers/${created.body.id}`).expect(200);
      expect(one.body).toMatchObject({ routingKey: null, urls: null, name: 'audited' });
      const list = await t.api(role).get('/api/v1/event-routers?limit=500').expect(200);
      expect(list.body.items.find((r: { id: string }) => r.id === created.body.id)).toMatchObject({ routingKey: null, urls: null });
      await t.api(role).post('/api/v1/event-routers', { name: 'x', rules: [], fallback: { drop: true } }).expect(403);
      await t.api(role).patch(`/api/v1/event-routers/${created.body.id}`, { name: 'y' }).expect(403);
      await t.api(role).delete(`/api/v1/event-routers/${created.body.id}`).expect(403);
    }
    await t.api(null).get('/api/v1/event-routers').expect(401);

    await t.api().patch(`/api/v1/event-routers/${created.body.id}`, { name: 'renamed' }).expect(200);
    const audit = await t.api().get(`/api/v1/audit-log?resourceType=event-router&resourceId=${created.body.id}`).expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action).sort()).toEqual(['create', 'update']);
    expect(JSON.stringify(audit.body)).not.toContain(created.body.routingKey);

    const refused = await t.api().delete(`/api/v1/services/${payments.id}`).expect(409);
    expect(refused.body.message).toContain('event-router "renamed"');

    await t.api().delete(`/api/v1/event-routers/${created.body.id}`).expect(204);
    await t.api().get(`/api/v1/event-routers/${created.body.id}`).expect(404);
    await t.api().delete(`/api/v1/services/${payments.id}`).expect(204);
  });
  it("Opsgenie's Alert API takes a router key as its GenieKey: create routed by details, close by alias, request status, the test endpoint", async () => {
    const router = await createRouter({
      rules: [{ name: 'payments team', when: [{ field: 'details.team', op: 'equals', value: 'payments' }], then: { route: { serviceId: payments.id } } }],
      fallback: { serviceId: other.id },
    });
    const genie = (url: string, body?: unknown) => {
      const req = t.http().post(url).set('Authorization', `GenieKey ${router.routingKey}`);
      return body === undefined ? req : req.set('Content-Type', 'application/json').send(JSON.stringify(body));
    };
    const created = await genie('/v2/alerts', { message: 'payments down', alias: 'og-pay', details: { team: 'payments' }, priority: 'P1' }).expect(202);
    const [incident] = await incidentsOf(t, payments.id);
    expect(incident).toMatchObject({ title: 'payments down', severity: 'critical', status: 'triggered', routerId: router.id });
    expect(await incidentsOf(t, other.id)).toHaveLength(0);
    const status = await t.http().get(`/v2/alerts/requests/${created.body.requestId}`).set('Authorization', `GenieKey ${router.routingKey}`).expect(200);
    expect(status.body.data).toMatchObject({ isSuccess: true, action: 'Create', integrationId: router.id, alertId: incident.id, alias: 'og-pay' });

    // By number, the router acts only on incidents it opened.
    const manual = await t.api().post('/api/v1/incidents', { title: 'by hand', serviceId: payments.id }).expect(201);
    await genie(`/v2/alerts/${manual.body.number}/acknowledge?identifierType=tiny`, {}).expect(404);
    await genie('/v2/alerts/og-pay/close?identifierType=alias', { source: 'alertmanager' }).expect(202);
    expect((await incidentDetail(t, incident.id)).status).toBe('resolved');
    const none = await genie('/v2/alerts/og-pay/close?identifierType=alias', {}).expect(202);
    const failed = await t.http().get(`/v2/alerts/requests/${none.body.requestId}`).set('Authorization', `GenieKey ${router.routingKey}`).expect(200);
    expect(failed.body.data).toMatchObject({ isSuccess: false, action: 'Close' });

    const preview = await t
      .api()
      .post(`/api/v1/event-routers/${router.id}/test`, { format: 'opsgenie', body: { message: 'x', details: { team: 'payments' } } })
      .expect(200);
    expect(JSON.stringify(preview.body)).toContain(payments.id);
  });
});
