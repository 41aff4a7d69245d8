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
import { OutboxService, WORK_CHANNEL } from '../../notifications/outbox.service';
import type { EscalationPolicy } from '../escalation-policy.entity';
import {
  EscalationInput,
  EscalationState,
  planEscalation,
  PlannedNotification,
  PolicySnapshot,
  snapshotPolicy,
  StepRef,
  stepRefOf,
} from '../planner';
import { TargetDirectory } from '../target-directory';
import type { TimerKind } from './timer.entity';

const MINUTE = 60_000;
/** Live timers fired at once per worker; stays well under DATABASE_POOL_SIZE (10 by default). */
const TIMER_CONCURRENCY = 4;
const ESCALATION_ACTOR = { type: 'system', channel: 'system', name: 'escalation' } as const;

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

  /** 'triggered' for incidents opened in a batch: what onIncidentEvent writes below, for each of them. */
  readonly openedSql = `
    INSERT INTO timers (kind, incident_id, due_at, data)
    SELECT 'escalation', o.id, $2::timestamptz, '{"input":"start"}'::jsonb FROM opened o
    UNION ALL
    SELECT 'auto-resolve', o.id, $2::timestamptz + make_interval(mins => s.auto_resolve_minutes), '{}'::jsonb
      FROM opened o JOIN services s ON s.id = o.service_id WHERE s.auto_resolve_minutes IS NOT NULL`;

  async onIncidentEvent(
    em: EntityManager,
    incident: Incident,
    event: { type: IncidentEventType; actor: Actor; note?: string },
  ): Promise<void> {
    const now = this.clock.now();
    switch (event.type) {
      case 'triggered':
        // One round trip on the ingest path: the start timer, the service's auto-resolve timer, the wake-up.
        await em.query(
          `WITH t AS (
             INSERT INTO timers (kind, incident_id, due_at, data)
             SELECT 'escalation', $1::uuid, $2::timestamptz, '{"input":"start"}'::jsonb
             UNION ALL
             SELECT 'auto-resolve', $1::uuid, $2::timestamptz + make_interval(mins => s.auto_resolve_minutes), '{}'::jsonb
               FROM services s WHERE s.id = $3 AND s.auto_resolve_minutes IS NOT NULL
             RETURNING 1)
           SELECT pg_notify('${WORK_CHANNEL}', '') FROM (SELECT count(*) FROM t) AS inserted`,
          [incident.id, now, incident.serviceId],
        );
        return;
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
   * Each remaining timer then fires in a transaction of its own, so an
   * incident row is locked for one escalation step only and ingest (which
   * touches the same rows) never waits behind a whole batch. Lock order is
   * always timer, then incident. Returns how many timers were claimed.
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
    // Different incidents' steps are independent: a few at a time keeps both the pool and PostgreSQL busy.
    let next = 0;
    const lane = async () => {
      while (next < live.length) await this.fireOne(live[next++].id, now);
    };
    await Promise.all(Array.from({ length: Math.min(TIMER_CONCURRENCY, live.length) }, lane));
    return claimed;
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
    let snapshot = row.policy_snapshot;
    let input: EscalationInput =
      data.input === 'step-due' ? { kind: 'step-due', step: data.step as StepRef } : ({ kind: data.input } as EscalationInput);
    if (!snapshot) {
      // The incident keeps the policy as it is now, whatever later edits do.
      const policy = await this.loadPolicy(em, row.escalation_policy_id);
      if (!policy) {
        await this.incidents.appendTimeline(em, row.id, {
          type: 'escalation-unavailable',
          message: 'The service has no escalation policy: nobody can be paged',
          at: now,
          actor: { type: 'system', channel: 'system' },
        });
        return;
      }
      snapshot = snapshotPolicy(policy);
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
    const ctx = await this.directory.load(snapshot.levels, em, now);
    const plan = planEscalation(snapshot, state, input, now, { ...ctx, incidentId: row.id });
    if (plan.ignored) return;

    await this.writePlan(em, row.id, {
      state: plan.state,
      policySnapshot: input.kind === 'start' ? snapshot : null,
      timeline: plan.timeline,
      notifications: plan.notifications,
      nextStep: plan.nextStepDueAt ? { dueAt: plan.nextStepDueAt, data: { input: 'step-due', step: stepRefOf(plan.state) } } : null,
    });
  }

  /**
   * Writes a plan in one statement: the incident's new escalation state (and,
   * on start, its policy snapshot), the timeline entries, the pages (an
   * idempotency key already there is skipped) and the next step's timer.
   */
  private async writePlan(
    em: EntityManager,
    incidentId: string,
    w: {
      state: { level: number; loop: number; epoch: number; exhausted: boolean; levelReachedAt: Date | null };
      policySnapshot: PolicySnapshot | null;
      timeline: readonly { type: string; message: string; at: Date; data?: unknown }[];
      notifications: readonly PlannedNotification[];
      nextStep: { dueAt: Date; data: object } | null;
    },
  ): Promise<void> {
    await em.query(
      `WITH state AS (
         UPDATE incidents SET level = $2, loop = $3, escalation_epoch = $4, escalation_exhausted = $5, level_reached_at = $6,
                policy_snapshot = COALESCE($7::jsonb, policy_snapshot)
          WHERE id = $1
       ), timeline AS (
         INSERT INTO incident_timeline (incident_id, at, type, message, actor_type, actor_id, actor_name, channel, data)
         SELECT $1, e.at, e.type, e.message, $8, NULL, $9, $10, e.data
           FROM json_to_recordset($11::json) AS e(n int, at timestamptz, type text, message text, data jsonb)
          ORDER BY e.n
       ), pages AS (
         INSERT INTO notifications (incident_id, idempotency_key, user_id, contact_method_id, rule_id, level, loop, epoch, channel, address, due_at)
         SELECT $1, p.key, p.user_id, p.contact_method_id, p.rule_id, p.level, p.loop, p.epoch, p.channel, p.address, p.due_at
           FROM json_to_recordset($12::json) AS p(key text, user_id uuid, contact_method_id uuid, rule_id uuid, level int, loop int,
                                                   epoch int, channel text, address text, due_at timestamptz)
         ON CONFLICT (idempotency_key) DO NOTHING
       )
       INSERT INTO timers (kind, incident_id, due_at, data)
       SELECT 'escalation', $1, $13::timestamptz, $14::jsonb WHERE $13::timestamptz IS NOT NULL`,
      [
        incidentId,
        w.state.level,
        w.state.loop,
        w.state.epoch,
        w.state.exhausted,
        w.state.levelReachedAt,
        w.policySnapshot ? JSON.stringify(w.policySnapshot) : null,
        ESCALATION_ACTOR.type,
        ESCALATION_ACTOR.name,
        ESCALATION_ACTOR.channel,
        JSON.stringify(w.timeline.map((e, n) => ({ n, at: e.at, type: e.type, message: e.message, data: e.data ?? null }))),
        JSON.stringify(
          w.notifications.map((p) => ({
            key: p.idempotencyKey,
            user_id: p.userId,
            contact_method_id: p.contactMethodId,
            rule_id: p.ruleId,
            level: p.level,
            loop: p.loop,
            epoch: p.epoch,
            channel: p.contactMethodType,
            address: p.address,
            due_at: p.dueAt,
          })),
        ),
        w.nextStep?.dueAt ?? null,
        w.nextStep ? JSON.stringify(w.nextStep.data) : null,
      ],
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
    const rows: EscalationPolicy[] = await em.query(
      'SELECT id, name, repeat, levels FROM escalation_policies WHERE id = $1',
      [id],
    );
    return rows[0] ?? null;
  }

  /** The earliest due time of any timer, for the timer loop's sleep. */
  async nextTimerDueAt(): Promise<Date | null> {
    const [row]: { next: Date | null }[] = await this.dataSource.query(`SELECT min(due_at) AS next FROM timers`);
    return row?.next ?? null;
  }
}
