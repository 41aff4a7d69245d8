import { EscalationStepKind } from '../../src/escalation/engine/kinds/escalation-step.kind';
import { TimerClaimerService } from '../../src/escalation/engine/timer-claimer.service';
import { IncidentOpeningsRepository, OpenedIncident } from '../../src/incidents/incident-openings.repository';
import { MaintenanceReleaseRepository } from '../../src/incidents/maintenance-release.repository';
import { IncidentsRepository } from '../../src/incidents/incidents.repository';
import { createIntegration, createService, IntegrationFixture, ServiceFixture } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';
import { alertOccurrences, counts, ingestEvent, ingestTarget, postJson } from './ingest-helpers';

/**
 * The first trigger of a new incident is written in a batch shared with the
 * other events of the moment (incidents.repository.ts); what a new incident
 * sets off (its escalation's first step and auto-resolve timer, the post to
 * the service's Slack channel, the webhooks' `incident.triggered`) is claimed
 * afterwards, once, and handed to the modules that own it. (These services'
 * default policy has nobody to page: the first step exhausts it at once.)
 * Together they must leave exactly the rows the one-transaction path leaves.
 */
describe('new incidents opened in shared batches (real PostgreSQL)', () => {
  let t: TestApp;
  let service: ServiceFixture;
  let v2: IntegrationFixture;
  let incidents: IncidentsRepository;
  /** What the worker's passes do for new incidents. */
  const claimNew = async () => ({ claimed: await t.get(IncidentOpeningsRepository).claimOpened(t.clock.now(), 10_000) });
  beforeAll(async () => {
    t = await createTestApp();
    incidents = t.get(IncidentsRepository);
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    service = await createService(t, { autoResolveMinutes: 30 });
    await t.api().patch(`/api/v1/services/${service.id}`, { slackChannelId: 'C024BE91L' }).expect(200);
    v2 = await createIntegration(t, service.id, 'events-v2');
  });

  const target = () => ingestTarget(service.id, v2.id);
  const event = (dedupKey: string) => ingestEvent(dedupKey, { details: { host: 'db-1' } });

  /** Everything an opened incident left behind, with ids and the key replaced so two incidents compare. */
  async function footprint(incidentId: string): Promise<unknown> {
    const q = (sql: string) => t.dataSource.query(sql, [incidentId]);
    const [incident] = await q(`SELECT status, title, severity, level, loop, escalation_epoch, created_at, last_alert_at FROM incidents WHERE id = $1`);
    const alerts = await q(`SELECT integration_id, source, action, status, title, severity, details, payload - 'dedup_key' AS payload, received_at FROM alerts WHERE incident_id = $1`);
    const timeline = await q(`SELECT type, regexp_replace(message, 'disk \\S+', 'disk *') AS message, actor_type, actor_id, actor_name, channel, data FROM incident_timeline WHERE incident_id = $1 ORDER BY seq`);
    const timers = await q(`SELECT kind, due_at, data FROM timers WHERE incident_id = $1 ORDER BY kind`);
    const pages = await q(`SELECT replace(idempotency_key, incident_id::text, '*') AS key, channel, address, epoch, state, due_at FROM notifications WHERE incident_id = $1`);
    return { incident: { ...incident, title: 'disk *' }, alerts: alerts.map((a: { title: string }) => ({ ...a, title: 'disk *' })), timeline, timers, pages };
  }

  it('leaves the same incident, alert, timeline, timers and Slack post as the one-transaction path', async () => {
    const [batched] = await incidents.record(target(), [event('batched')], { dedup_key: 'x', summary: 's' });
    expect(batched).toMatchObject({ dedupKey: 'batched', created: true });
    const single = await t.dataSource.transaction((em) => incidents.recordIn(em, target(), event('single'), { dedup_key: 'y', summary: 's' }));
    expect(single.created).toBe(true);
    expect(await claimNew()).toEqual({ claimed: 2 });

    const a = await footprint(batched.incidentId!);
    expect(a).toEqual(await footprint(single.incidentId!));
    // And that footprint is the complete one: the first step (nobody to page), the auto-resolve timer, the channel post.
    expect(a).toMatchObject({
      timers: [{ kind: 'auto-resolve' }],
      pages: [{ key: 'slack-channel:*', channel: 'slack', address: 'C024BE91L', state: 'pending' }],
      timeline: [{ type: 'triggered', message: 'Triggered by Prometheus: disk *' }, { type: 'started' }, { type: 'level-empty' }, { type: 'exhausted' }],
    });
    expect(await claimNew()).toEqual({ claimed: 0 });
  });

  it('opens each of 200 concurrent new keys once; the repeats of a key in flight join it', async () => {
    const keys = Array.from({ length: 200 }, (_, i) => `new-${i}`);
    // Every key twice, interleaved: the second of each joins in the same batch or a later one.
    const sent = [...keys, ...keys.slice().reverse()];
    const answers = await Promise.all(sent.map((key) => postJson(t, '/v2/enqueue', {
      routing_key: v2.key, event_action: 'trigger', dedup_key: key, payload: { summary: `disk ${key}`, source: 'db-1', severity: 'critical' },
    })));
    expect(answers.every((r) => r.status === 202)).toBe(true);
    // The second of each key counts on its incident's alert and on one coalesced entry.
    expect(await counts(t, service.id)).toMatchObject({ incidents: 200, alerts: 200, timeline: 400 });
    expect(await alertOccurrences(t, service.id)).toBe(400);
    await claimNew();
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM incidents WHERE service_id = $1 AND level_reached_at IS NOT NULL AND escalation_exhausted`,
      [service.id],
    );
    expect(n).toBe(200);
  });

  it('never deadlocks: 1,000 opens over 300 keys in shuffled orders, every key opened exactly once', async () => {
    const warn = jest.spyOn((incidents as unknown as { logger: { warn: () => void } }).logger, 'warn');
    try {
      const order = Array.from({ length: 1000 }, (_, i) => `k-${(i * 7919) % 300}`);
      const outcomes = (await Promise.all(order.map((key) => incidents.record(target(), [event(key)], {})))).flat();
      const opened = outcomes.filter((o) => o.created);
      expect(new Set(opened.map((o) => o.dedupKey)).size).toBe(300);
      expect(opened).toHaveLength(300);
      expect(outcomes.every((o) => o.incidentId)).toBe(true);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
    expect(await counts(t, service.id)).toMatchObject({ incidents: 300, alerts: 300 });
    expect(await alertOccurrences(t, service.id)).toBe(1000);
  });

  it('a new incident not yet claimed (a crash after the commit) is started by the next claim; a resolved one only stamped', async () => {
    await claimNew(); // what earlier tests left
    await incidents.record(target(), [event('crash-1'), event('crash-2')], {});
    const [resolved] = await incidents.record(target(), [{ ...event('crash-2'), action: 'resolve' }], {});
    expect(resolved.incidentId).not.toBeNull();
    const unstarted = () => t.dataSource.query(
      `SELECT dedup_key FROM incidents WHERE service_id = $1 AND escalation_started_at IS NULL ORDER BY dedup_key`, [service.id]);
    expect((await unstarted()).map((r: { dedup_key: string }) => r.dedup_key)).toEqual(['crash-1', 'crash-2']);
    expect(await claimNew()).toEqual({ claimed: 2 });
    expect(await unstarted()).toEqual([]);
    const timers: { dedup_key: string; kind: string }[] = await t.dataSource.query(
      `SELECT i.dedup_key, m.kind FROM timers m JOIN incidents i ON i.id = m.incident_id WHERE i.service_id = $1 ORDER BY 1, 2`, [service.id]);
    expect(timers).toEqual([{ dedup_key: 'crash-1', kind: 'auto-resolve' }]);
    const escalated = await t.dataSource.query(
      `SELECT dedup_key FROM incidents WHERE service_id = $1 AND level_reached_at IS NOT NULL AND dedup_key LIKE 'crash-%'`, [service.id]);
    expect(escalated).toEqual([{ dedup_key: 'crash-1' }]);
  });

  it('hands each claimed batch to the listeners: a held incident is announced only, and started once released; one started earlier is announced only', async () => {
    await claimNew(); // what earlier tests left
    const heard: OpenedIncident[] = [];
    t.get(IncidentOpeningsRepository).registerListener({ onIncidentsOpened: async (_em, opened) => void heard.push(...opened) });
    const heldService = await createService(t, { autoResolveMinutes: 30 });
    const heldV2 = await createIntegration(t, heldService.id, 'events-v2');
    const end = new Date(t.clock.now().getTime() + 60 * 60_000).toISOString();
    await t.api().post('/api/v1/maintenance-windows', { description: 'Deploy', end, serviceIds: [heldService.id] }).expect(201);
    const [held] = await incidents.record(ingestTarget(heldService.id, heldV2.id), [event('held')], {});
    const [plain] = await incidents.record(target(), [event('plain')], {});
    const [earlier] = await incidents.record(target(), [event('started-earlier')], {});
    // Started before the claims were one: its escalation began, its incident.triggered was still owed.
    await t.dataSource.query(`UPDATE incidents SET escalation_started_at = created_at, webhooks_announced_at = NULL WHERE id = $1`, [earlier.incidentId]);

    expect(await claimNew()).toEqual({ claimed: 3 });
    const byId = new Map(heard.map((o) => [o.id, o]));
    expect(byId.get(plain.incidentId!)).toMatchObject({ starts: true, announces: true, held: false, status: 'triggered', suppressed: false });
    expect(byId.get(held.incidentId!)).toMatchObject({ starts: false, announces: true, held: true });
    expect(byId.get(earlier.incidentId!)).toMatchObject({ starts: false, announces: true, held: false });
    const timersOf = async (id: string) =>
      (await t.dataSource.query(`SELECT kind FROM timers WHERE incident_id = $1 ORDER BY kind`, [id])).map((r: { kind: string }) => r.kind);
    expect(await timersOf(held.incidentId!)).toEqual([]);
    expect(await timersOf(earlier.incidentId!)).toEqual([]);
    expect(await claimNew()).toEqual({ claimed: 0 });

    heard.length = 0;
    t.clock.advanceMinutes(5);
    const releasedAt = t.clock.now();
    await t.dataSource.transaction((em) =>
      t.get(MaintenanceReleaseRepository).releaseHeld(em, { incidentIds: [held.incidentId!] }, releasedAt, { message: 'released', data: {}, force: true }),
    );
    expect(await claimNew()).toEqual({ claimed: 1 });
    expect(heard).toEqual([expect.objectContaining({ id: held.incidentId, starts: true, announces: false, held: false, startsFrom: releasedAt })]);
    expect(await timersOf(held.incidentId!)).toEqual(['auto-resolve']);
    const [stamps] = await t.dataSource.query(
      `SELECT escalation_started_at IS NOT NULL AS started, webhooks_announced_at IS NOT NULL AS announced, level_reached_at AS "levelReachedAt"
         FROM incidents WHERE id = $1`, [held.incidentId]);
    expect(stamps).toEqual({ started: true, announced: true, levelReachedAt: releasedAt });
  });

  it('leaves the first step to a start timer when it fails in the claim; the claim and the other listeners commit', async () => {
    await claimNew(); // what earlier tests left
    const failing = jest.spyOn(EscalationStepKind.prototype, 'fireBatch').mockRejectedValueOnce(new Error('the planner broke'));
    try {
      const [opened] = await incidents.record(target(), [event('fallback')], {});
      expect(await claimNew()).toEqual({ claimed: 1 });
      expect(failing).toHaveBeenCalledTimes(1);
      const state = () => t.dataSource.query(
        `SELECT escalation_started_at IS NOT NULL AS claimed, level_reached_at IS NOT NULL AS escalated FROM incidents WHERE id = $1`, [opened.incidentId]);
      expect(await state()).toEqual([{ claimed: true, escalated: false }]);
      const timers = await t.dataSource.query(`SELECT kind, data FROM timers WHERE incident_id = $1 ORDER BY kind`, [opened.incidentId]);
      expect(timers).toEqual([{ kind: 'auto-resolve', data: {} }, { kind: 'escalation', data: { input: 'start' } }]);
      const [{ posts }] = await t.dataSource.query(`SELECT count(*)::int AS posts FROM notifications WHERE incident_id = $1 AND channel = 'slack'`, [opened.incidentId]);
      expect(posts).toBe(1);

      // The timer loop then fires it like any start.
      await t.get(TimerClaimerService).fireDueTimers();
      expect(await state()).toEqual([{ claimed: true, escalated: true }]);
    } finally {
      failing.mockRestore();
    }
  });

  it('refuses to claim while no listener is registered', async () => {
    await incidents.record(target(), [event('unheard')], {});
    await expect(new IncidentOpeningsRepository(t.dataSource).claimOpened(t.clock.now())).rejects.toThrow(/no incident opening listener/);
    const [row] = await t.dataSource.query(`SELECT escalation_started_at FROM incidents WHERE service_id = $1 AND dedup_key = 'unheard'`, [service.id]);
    expect(row.escalation_started_at).toBeNull();
  });
});
