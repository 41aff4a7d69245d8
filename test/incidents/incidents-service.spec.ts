import type { EntityManager } from 'typeorm';
import type { IncidentChange } from '../../src/incidents/incident-lifecycle';
import { Incident } from '../../src/incidents/incident.entity';
import { IncidentEventType, IncidentsService } from '../../src/incidents/incidents.service';
import { createIntegration, createService, IntegrationFixture } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';
import { postJson } from '../ingest/ingest-helpers';

describe('IncidentsService: the contract the escalation engine uses (real PostgreSQL)', () => {
  let t: TestApp;
  let incidents: IncidentsService;
  let v2: IntegrationFixture;
  const heard: { type: IncidentEventType; status: string; actor: string; inTransaction: boolean }[] = [];
  let failNext = false;

  beforeAll(async () => {
    t = await createTestApp();
    incidents = t.get(IncidentsService);
    incidents.registerListener({
      async onIncidentEvents(em: EntityManager, changes: readonly IncidentChange[]) {
        // Inside the transaction that changed the incident: it has written already, so it has a transaction id.
        const [{ tx }]: { tx: boolean }[] = await em.query('SELECT pg_current_xact_id_if_assigned() IS NOT NULL AS tx');
        for (const { incident, event } of changes) heard.push({ type: event.type, status: incident.status, actor: event.actor.type, inTransaction: tx });
        if (failNext) {
          failNext = false;
          throw new Error('listener failed');
        }
      },
    });
    const service = await createService(t, { ackTimeoutMinutes: 30 });
    v2 = await createIntegration(t, service.id, 'events-v2');
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => {
    heard.length = 0;
  });

  const trigger = async (dedupKey: string): Promise<Incident> => {
    await postJson(t, '/v2/enqueue', {
      routing_key: v2.key,
      event_action: 'trigger',
      dedup_key: dedupKey,
      payload: { summary: dedupKey, source: 'test', severity: 'info' },
    }).expect(202);
    const [row] = await t.dataSource.query(`SELECT number FROM incidents WHERE dedup_key = $1`, [dedupKey]);
    return (await incidents.findByNumber(Number(row.number)))!;
  };
  const timelineTypes = async (id: string) =>
    (await t.dataSource.query(`SELECT type FROM incident_timeline WHERE incident_id = $1 ORDER BY at, seq`, [id])).map((r: { type: string }) => r.type);

  it('tells listeners about API actions, inside the transaction, after the state change (not about new incidents: their owners claim them)', async () => {
    const incident = await trigger('listen-1');
    await trigger('listen-1');
    const actor = { type: 'user' as const, id: 'u1', name: 'Ada', channel: 'sms' as const };
    await incidents.acknowledge(incident.id, actor);
    await incidents.acknowledge(incident.id, actor);
    await incidents.escalate(incident.id, actor, 'help');
    await incidents.resolve(incident.id, actor);
    expect(heard).toEqual([
      { type: 'acknowledged', status: 'acknowledged', actor: 'user', inTransaction: true },
      { type: 'escalate-requested', status: 'triggered', actor: 'user', inTransaction: true },
      { type: 'resolved', status: 'resolved', actor: 'user', inTransaction: true },
    ]);
    const resolved = await incidents.get(incident.id);
    expect(resolved.service?.id).toBe(incident.serviceId);
    expect(resolved.resolvedBy).toEqual({ type: 'user', id: 'u1', name: 'Ada', channel: 'sms' });
  });

  it('a failing listener rolls the state change back (and a failing ingest acknowledge stores nothing: 500)', async () => {
    const incident = await trigger('rollback-1');
    failNext = true;
    await expect(incidents.acknowledge(incident.id, { type: 'system', channel: 'system' })).rejects.toThrow('listener failed');
    expect((await incidents.get(incident.id)).status).toBe('triggered');
    expect(await timelineTypes(incident.id)).toEqual(['triggered']);

    const other = await trigger('rollback-2');
    failNext = true;
    await postJson(t, '/v2/enqueue', { routing_key: v2.key, event_action: 'acknowledge', dedup_key: 'rollback-2' }).expect(500);
    expect((await incidents.get(other.id)).status).toBe('triggered');
    expect(await timelineTypes(other.id)).toEqual(['triggered']);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM alerts WHERE incident_id = $1`, [other.id]);
    expect(n).toBe(1);
  });

  it('applySystemAction: ack-timeout returns an acknowledged incident to triggered; stale timers return null', async () => {
    const incident = await trigger('timer-1');
    await incidents.acknowledge(incident.id, { type: 'api-key', id: 'k', name: 'ci', channel: 'api' });
    heard.length = 0;
    t.clock.advanceMinutes(30);
    const after = await t.dataSource.transaction((em) => incidents.applySystemAction(em, incident.id, 'ack-timeout'));
    expect(after).toMatchObject({ status: 'triggered', acknowledgedAt: null, acknowledgedBy: null });
    expect(heard.map((h) => h.type)).toEqual(['unacknowledged']);
    expect(await t.dataSource.transaction((em) => incidents.applySystemAction(em, incident.id, 'ack-timeout'))).toBeNull();

    const resolved = await t.dataSource.transaction((em) => incidents.applySystemAction(em, incident.id, 'auto-resolve'));
    expect(resolved).toMatchObject({ status: 'resolved', resolvedBy: { type: 'system', channel: 'system' } });
    expect(resolved!.resolvedAt!.toISOString()).toBe(t.clock.now().toISOString());
    expect(await t.dataSource.transaction((em) => incidents.applySystemAction(em, incident.id, 'auto-resolve'))).toBeNull();
    expect(await timelineTypes(incident.id)).toEqual(['triggered', 'acknowledged', 'ack-timeout', 'auto-resolved']);
  });

  it('appendTimeline writes in the caller transaction; findByNumber finds "#n" with its escalation state', async () => {
    const incident = await trigger('esc-state-1');
    const at = t.clock.now();
    await t.dataSource.transaction(async (em) => {
      await em.query(
        `UPDATE incidents SET level = 2, loop = 1, escalation_exhausted = true, level_reached_at = $2, policy_snapshot = '{"levels":[]}' WHERE id = $1`,
        [incident.id, at],
      );
      await incidents.appendTimeline(em, incident.id, { type: 'notified', message: 'SMS to Ada', data: { level: 2 } });
    });
    const found = await incidents.findByNumber(incident.number);
    expect(found).toMatchObject({ id: incident.id, level: 2, loop: 1, escalationExhausted: true, policySnapshot: { levels: [] } });
    expect(found!.levelReachedAt!.toISOString()).toBe(at.toISOString());
    expect(await timelineTypes(incident.id)).toEqual(['triggered', 'notified']);
    expect(await incidents.findByNumber(999_999_999)).toBeNull();
    await expect(incidents.acknowledge('00000000-0000-4000-8000-000000000000', { type: 'system', channel: 'system' })).rejects.toThrow(/not found/);
  });
});
