import { resolveLevel } from './level-notifications';
import {
  EscalationInput,
  EscalationState,
  IgnoredReason,
  Plan,
  PlanContext,
  PlanTimelineEntry,
  PolicySnapshot,
  StepRef,
} from './planner.types';

/**
 * What escalation does now (docs/paging.md, "Lifecycle"): a pure function of the
 * incident's policy snapshot, its escalation state, one input and `now`.
 *
 * The engine calls it when a step timer fires or a person acts, then writes in
 * one transaction: `plan.state` on the incident, `plan.notifications` to the
 * outbox (unique on idempotencyKey), `plan.timeline` to the incident, and
 * replaces the incident's step timer with `nextStepDueAt` (storing
 * stepRefOf(plan.state) on it) or deletes it when null. An ignored plan
 * (`plan.ignored` set) changes no state; only its timeline, if any, is written.
 *
 * `state` may be null only for 'start'; every other input needs the stored state.
 *
 * Status rules for people's actions and for the ack-timeout timer (409 on a
 * resolved incident, a stale ack timeout) belong to the incident state machine
 * (incidents/domain). The planner is called for its effects and accepts the
 * state from before or after that transition: 'manual-escalate', 'ack-timeout'
 * and 'retrigger' act on any unresolved incident. Only 'step-due', fired by a
 * timer nobody cancels in the same transaction as an acknowledge, checks that
 * the incident is still triggered.
 */
export function planEscalation(
  policy: PolicySnapshot,
  state: EscalationState | null,
  input: EscalationInput,
  now: Date,
  ctx: PlanContext,
): Plan {
  if (input.kind === 'start') return planStart(policy, now, ctx);
  if (state === null) throw new Error(`planEscalation: '${input.kind}' needs the incident's escalation state`);
  switch (input.kind) {
    case 'step-due':
      return planStepDue(policy, state, input.step, now, ctx);
    case 'manual-escalate':
      return planManualEscalate(policy, state, now, ctx);
    case 'ack-timeout':
    case 'retrigger':
      return planRestart(policy, state, input.kind, now, ctx);
  }
}

/** The StepRef to store on the step timer written for this state. */
export function stepRefOf(state: EscalationState): StepRef {
  return { epoch: state.epoch, loop: state.loop, level: state.level };
}

/**
 * The level after `step`: the next level of this loop, else level 0 of the next
 * loop while loop < repeat, else null (escalation exhausted).
 */
export function nextStep(policy: PolicySnapshot, step: StepRef): StepRef | null {
  if (step.level + 1 < policy.levels.length) return { epoch: step.epoch, loop: step.loop, level: step.level + 1 };
  if (step.loop < policy.repeat) return { epoch: step.epoch, loop: step.loop + 1, level: 0 };
  return null;
}

function planStart(policy: PolicySnapshot, now: Date, ctx: PlanContext): Plan {
  const started: PlanTimelineEntry = {
    type: 'started',
    message:
      `Escalation started with policy "${policy.name}" (version ${policy.version}, ` +
      `${policy.levels.length} level${policy.levels.length === 1 ? '' : 's'}, repeat ${policy.repeat})`,
    at: now,
    data: { policyId: policy.id, policyName: policy.name, policyVersion: policy.version, repeat: policy.repeat },
  };
  return walk(policy, null, { epoch: 0, loop: 0, level: 0 }, now, ctx, [started], null);
}

function planStepDue(
  policy: PolicySnapshot,
  state: EscalationState,
  step: StepRef | undefined,
  now: Date,
  ctx: PlanContext,
): Plan {
  if (state.status !== 'triggered') return ignore(state, state.status);
  if (step && !sameStep(step, stepRefOf(state))) return ignore(state, 'stale-step');
  if (state.exhausted) return ignore(state, 'exhausted');
  const delayMinutes = policy.levels[state.level]?.delayMinutes ?? 0;
  const reason = `no acknowledgement within ${delayMinutes} minute${delayMinutes === 1 ? '' : 's'}`;
  const next = nextStep(policy, state);
  if (next === null) return exhaust(policy, state, state, now, [], 'repeats-exhausted', reason);
  return walk(policy, state, next, now, ctx, [], reason);
}

/**
 * Escalates at once. An acknowledged incident is re-triggered first (as
 * PagerDuty does) when there is a level to escalate to; with no level left it
 * stays as it is and is marked exhausted.
 */
function planManualEscalate(policy: PolicySnapshot, state: EscalationState, now: Date, ctx: PlanContext): Plan {
  if (state.status === 'resolved') return ignore(state, 'resolved');
  const data = { level: state.level, loop: state.loop };
  if (state.exhausted) {
    return ignore(state, 'exhausted', [
      {
        type: 'exhausted',
        message: 'Manual escalation requested, but escalation is already exhausted: there is no further level',
        at: now,
        data: { ...data, reason: 'manual-after-exhausted' },
      },
    ]);
  }
  const next = nextStep(policy, state);
  if (next === null) return exhaust(policy, state, state, now, [], 'repeats-exhausted', 'manual escalation');
  const lead: PlanTimelineEntry[] =
    state.status === 'acknowledged'
      ? [{ type: 'retriggered', message: 'Manual escalation re-triggered the acknowledged incident', at: now, data }]
      : [];
  return walk(policy, state, next, now, ctx, lead, 'manual escalation');
}

function planRestart(
  policy: PolicySnapshot,
  state: EscalationState,
  cause: 'ack-timeout' | 'retrigger',
  now: Date,
  ctx: PlanContext,
): Plan {
  if (state.status === 'resolved') return ignore(state, 'resolved');
  const why = cause === 'ack-timeout' ? 'Acknowledgement timed out' : 'Incident triggered again';
  const restarted: PlanTimelineEntry = {
    type: 'restarted',
    message: `${why}: escalation restarts at level 1`,
    at: now,
    data: { cause, previousLevel: state.level, previousLoop: state.loop, epoch: state.epoch + 1 },
  };
  return walk(policy, state, { epoch: state.epoch + 1, loop: 0, level: 0 }, now, ctx, [restarted], null);
}

/**
 * Enters `from` and pages its targets; a level that pages nobody is skipped at
 * once to the next one. The walk stops at the first level that pages someone,
 * when the levels run out, or after skipping as many levels as the policy has:
 * targets are resolved at the same `now`, so another pass would find the same
 * nobody, and repeat loops must not spin on an all-empty policy.
 *
 * `reason` explains the escalation in the 'escalated' entry; null for a start
 * or restart at level 0, which their own lead entry already announces.
 */
function walk(
  policy: PolicySnapshot,
  previous: EscalationState | null,
  from: StepRef,
  now: Date,
  ctx: PlanContext,
  lead: PlanTimelineEntry[],
  reason: string | null,
): Plan {
  const timeline = [...lead];
  let step: StepRef | null = from;
  let last: StepRef = from;
  let skipped = 0;
  let announce = reason;

  while (step !== null && skipped < policy.levels.length) {
    last = step;
    const resolution = resolveLevel(policy, step, now, ctx);
    const data = { level: step.level, loop: step.loop };
    if (resolution.notifications.length > 0 || resolution.webhooks.length > 0) {
      if (announce !== null) {
        timeline.push({ type: 'escalated', message: `Escalated to ${describe(policy, step)}: ${announce}`, at: now, data });
      }
      timeline.push(...resolution.timeline);
      const level = policy.levels[step.level];
      return {
        state: {
          status: 'triggered',
          epoch: step.epoch,
          loop: step.loop,
          level: step.level,
          exhausted: false,
          levelReachedAt: now,
        },
        notifications: resolution.notifications,
        webhookPages: resolution.webhooks,
        nextStepDueAt: new Date(now.getTime() + level.delayMinutes * 60_000),
        timeline,
        ignored: null,
      };
    }
    timeline.push(...resolution.timeline, {
      type: 'level-empty',
      message: `Nobody to page at ${describe(policy, step)}; escalating at once`,
      at: now,
      data,
    });
    skipped += 1;
    announce = `${describe(policy, step)} had nobody to page`;
    step = nextStep(policy, step);
  }

  const nobody = skipped >= policy.levels.length;
  const exhaustedReason = nobody ? 'nobody-pageable' : 'repeats-exhausted';
  return exhaust(policy, previous, last, now, timeline, exhaustedReason, null);
}

/**
 * Escalation stops for good (until an ack timeout restarts it): the state stays
 * at the last level, no next step, and the timeline says so.
 */
function exhaust(
  policy: PolicySnapshot,
  previous: EscalationState | null,
  at: StepRef,
  now: Date,
  timeline: PlanTimelineEntry[],
  reason: 'repeats-exhausted' | 'nobody-pageable',
  cause: string | null,
): Plan {
  const level = Math.max(policy.levels.length - 1, 0);
  const unchanged =
    previous !== null && previous.epoch === at.epoch && previous.loop === at.loop && previous.level === level;
  const status = previous?.status === 'acknowledged' && unchanged ? 'acknowledged' : 'triggered';
  const repeats = policy.repeat > 0 ? ` and ${policy.repeat} repeat${policy.repeat === 1 ? '' : 's'}` : '';
  const message =
    reason === 'nobody-pageable'
      ? 'Escalation exhausted: nobody could be paged on any level of the policy'
      : `Escalation exhausted after the last level${repeats}${cause ? ` (${cause})` : ''}; nobody else will be paged`;
  return {
    state: {
      status,
      epoch: at.epoch,
      loop: at.loop,
      level,
      exhausted: true,
      levelReachedAt: unchanged && previous ? previous.levelReachedAt : now,
    },
    notifications: [],
    webhookPages: [],
    nextStepDueAt: null,
    timeline: [...timeline, { type: 'exhausted', message, at: now, data: { level, loop: at.loop, reason } }],
    ignored: null,
  };
}

function ignore(state: EscalationState, reason: IgnoredReason, timeline: PlanTimelineEntry[] = []): Plan {
  return { state, notifications: [], webhookPages: [], nextStepDueAt: null, timeline, ignored: reason };
}

function sameStep(a: StepRef, b: StepRef): boolean {
  return a.epoch === b.epoch && a.loop === b.loop && a.level === b.level;
}

/** Levels are 1-based for people; loop 0 is the first pass, loop k the k-th repeat. */
function describe(policy: PolicySnapshot, step: StepRef): string {
  const repeat = step.loop > 0 ? ` (repeat ${step.loop} of ${policy.repeat})` : '';
  return `level ${step.level + 1} of ${policy.levels.length}${repeat}`;
}
