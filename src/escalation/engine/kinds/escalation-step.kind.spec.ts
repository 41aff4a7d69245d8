import { context, level, minutesAfter, policy, T0, user, userTarget } from '../../planner/testing/planner.factories';
import type { DueTimer } from '../timer-data';
import type { TimerIncident } from '../timer-kind';
import { escalationStepTimer } from './escalation-step.data';
import { isEscalationStepNoop, plannerInput, planStep } from './escalation-step.kind';

const snapshot = policy(0, level(5, userTarget('a')), level(10, userTarget('b')));
const incident = (patch: Partial<TimerIncident> = {}): TimerIncident => ({
  id: 'inc-1',
  number: 1,
  status: 'triggered',
  level: 1,
  loop: 0,
  escalationEpoch: 2,
  escalationExhausted: false,
  levelReachedAt: T0,
  policySnapshot: snapshot,
  acknowledgedAt: null,
  lastAlertAt: T0,
  escalationPolicyId: 'pol-1',
  ackTimeoutMinutes: null,
  autoResolveMinutes: null,
  ...patch,
});
const timer = (data: DueTimer<'escalation'>['data']): DueTimer<'escalation'> => ({ id: '1', incidentId: 'inc-1', dueAt: T0, attempts: 0, kind: 'escalation', data });
const step = { epoch: 2, loop: 0, level: 1 };

describe('escalation step timer: isNoop', () => {
  it('a start is a no-op once escalation has started (a policy snapshot is kept)', () => {
    expect(isEscalationStepNoop(timer({ input: 'start' }), incident())).toBe(true);
    expect(isEscalationStepNoop(timer({ input: 'start' }), incident({ policySnapshot: null }))).toBe(false);
  });

  it('every step of a suppressed incident (an event router rule with suppress) is a no-op, whatever armed it', () => {
    for (const data of [{ input: 'start' }, { input: 'step-due', step }, { input: 'ack-timeout' }, { input: 'manual-escalate' }] as const) {
      expect(isEscalationStepNoop(timer(data), incident({ suppressed: true, policySnapshot: null }))).toBe(true);
    }
  });

  it('a start fires for an incident opened with its policy snapshotted (a direct page) that no level has reached', () => {
    const direct = incident({ level: 0, escalationEpoch: 0, levelReachedAt: null, escalationPolicyId: null });
    expect(isEscalationStepNoop(timer({ input: 'start' }), direct)).toBe(false);
    expect(isEscalationStepNoop(timer({ input: 'step-due', step }), direct)).toBe(false);
  });

  it('a step fires while the incident is still at that step', () => {
    expect(isEscalationStepNoop(timer({ input: 'step-due', step }), incident())).toBe(false);
    expect(isEscalationStepNoop(timer({ input: 'step-due' }), incident())).toBe(false);
  });

  it.each([
    ['acknowledged', { status: 'acknowledged' as const }],
    ['exhausted', { escalationExhausted: true }],
    ['at another level', { level: 0 }],
    ['in another loop', { loop: 1 }],
    ['in another epoch', { escalationEpoch: 3 }],
  ])('a step is a no-op once the incident is %s', (_what, patch) => {
    expect(isEscalationStepNoop(timer({ input: 'step-due', step }), incident(patch))).toBe(true);
  });

  it('a step before escalation started is never a no-op (it starts escalation)', () => {
    expect(isEscalationStepNoop(timer({ input: 'step-due', step }), incident({ policySnapshot: null, status: 'acknowledged' }))).toBe(false);
  });

  it('ack-timeout and manual escalation always reach the planner, which decides', () => {
    expect(isEscalationStepNoop(timer({ input: 'ack-timeout' }), incident({ status: 'acknowledged' }))).toBe(false);
    expect(isEscalationStepNoop(timer({ input: 'manual-escalate' }), incident({ escalationExhausted: true }))).toBe(false);
  });
});

describe('escalation step timer: data and planning', () => {
  it('data: the planner input, and the step a step-due was armed for', () => {
    expect(escalationStepTimer.safeParse({ kind: 'escalation', data: { input: 'step-due', step } }).success).toBe(true);
    expect(escalationStepTimer.safeParse({ kind: 'escalation', data: { input: 'step-due', step: { epoch: 2 } } }).success).toBe(false);
    expect(escalationStepTimer.safeParse({ kind: 'escalation', data: { input: 'retrigger' } }).success).toBe(false);
    expect(plannerInput({ input: 'step-due', step })).toEqual({ kind: 'step-due', step });
    expect(plannerInput({ input: 'manual-escalate' })).toEqual({ kind: 'manual-escalate' });
  });

  const load = {
    policy: async () => snapshot,
    targets: async () => context({ users: [user('a'), user('b')] }),
  };

  it('the first step snapshots the policy, pages level 0 and arms the next step', async () => {
    const planned = await planStep(incident({ policySnapshot: null, level: 0, escalationEpoch: 0 }), { input: 'start' }, T0, load);
    expect(planned?.write.policySnapshot).toEqual(snapshot);
    expect(planned?.write.notifications.map((n) => n.userId)).toEqual(['a']);
    expect(planned?.next).toEqual({
      kind: 'escalation',
      incidentId: 'inc-1',
      dueAt: minutesAfter(T0, 5),
      data: { input: 'step-due', step: { epoch: 0, loop: 0, level: 0 } },
    });
  });

  it('an incident opened with its own snapshot (a direct page) starts with it, loading no policy', async () => {
    const direct = incident({ level: 0, escalationEpoch: 0, levelReachedAt: null, escalationPolicyId: null });
    const noPolicy = { ...load, policy: async () => { throw new Error('no policy is loaded for a snapshotted incident'); } };
    for (const input of [{ input: 'start' as const }, { input: 'manual-escalate' as const }]) {
      const planned = await planStep(direct, input, T0, noPolicy);
      expect(planned?.write.notifications.map((n) => n.userId)).toEqual(['a']);
      expect(planned?.write.state).toMatchObject({ level: 0, loop: 0, levelReachedAt: T0 });
      expect(planned?.next?.dueAt).toEqual(minutesAfter(T0, 5));
    }
  });

  it('no policy: one escalation-unavailable entry, no state change, no next step', async () => {
    const planned = await planStep(incident({ policySnapshot: null, escalationPolicyId: null }), { input: 'start' }, T0, load);
    expect(planned?.write.state).toBeNull();
    expect(planned?.write.timeline.map((e) => e.type)).toEqual(['escalation-unavailable']);
    expect(planned?.next).toBeNull();
  });
});
