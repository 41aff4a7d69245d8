import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import type { Incident } from '../../incidents/incident.entity';
import {
  Actor,
  IncidentEventType,
  IncidentLifecycleListener,
  IncidentsService,
} from '../../incidents/incidents.service';
import { OutboxService } from '../../notifications/outbox.service';
import type { EscalationPolicy } from '../escalation-policy.entity';
import {
  EscalationInput,
  EscalationState,
  planEscalation,
  PlannedNotification,
  PolicySnapshot,
  PolicyWarningContext,
  snapshotPolicy,
  StepRef,
  stepRefOf,
} from '../planner';
import { TargetDirectory } from '../target-directory';
import type { TimerKind } from './timer.entity';

const MINUTE = 60_000;
/** Transactions firing timers at once per worker; stays well under DATABASE_POOL_SIZE (10 by default). */
const TIMER_CONCURRENCY = 4;
/** Incidents whose escalation steps fire in one transaction. */
const STEP_BATCH = 25;
const ESCALATION_ACTOR = { type: 'system', channel: 'system', name: 'escalation' } as const;

/** Runs `work` over `items`, TIMER_CONCURRENCY at a time. */
async function inLanes<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(TIMER_CONCURRENCY, items.length) }, lane));
}

const INCIDENT_ROW_SQL = `
  SELECT i.id, i.status, i.level, i.loop, i.escalation_epoch, i.escalation_exhausted, i.level_reached_at,
         i.policy_snapshot, i.acknowledged_at, i.last_alert_at,
         s.escalation_policy_id, s.ack_timeout_minutes, s.auto_resolve_minutes
    FROM incidents i JOIN services s ON s.id = i.service_id`;

/**
 * A timer that can do nothing: a duplicate start, a step the incident has
 * left, an ack timeout for an acknowledgement that is over, anything on a
 * resolved incident. Each stays true once true (an incident never leaves
 * resolved; epochs and acknowledgement times only move forward), so it may be
 * judged without a lock and the timer deleted.
 */
function isNoop(timer: FiredTimer, row: IncidentRow | undefined): boolean {
  if (!row || row.status === 'resolved') return true;
  const data = timer.data as { input?: string; step?: StepRef; acknowledgedAt?: string };
  switch (timer.kind) {
    case 'escalation':
      if (data.input === 'start') return row.policy_snapshot !== null;
      return data.input === 'step-due' && row.policy_snapshot !== null && isStale(row, data.step);
    case 'ack-timeout':
      return row.status !== 'acknowledged' || row.acknowledged_at?.toISOString() !== data.acknowledgedAt;
    case 'auto-resolve':
      return false;
  }
}

/** A step timer that no longer matches the incident (acknowledged, moved on, exhausted). */
function isStale(row: IncidentRow, step: StepRef | undefined): boolean {
  if (row.status !== 'triggered' || row.escalation_exhausted) return true;
  return !!step && (step.epoch !== row.escalation_epoch || step.loop !== row.loop || step.level !== row.level);
}

/** What one escalation step writes (EscalationEngineService.writePlans). */
interface PlanWrite {
  incidentId: string;
  /** Null: the incident's escalation state does not change (no policy to page with). */
  state: { level: number; loop: number; epoch: number; exhausted: boolean; levelReachedAt: Date | null } | null;
  policySnapshot: PolicySnapshot | null;
  timeline: { type: string; message: string; at: Date; data: unknown; actor: { type: string; name?: string; channel: string } }[];
  notifications: readonly PlannedNotification[];
  nextStep: { dueAt: Date; data: object } | null;
}

/** The timeline's actor for "no escalation policy" (as IncidentsService.appendTimeline wrote it). */
const UNAVAILABLE_ACTOR = { type: 'system', channel: 'system' } as const;

interface IncidentRow {
  id: string;
  status: 'triggered' | 'acknowledged' | 'resolved';
  level: number;
  loop: number;
  escalation_epoch: number;
  escalation_exhausted: boolean;
  level_reached_at: Date | null;
  policy_snapshot: PolicySnapshot | null;
  acknowledged_at: Date | null;
  last_alert_at: Date | null;
  escalation_policy_id: string | null;
  ack_timeout_minutes: number | null;
  auto_resolve_minutes: number | null;
}

export interface FiredTimer {
  id: string;
  kind: TimerKind;
  incident_id: string;
  due_at: Date;
  data: Record<string, unknown>;
  attempts: number;
}

/**
 * The durable escalation engine. It listens to incident changes (inside the
 * transaction that made them) and turns them into timer rows; when a timer
 * fires it asks the pure planner what happens next and writes the plan (new
 * escalation state, outbox rows, the next timer, timeline) in that same
 * transaction. It never keeps state in memory between calls.
 */
@Injectable()
export class EscalationEngineService implements OnModuleInit, IncidentLifecycleListener {
  private readonly logger = new Logger(EscalationEngineService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly incidents: IncidentsService,
    private readonly outbox: OutboxService,
    private readonly directory: TargetDirectory,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.incidents.registerListener(this);
  }

  async onIncidentEvent(
    em: EntityManager,
    incident: Incident,
    event: { type: IncidentEventType; actor: Actor; note?: string },
  ): Promise<void> {
    const now = this.clock.now();
    switch (event.type) {
      case 'acknowledged':
        await this.outbox.cancelPending(em, incident.id, 'cancelled: incident acknowledged');
        if (incident.acknowledgedAt) {
          await em.query(
            `INSERT INTO timers (kind, incident_id, due_at, data)
             SELECT 'ack-timeout', $1, $2::timestamptz + make_interval(mins => s.ack_timeout_minutes), $4::jsonb
               FROM services s WHERE s.id = $3 AND s.ack_timeout_minutes IS NOT NULL`,
            [incident.id, now, incident.serviceId, JSON.stringify({ acknowledgedAt: incident.acknowledgedAt.toISOString() })],
          );
        }
        break;
      case 'unacknowledged':
        await this.addTimer(em, 'escalation', incident.id, now, { input: 'ack-timeout' });
        break;
      case 'escalate-requested':
        await this.addTimer(em, 'escalation', incident.id, now, { input: 'manual-escalate' });
        break;
      case 'resolved':
        await this.outbox.cancelPending(em, incident.id, 'cancelled: incident resolved');
        break;
    }
    await this.outbox.wakeWorkers(em);
  }

  /**
   * Claims up to `limit` due timers (SKIP LOCKED). Timers that can no longer
   * do anything (a step the incident has left, a resolved incident) are
   * deleted at once in that short transaction, without locking incidents.
   * The live escalation steps, one per incident, then fire in batches of
   * {@link STEP_BATCH} incidents, one transaction and one plan-writing
   * statement per batch (a storm's thousands of first steps are not
   * thousands of transactions); every other live timer fires in a
   * transaction of its own. Either way an incident row is locked for one
   * short transaction only, and the lock order is always timer, then
   * incident (incidents in id order). Returns how many timers were claimed.
   */
  async fireDueTimers(limit = 200): Promise<number> {
    const now = this.clock.now();
    const { claimed, live } = await this.dataSource.transaction(async (em) => {
      const timers: FiredTimer[] = await em.query(
        `SELECT id, kind, incident_id, due_at, data, attempts FROM timers
          WHERE due_at <= $1 ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [now, limit],
      );
      if (!timers.length) return { claimed: 0, live: [] as FiredTimer[] };
      const rows: IncidentRow[] = await em.query(`${INCIDENT_ROW_SQL} WHERE i.id = ANY($1::uuid[])`, [
        [...new Set(timers.map((t) => t.incident_id))],
      ]);
      const byId = new Map(rows.map((r) => [r.id, r]));
      const noop = timers.filter((t) => isNoop(t, byId.get(t.incident_id)));
      if (noop.length) await em.query('DELETE FROM timers WHERE id = ANY($1::bigint[])', [noop.map((t) => t.id)]);
      return { claimed: timers.length, live: timers.filter((t) => !noop.includes(t)) };
    });
    // An incident's timers fire in due order: its first escalation step may share a batch; the rest follow one by one.
    const batched: FiredTimer[] = [];
    const alone: FiredTimer[] = [];
    const seen = new Set<string>();
    for (const t of live) {
      const first = !seen.has(t.incident_id);
      seen.add(t.incident_id);
      (first && t.kind === 'escalation' ? batched : alone).push(t);
    }
    const batches: string[][] = [];
    for (let i = 0; i < batched.length; i += STEP_BATCH) batches.push(batched.slice(i, i + STEP_BATCH).map((t) => t.id));
    // Different incidents' steps are independent: a few at a time keeps both the pool and PostgreSQL busy.
    await inLanes(batches, (ids) => this.fireSteps(ids, now));
    await inLanes(alone, (t) => this.fireOne(t.id, now));
    return claimed;
  }

  /**
   * Fires the escalation timers `ids` (at most one per incident) in one
   * transaction: lock them (SKIP LOCKED) and their incidents (in id order),
   * load each policy and each set of targets once, plan every step, write
   * every plan and delete the timers in one statement. If the batch fails,
   * each timer fires on its own (with its own retry and backoff).
   */
  private async fireSteps(ids: string[], now: Date): Promise<void> {
    if (ids.length === 1) return this.fireOne(ids[0], now);
    try {
      await this.dataSource.transaction(async (em) => {
        const timers: FiredTimer[] = await em.query(
          `SELECT id, kind, incident_id, due_at, data, attempts FROM timers WHERE id = ANY($1::bigint[]) ORDER BY id FOR UPDATE SKIP LOCKED`,
          [ids],
        );
        if (!timers.length) return;
        const rows: IncidentRow[] = await em.query(`${INCIDENT_ROW_SQL} WHERE i.id = ANY($1::uuid[]) ORDER BY i.id FOR UPDATE OF i`, [
          timers.map((t) => t.incident_id),
        ]);
        const byId = new Map(rows.map((r) => [r.id, r]));
        const policyIds = [...new Set(rows.filter((r) => !r.policy_snapshot && r.escalation_policy_id).map((r) => r.escalation_policy_id!))];
        const policies = new Map((await this.loadPolicies(em, policyIds)).map((p) => [p.id, p]));
        const targets = new Map<string, Promise<PolicyWarningContext>>();
        const plans: PlanWrite[] = [];
        for (const timer of timers) {
          const row = byId.get(timer.incident_id);
          if (!row || isNoop(timer, row)) continue;
          const plan = await this.planStep(
            row,
            timer.data as { input: EscalationInput['kind']; step?: unknown },
            now,
            async (id) => policies.get(id) ?? null,
            (levels) => {
              const key = JSON.stringify(levels);
              if (!targets.has(key)) targets.set(key, this.directory.load(levels, em, now));
              return targets.get(key)!;
            },
          );
          if (plan) plans.push(plan);
        }
        await this.writePlans(em, plans, timers.map((t) => t.id));
      });
    } catch (e) {
      this.logger.warn({ err: e, timers: ids.length }, 'batched escalation steps failed; firing them one by one');
      for (const id of ids) await this.fireOne(id, now);
    }
  }

  private async fireOne(timerId: string, now: Date): Promise<void> {
    try {
      await this.dataSource.transaction(async (em) => {
        const [timer]: FiredTimer[] = await em.query(
          `SELECT id, kind, incident_id, due_at, data, attempts FROM timers WHERE id = $1 FOR UPDATE SKIP LOCKED`,
          [timerId],
        );
        if (!timer) return; // another worker has it, or it is gone
        const [row]: IncidentRow[] = await em.query(`${INCIDENT_ROW_SQL} WHERE i.id = $1 FOR UPDATE OF i`, [timer.incident_id]);
        if (row) await this.fire(em, timer, row, now);
        // Done with the timer. The worker that fired it sends the pages it wrote (WorkerService.timerPass).
        await em.query('DELETE FROM timers WHERE id = $1', [timer.id]);
      });
    } catch (e) {
      // Rolled back: the timer is still there. Retry it later, with backoff, so it cannot spin.
      this.logger.error({ err: e, timerId }, 'timer failed; retrying later');
      await this.dataSource.query(
        `UPDATE timers SET attempts = attempts + 1,
                due_at = $2::timestamptz + make_interval(secs => least(60, power(2, least(attempts, 6))))
          WHERE id = $1`,
        [timerId, now],
      );
    }
  }

  /**
   * Fires one timer against its locked incident. The state may have moved
   * since the timer was claimed, so the same no-op test runs again under the lock.
   */
  private async fire(em: EntityManager, timer: FiredTimer, row: IncidentRow, now: Date): Promise<void> {
    if (isNoop(timer, row)) return;
    switch (timer.kind) {
      case 'escalation':
        return this.escalate(em, row, timer.data as { input: EscalationInput['kind']; step?: unknown }, now);
      case 'ack-timeout':
        await this.incidents.applySystemAction(em, row.id, 'ack-timeout');
        return;
      case 'auto-resolve': {
        // One timer per incident, moved lazily: alerts only touch last_alert_at, the timer re-arms itself.
        if (!row.auto_resolve_minutes || !row.last_alert_at) return;
        const dueAt = new Date(row.last_alert_at.getTime() + row.auto_resolve_minutes * MINUTE);
        if (dueAt > now) await this.addTimer(em, 'auto-resolve', row.id, dueAt, {});
        else await this.incidents.applySystemAction(em, row.id, 'auto-resolve');
        return;
      }
    }
  }

  private async escalate(
    em: EntityManager,
    row: IncidentRow,
    data: { input: EscalationInput['kind']; step?: unknown },
    now: Date,
  ): Promise<void> {
    const plan = await this.planStep(row, data, now, (id) => this.loadPolicy(em, id), (levels) => this.directory.load(levels, em, now));
    if (plan) await this.writePlans(em, [plan], []);
  }

  /**
   * What one escalation step writes, asked of the pure planner: null when the
   * planner ignores the input. `policy` and `targets` load what the planner
   * needs (in a batch, once for every incident with the same policy).
   */
  private async planStep(
    row: IncidentRow,
    data: { input: EscalationInput['kind']; step?: unknown },
    now: Date,
    policy: (id: string) => Promise<EscalationPolicy | null>,
    targets: (levels: PolicySnapshot['levels']) => Promise<PolicyWarningContext>,
  ): Promise<PlanWrite | null> {
    let snapshot = row.policy_snapshot;
    let input: EscalationInput =
      data.input === 'step-due' ? { kind: 'step-due', step: data.step as StepRef } : ({ kind: data.input } as EscalationInput);
    if (!snapshot) {
      // The incident keeps the policy as it is now, whatever later edits do.
      const found = row.escalation_policy_id ? await policy(row.escalation_policy_id) : null;
      if (!found) {
        return {
          incidentId: row.id,
          state: null,
          policySnapshot: null,
          timeline: [{ type: 'escalation-unavailable', message: 'The service has no escalation policy: nobody can be paged', at: now, data: null, actor: UNAVAILABLE_ACTOR }],
          notifications: [],
          nextStep: null,
        };
      }
      snapshot = snapshotPolicy(found);
      input = { kind: 'start' };
    }
    const state: EscalationState | null =
      input.kind === 'start'
        ? null
        : {
            status: row.status,
            level: row.level,
            loop: row.loop,
            epoch: row.escalation_epoch,
            exhausted: row.escalation_exhausted,
            levelReachedAt: row.level_reached_at ?? now,
          };
    const ctx = await targets(snapshot.levels);
    const plan = planEscalation(snapshot, state, input, now, { ...ctx, incidentId: row.id });
    if (plan.ignored) return null;
    return {
      incidentId: row.id,
      state: plan.state,
      policySnapshot: input.kind === 'start' ? snapshot : null,
      timeline: plan.timeline.map((e) => ({ type: e.type, message: e.message, at: e.at, data: e.data ?? null, actor: ESCALATION_ACTOR })),
      notifications: plan.notifications,
      nextStep: plan.nextStepDueAt ? { dueAt: plan.nextStepDueAt, data: { input: 'step-due', step: stepRefOf(plan.state) } } : null,
    };
  }

  /**
   * Writes the plans of one or more incidents in one statement: each
   * incident's new escalation state (and, on start, its policy snapshot), the
   * timeline entries, the pages (an idempotency key already there is skipped)
   * and the next step's timer; and deletes the timers in `done`.
   */
  private async writePlans(em: EntityManager, plans: PlanWrite[], done: string[]): Promise<void> {
    if (!plans.length && !done.length) return;
    const states = plans
      .filter((p) => p.state)
      .map((p) => ({
        incident_id: p.incidentId,
        level: p.state!.level,
        loop: p.state!.loop,
        epoch: p.state!.epoch,
        exhausted: p.state!.exhausted,
        level_reached_at: p.state!.levelReachedAt,
        policy_snapshot: p.policySnapshot,
      }));
    let n = 0;
    const timeline = plans.flatMap((p) =>
      p.timeline.map((e) => ({
        n: n++,
        incident_id: p.incidentId,
        at: e.at,
        type: e.type,
        message: e.message,
        data: e.data,
        actor_type: e.actor.type,
        actor_name: e.actor.name ?? null,
        channel: e.actor.channel,
      })),
    );
    const pages = plans.flatMap((p) =>
      p.notifications.map((x) => ({
        incident_id: p.incidentId,
        key: x.idempotencyKey,
        user_id: x.userId,
        contact_method_id: x.contactMethodId,
        rule_id: x.ruleId,
        level: x.level,
        loop: x.loop,
        epoch: x.epoch,
        channel: x.contactMethodType,
        address: x.address,
        due_at: x.dueAt,
      })),
    );
    const next = plans.filter((p) => p.nextStep).map((p) => ({ incident_id: p.incidentId, due_at: p.nextStep!.dueAt, data: p.nextStep!.data }));
    await em.query(
      `WITH s AS (
         SELECT * FROM json_to_recordset($1::json) AS x(incident_id uuid, level int, loop int, epoch int, exhausted boolean,
                                                        level_reached_at timestamptz, policy_snapshot jsonb)
       ), state AS (
         UPDATE incidents i SET level = s.level, loop = s.loop, escalation_epoch = s.epoch, escalation_exhausted = s.exhausted,
                level_reached_at = s.level_reached_at, policy_snapshot = COALESCE(s.policy_snapshot, i.policy_snapshot)
           FROM s WHERE i.id = s.incident_id
       ), timeline AS (
         INSERT INTO incident_timeline (incident_id, at, type, message, actor_type, actor_id, actor_name, channel, data)
         SELECT e.incident_id, e.at, e.type, e.message, e.actor_type, NULL, e.actor_name, e.channel, e.data
           FROM json_to_recordset($2::json) AS e(n int, incident_id uuid, at timestamptz, type text, message text, data jsonb,
                                                 actor_type text, actor_name text, channel text)
          ORDER BY e.n
       ), pages AS (
         INSERT INTO notifications (incident_id, idempotency_key, user_id, contact_method_id, rule_id, level, loop, epoch, channel, address, due_at)
         SELECT p.incident_id, p.key, p.user_id, p.contact_method_id, p.rule_id, p.level, p.loop, p.epoch, p.channel, p.address, p.due_at
           FROM json_to_recordset($3::json) AS p(incident_id uuid, key text, user_id uuid, contact_method_id uuid, rule_id uuid, level int,
                                                 loop int, epoch int, channel text, address text, due_at timestamptz)
         ON CONFLICT (idempotency_key) DO NOTHING
       ), done AS (
         DELETE FROM timers WHERE id = ANY($5::bigint[])
       )
       INSERT INTO timers (kind, incident_id, due_at, data)
       SELECT 'escalation', t.incident_id, t.due_at, t.data
         FROM json_to_recordset($4::json) AS t(incident_id uuid, due_at timestamptz, data jsonb)`,
      [JSON.stringify(states), JSON.stringify(timeline), JSON.stringify(pages), JSON.stringify(next), done],
    );
  }

  private async addTimer(em: EntityManager, kind: TimerKind, incidentId: string, dueAt: Date, data: object): Promise<void> {
    await em.query(`INSERT INTO timers (kind, incident_id, due_at, data) VALUES ($1, $2, $3, $4)`, [
      kind,
      incidentId,
      dueAt,
      JSON.stringify(data),
    ]);
  }

  private async loadPolicy(em: EntityManager, id: string | null): Promise<EscalationPolicy | null> {
    if (!id) return null;
    return (await this.loadPolicies(em, [id]))[0] ?? null;
  }

  private async loadPolicies(em: EntityManager, ids: string[]): Promise<EscalationPolicy[]> {
    if (!ids.length) return [];
    return em.query('SELECT id, name, repeat, levels FROM escalation_policies WHERE id = ANY($1::uuid[])', [ids]);
  }

  /** The earliest due time of any timer, for the timer loop's sleep. */
  async nextTimerDueAt(): Promise<Date | null> {
    const [row]: { next: Date | null }[] = await this.dataSource.query(`SELECT min(due_at) AS next FROM timers`);
    return row?.next ?? null;
  }
}
