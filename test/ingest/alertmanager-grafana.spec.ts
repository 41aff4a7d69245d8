import { createHmac } from 'node:crypto';
import { createIntegration, createService, IntegrationFixture, loadSample, ServiceFixture } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';
import { counts, incidentDetail, incidentsOf, postJson } from './ingest-helpers';

describe('Alertmanager and Grafana webhooks with the real samples (real PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  describe('alertmanager', () => {
    let service: ServiceFixture;
    let am: IntegrationFixture;
    beforeEach(async () => {
      service = await createService(t);
      am = await createIntegration(t, service.id, 'alertmanager');
    });
    const post = (body: unknown) => postJson(t, `/integrations/${am.key}/alertmanager`, body);

    it('a firing then resolved group makes one incident, then resolves it', async () => {
      const firing = loadSample('alertmanager-webhook-firing.json');
      const res = await post(firing).expect(202);
      expect(res.body).toEqual({ status: 'success', message: 'Event processed', dedup_key: firing.groupKey });
      const [incident] = await incidentsOf(t, service.id);
      expect(incident).toMatchObject({ status: 'triggered', title: 'CPU above 90% for 5m', severity: 'error', dedupKey: firing.groupKey });
      expect(incident.number).toBeGreaterThan(0);

      t.clock.advanceMinutes(3);
      await post(loadSample('alertmanager-webhook-resolved.json')).expect(202);
      const detail = await incidentDetail(t, incident.id);
      expect(detail.status).toBe('resolved');
      expect(detail.resolvedBy).toMatchObject({ type: 'integration', id: am.id, channel: 'integration' });
      expect(detail.alerts).toHaveLength(1);
      expect(detail.alerts[0]).toMatchObject({ fingerprint: 'a54993be3d56b16d', status: 'resolved' });
      expect(detail.alerts[0].payload.endsAt).toBe('2026-11-28T00:49:09Z');
      expect(detail.timeline.map((e: { type: string }) => e.type)).toEqual(['triggered', 'resolved']);
      expect(await counts(t, service.id)).toMatchObject({ incidents: 1, alerts: 1 });
    });

    it('the same notification delivered twice changes nothing', async () => {
      await post(loadSample('alertmanager-webhook-firing.json')).expect(202);
      const before = await counts(t, service.id);
      const [first] = await incidentsOf(t, service.id);
      t.clock.advanceMinutes(1);
      await post(loadSample('alertmanager-webhook-firing.json')).expect(202);
      expect(await counts(t, service.id)).toEqual(before);
      const [again] = await incidentsOf(t, service.id);
      expect(again).toEqual(first);

      // And a duplicate resolved notification after the resolve is a no-op too.
      await post(loadSample('alertmanager-webhook-resolved.json')).expect(202);
      const resolved = await counts(t, service.id);
      await post(loadSample('alertmanager-webhook-resolved.json')).expect(202);
      expect(await counts(t, service.id)).toEqual(resolved);
    });

    it('a new alert joining the group is added to the open incident, not a new incident', async () => {
      const firing = loadSample('alertmanager-webhook-firing.json');
      await post(firing).expect(202);
      const second = { ...firing.alerts[0], fingerprint: 'b00000000000000b', labels: { ...firing.alerts[0].labels, instance: 'db-2:9100' } };
      const grown = { ...firing, alerts: [firing.alerts[0], second] };
      await post(grown).expect(202);

      const incidents = await incidentsOf(t, service.id);
      expect(incidents).toHaveLength(1);
      const detail = await incidentDetail(t, incidents[0].id);
      expect(detail.alerts.map((a: { fingerprint: string }) => a.fingerprint).sort()).toEqual(['a54993be3d56b16d', 'b00000000000000b']);
      expect(detail.timeline.map((e: { type: string }) => e.type)).toEqual(['triggered', 'alert-added']);
    });

    it('a trigger after the incident resolved opens a new incident with the next number', async () => {
      await post(loadSample('alertmanager-webhook-firing.json')).expect(202);
      await post(loadSample('alertmanager-webhook-resolved.json')).expect(202);
      t.clock.advanceMinutes(10);
      await post(loadSample('alertmanager-webhook-firing.json')).expect(202);
      const incidents = await incidentsOf(t, service.id);
      expect(incidents.map((i: { status: string }) => i.status)).toEqual(['triggered', 'resolved']);
      expect(incidents[0].number).toBeGreaterThan(incidents[1].number);
    });

    it('answers 404 for an unknown key and for a key of another type, storing nothing', async () => {
      await post(loadSample('alertmanager-webhook-firing.json')).expect(202);
      const res = await postJson(t, '/integrations/nope-not-a-key/alertmanager', loadSample('alertmanager-webhook-firing.json')).expect(404);
      expect(res.body).toMatchObject({ status: 'not found', message: 'Unknown integration key' });
      const generic = await createIntegration(t, service.id, 'generic');
      await postJson(t, `/integrations/${generic.key}/alertmanager`, loadSample('alertmanager-webhook-firing.json')).expect(404);
      expect(await counts(t, service.id)).toMatchObject({ incidents: 1 });
    });
  });

  describe('grafana (version "1")', () => {
    const body = () => JSON.stringify(loadSample('grafana-webhook-firing.json'));
    const sign = (secret: string, payload: string, ts?: string) =>
      createHmac('sha256', secret).update(ts ? `${ts}:${payload}` : payload).digest('hex');

    it('without a signing secret: accepted; the title comes from `title`', async () => {
      const service = await createService(t);
      const g = await createIntegration(t, service.id, 'grafana');
      expect(g.url).toMatch(new RegExp(`/integrations/${g.key}/grafana$`));
      await t.http().post(`/integrations/${g.key}/grafana`).set('Content-Type', 'application/json').send(body()).expect(202);
      const [incident] = await incidentsOf(t, service.id);
      expect(incident).toMatchObject({ title: '[FIRING:1] DiskFull infra (web-3 critical)', severity: 'critical', status: 'triggered' });
      const detail = await incidentDetail(t, incident.id);
      expect(detail.alerts[0].details.grafana.panelURL).toContain('viewPanel=4');
    });

    it('with a signing secret: a valid signature is accepted; forged or missing is 401 and stores nothing', async () => {
      const service = await createService(t);
      const g = await createIntegration(t, service.id, 'grafana', { signingSecret: 'grafana-secret-123' });
      const payload = body();
      const url = `/integrations/${g.key}/grafana`;
      const send = (sig?: string) => {
        const req = t.http().post(url).set('Content-Type', 'application/json');
        if (sig !== undefined) req.set('X-Grafana-Alerting-Signature', sig);
        return req.send(payload);
      };
      const forged = await send(sign('wrong-secret', payload)).expect(401);
      expect(forged.body).toMatchObject({ status: 'unauthorized', message: 'invalid signature' });
      await send().expect(401);
      await send('not-hex').expect(401);
      expect(await counts(t, service.id)).toMatchObject({ incidents: 0, alerts: 0 });

      await send(sign('grafana-secret-123', payload)).expect(202);
      expect(await counts(t, service.id)).toMatchObject({ incidents: 1, alerts: 1 });
    });

    it('with a timestamp header: signs "<timestamp>:<body>" and refuses stale timestamps', async () => {
      const service = await createService(t);
      const g = await createIntegration(t, service.id, 'grafana', {
        signingSecret: 'grafana-secret-456',
        signatureHeader: 'X-Sig',
        timestampHeader: 'X-Sig-Timestamp',
      });
      const payload = body();
      const now = String(Math.floor(t.clock.now().getTime() / 1000));
      const stale = String(Number(now) - 3600);
      const url = `/integrations/${g.key}/grafana`;
      await t.http().post(url).set('Content-Type', 'application/json')
        .set('X-Sig', sign('grafana-secret-456', payload, stale)).set('X-Sig-Timestamp', stale).send(payload).expect(401);
      await t.http().post(url).set('Content-Type', 'application/json')
        .set('X-Sig', sign('grafana-secret-456', payload)).set('X-Sig-Timestamp', now).send(payload).expect(401);
      await t.http().post(url).set('Content-Type', 'application/json')
        .set('X-Sig', sign('grafana-secret-456', payload, now)).set('X-Sig-Timestamp', now).send(payload).expect(202);
    });

    it('state "ok" resolves the incident', async () => {
      const service = await createService(t);
      const g = await createIntegration(t, service.id, 'grafana');
      const firing = loadSample('grafana-webhook-firing.json');
      await postJson(t, `/integrations/${g.key}/grafana`, firing).expect(202);
      const ok = { ...firing, status: 'resolved', state: 'ok', alerts: [{ ...firing.alerts[0], status: 'resolved' }] };
      await postJson(t, `/integrations/${g.key}/grafana`, ok).expect(202);
      const [incident] = await incidentsOf(t, service.id);
      expect(incident.status).toBe('resolved');
    });
  });
});
