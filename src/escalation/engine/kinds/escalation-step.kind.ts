import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  EscalationInput,
  EscalationPolicyDefinition,
  EscalationState,
  planEscalation,
  PolicySnapshot,
  PolicyWarningContext,
  snapshotPolicy,
  StepRef,
  stepRefOf,
} from '../../planner';
import { WebhookEvents } from '../../../webhooks/webhook-events';
import { TargetDirectory } from '../../target-directory';
import { escalationWebhookEvents } from '../escalation-webhook-events';
import { EscalationPlansRepository } from '../escalation-plans.repository';
import { EscalationPlanWriter, PlanWrite } from '../escalation-plan-writer';
import type { DueTimer, NewTimer } from '../timer-data';
import type { FiringTimer, TimerIncident, TimerKind } from '../timer-kind';

const ESCALATION_ACTOR = { actorType: 'system', actorId: null, actorName: 'escalation', channel: 'system' } as const;
/** The timeline's actor for "no escalation policy" (as IncidentsService.appendTimeline writes it). */
const UNAVAILABLE_ACTOR = { actorType: 'system', actorId: null, actorName: null, channel: 'system' } as const;


/**
 * The log lines of a written step: an escalation to a further level (info;
 * `escalationLevel` counts from 1, as the timeline does, and `loop` from 0),
 * escalation exhausted or impossible (warn: nobody else will be paged). The
 * start at level 1 has none of its own: the incident's "opened" line says it.
 */
export function logStep(logger: Pick<Logger, 'log' | 'warn'>, incident: TimerIncident, write: PlanWrite): void {
  for (const e of write.timeline) {
    const data = (e.data ?? {}) as { level?: number; loop?: number; reason?: string };
    const base = { incident: incident.number, incidentId: incident.id };
    if (e.type === 'escalated') logger.log({ ...base, escalationLevel: (data.level ?? 0) + 1, loop: data.loop, detail: e.message }, 'incident escalated');
    else if (e.type === 'exhausted') logger.warn({ ...base, escalationLevel: (data.level ?? 0) + 1, reason: data.reason }, 'escalation exhausted');
    else if (e.type === 'escalation-unavailable') logger.warn(base, 'incident has no escalation policy: nobody is paged');
  }
}

/**
 * A duplicate start (escalation has started), or a step the incident has
 * left: acknowledged, moved on to another level, loop or epoch, or exhausted.
 */
export function isEscalationStepNoop(timer: DueTimer<'escalation'>, incident: TimerIncident): boolean {
  const { data } = timer;
  // A suppressed incident (an event router's suppress) never pages: no step of it fires, whatever armed it.
  if (incident.suppressed) return true;
  if (data.input === 'start') return hasStarted(incident);
  return data.input === 'step-due' && hasStarted(incident) && isStale(incident, data.step);
}

/**
 * Escalation has started once the incident holds a policy snapshot and a
 * level was reached. A direct page is opened with its one-off policy already
 * snapshotted (docs/direct-paging.md) and no level reached: its start fires.
 */
function hasStarted(incident: TimerIncident): boolean {
  return incident.policySnapshot !== null && incident.levelReachedAt !== null;
}

function isStale(incident: TimerIncident, step: StepRef | undefined): boolean {
  if (incident.status !== 'triggered' || incident.escalationExhausted) return true;
  return !!step && (step.epoch !== incident.escalationEpoch || step.loop !== incident.loop || step.level !== incident.level);
}

/** What the planner is asked: the timer's input, or 'start' when escalation has not started yet (planStep). */
export function plannerInput(data: DueTimer<'escalation'>['data']): EscalationInput {
  return data.input === 'step-due' ? { kind: 'step-due', step: data.step } : { kind: data.input };
}

interface StepLoaders {
  policy(id: string): Promise<EscalationPolicyDefinition | null>;
  targets(levels: PolicySnapshot['levels']): Promise<PolicyWarningContext>;
}

/** A planned step: what it writes, and the timer of the step after it. */
interface PlannedStep {
  write: PlanWrite;
  next: NewTimer<'escalation'> | null;
}

/**
 * What one escalation step writes, asked of the pure planner: null when the
 * planner ignores the input. The loaders fetch what the planner needs (in a
 * batch, once for the whole batch: `targets` may then answer for more
 * targets than `levels` names).
 */
export async function planStep(
  incident: TimerIncident,
  data: DueTimer<'escalation'>['data'],
  now: Date,
  load: StepLoaders,
): Promise<PlannedStep | null> {
  let snapshot = incident.policySnapshot;
  let input = plannerInput(data);
  if (!snapshot) {
    // The incident keeps the policy as it is now, whatever later edits do.
    const found = incident.escalationPolicyId ? await load.policy(incident.escalationPolicyId) : null;
    if (!found) {
      const message = 'The service has no escalation policy: nobody can be paged';
      const write: PlanWrite = {
        incidentId: incident.id,
        state: null,
        policySnapshot: null,
        timeline: [{ type: 'escalation-unavailable', message, at: now, data: null, ...UNAVAILABLE_ACTOR }],
        notifications: [],
        webhookPages: [],
      };
      return { write, next: null };
    }
    snapshot = snapshotPolicy(found);
    input = { kind: 'start' };
  } else if (!incident.levelReachedAt) {
    // Snapshotted when it was opened (a direct page), not started yet: whatever came first starts it.
    input = { kind: 'start' };
  }
  const state: EscalationState | null =
    input.kind === 'start'
      ? null
      : {
          status: incident.status,
          level: incident.level,
          loop: incident.loop,
          epoch: incident.escalationEpoch,
          exhausted: incident.escalationExhausted,
          levelReachedAt: incident.levelReachedAt ?? now,
        };
  const ctx = await load.targets(snapshot.levels);
  const plan = planEscalation(snapshot, state, input, now, { ...ctx, incidentId: incident.id });
  if (plan.ignored) return null;
  const write: PlanWrite = {
    incidentId: incident.id,
    state: plan.state,
    policySnapshot: input.kind === 'start' ? snapshot : null,
    timeline: plan.timeline.map((e) => ({ type: e.type, message: e.message, at: e.at, data: e.data ?? null, ...ESCALATION_ACTOR })),
    notifications: plan.notifications,
    webhookPages: plan.webhookPages,
  };
  const next: NewTimer<'escalation'> | null = plan.nextStepDueAt
    ? { kind: 'escalation', incidentId: incident.id, dueAt: plan.nextStepDueAt, data: { input: 'step-due', step: stepRefOf(plan.state) } }
    : null;
  return { write, next };
}

/**
 * Fires escalation steps: asks the pure planner what the step does and
 * writes the plan (new escalation state, outbox rows, timeline, and the
 * webhook events of escalations and webhook targets); the next
 * step's timer goes back to the claimer. A storm's first steps fire in
 * batches (fireBatch) with one plan-writing statement for the batch.
 */
@Injectable()
export class EscalationStepKind implements TimerKind<'escalation'> {
  private readonly logger = new Logger('Escalation');
  readonly kind = 'escalation';
  readonly isNoop = isEscalationStepNoop;

  constructor(
    private readonly plans: EscalationPlansRepository,
    private readonly writer: EscalationPlanWriter,
    private readonly directory: TargetDirectory,
    private readonly webhookEvents: WebhookEvents,
  ) {}

  async fire(em: EntityManager, timer: DueTimer<'escalation'>, incident: TimerIncident, now: Date): Promise<NewTimer[]> {
    const step = await planStep(incident, timer.data, now, {
      policy: async (id) => (await this.plans.loadPolicies(em, [id]))[0] ?? null,
      targets: (levels) => this.directory.load(levels, em, now),
    });
    if (!step) return [];
    await this.writer.write(em, [step.write]);
    await this.webhookEvents.enqueueAll(em, escalationWebhookEvents([step.write], now));
    logStep(this.logger, incident, step.write);
    return step.next ? [step.next] : [];
  }

  /**
   * Policies and targets are loaded once per batch, whatever the number of
   * policies: one load of every target any step of the batch may page (the
   * incidents' snapshots and the policies of those starting), which answers
   * each step's lookups by id. A storm's first steps across many services
   * are then a few queries, not a few per service.
   */
  async fireBatch(em: EntityManager, timers: FiringTimer<'escalation'>[], now: Date): Promise<NewTimer[]> {
    const policyIds = new Set<string>();
    for (const { incident } of timers) if (!incident.policySnapshot && incident.escalationPolicyId) policyIds.add(incident.escalationPolicyId);
    const policies = new Map((await this.plans.loadPolicies(em, [...policyIds])).map((p) => [p.id, p]));
    const levels = [...timers.flatMap(({ incident }) => incident.policySnapshot?.levels ?? []), ...[...policies.values()].flatMap((p) => p.levels)];
    let targets: Promise<PolicyWarningContext> | undefined;
    const loaders: StepLoaders = {
      policy: async (id) => policies.get(id) ?? null,
      targets: () => (targets ??= this.directory.load(levels, em, now)),
    };
    const writes: { incident: TimerIncident; write: PlanWrite }[] = [];
    const next: NewTimer[] = [];
    for (const { timer, incident } of timers) {
      const step = await planStep(incident, timer.data, now, loaders);
      if (!step) continue;
      writes.push({ incident, write: step.write });
      if (step.next) next.push(step.next);
    }
    await this.writer.write(em, writes.map((w) => w.write));
    await this.webhookEvents.enqueueAll(em, escalationWebhookEvents(writes.map((w) => w.write), now));
    for (const w of writes) logStep(this.logger, w.incident, w.write);
    return next;
  }
}
