import { planEscalation } from './escalation-planner';
import { EscalationState } from './planner.types';
import { context, level, minutesAfter, policy, T0, triggeredAt, user, userTarget } from './testing/planner.factories';

const threeLevels = (repeat: number) =>
  policy(repeat, level(5, userTarget('a')), level(10, userTarget('b')), level(15, userTarget('c')));
const ctx = context({ users: [user('a'), user('b'), user('c')] });
const NOW = minutesAfter(T0, 2);

describe('planEscalation: manual escalate', () => {
  it.each([
    { status: 'triggered' as const, repeat: 0, from: [0, 0], to: [1, 0], paged: 'b', nextInMinutes: 10 },
    { status: 'triggered' as const, repeat: 1, from: [2, 0], to: [0, 1], paged: 'a', nextInMinutes: 5 },
    { status: 'acknowledged' as const, repeat: 0, from: [0, 0], to: [1, 0], paged: 'b', nextInMinutes: 10 },
    { status: 'acknowledged' as const, repeat: 1, from: [2, 0], to: [0, 1], paged: 'a', nextInMinutes: 5 },
  ])('$status at $from (repeat $repeat) moves to $to at once', ({ status, repeat, from, to, paged, nextInMinutes }) => {
    const state = triggeredAt(from[0], from[1], T0, { status });
    const plan = planEscalation(threeLevels(repeat), state, { kind: 'manual-escalate' }, NOW, ctx);

    expect(plan.state).toEqual({ status: 'triggered', level: to[0], loop: to[1], epoch: 0, exhausted: false, levelReachedAt: NOW });
    expect(plan.notifications.map((n) => [n.userId, n.dueAt])).toEqual([[paged, NOW]]);
    expect(plan.nextStepDueAt).toEqual(minutesAfter(NOW, nextInMinutes));
    const retriggered = status === 'acknowledged' ? ['retriggered'] : [];
    expect(plan.timeline.map((e) => e.type)).toEqual([...retriggered, 'escalated', 'notified']);
    expect(plan.timeline[retriggered.length].message).toMatch(/: manual escalation$/);
  });

  it.each([
    { status: 'triggered' as const },
    { status: 'acknowledged' as const },
  ])('$status at the last level of the last loop: exhausted, status kept, nobody paged', ({ status }) => {
    const state = triggeredAt(2, 1, T0, { status });
    const plan = planEscalation(threeLevels(1), state, { kind: 'manual-escalate' }, NOW, ctx);

    expect(plan.state).toEqual({ ...state, exhausted: true });
    expect(plan.notifications).toEqual([]);
    expect(plan.nextStepDueAt).toBeNull();
    expect(plan.timeline.map((e) => e.type)).toEqual(['exhausted']);
    expect(plan.timeline[0].message).toContain('manual escalation');
  });

  it('on an exhausted incident changes nothing and says escalation is exhausted', () => {
    const state = triggeredAt(2, 0, T0, { exhausted: true });
    const plan = planEscalation(threeLevels(0), state, { kind: 'manual-escalate' }, NOW, ctx);

    expect(plan.state).toBe(state);
    expect(plan.ignored).toBe('exhausted');
    expect(plan.notifications).toEqual([]);
    expect(plan.nextStepDueAt).toBeNull();
    expect(plan.timeline.map((e) => [e.type, e.at])).toEqual([['exhausted', NOW]]);
  });

  it('on a resolved incident is ignored', () => {
    const state = triggeredAt(0, 0, T0, { status: 'resolved' });
    const plan = planEscalation(threeLevels(0), state, { kind: 'manual-escalate' }, NOW, ctx);

    expect(plan).toEqual({ state, notifications: [], webhookPages: [], nextStepDueAt: null, timeline: [], ignored: 'resolved' });
  });
});

describe('planEscalation: ack timeout and retrigger', () => {
  it.each([
    { name: 'mid-policy', from: triggeredAt(1, 0, T0, { status: 'acknowledged' }) },
    { name: 'on a later loop', from: triggeredAt(2, 1, T0, { status: 'acknowledged' }) },
    { name: 'after exhaustion', from: triggeredAt(2, 1, T0, { status: 'acknowledged', exhausted: true }) },
    // The incident state machine may have written 'triggered' before the engine plans its effect.
    { name: 'already marked triggered by the state machine', from: triggeredAt(1, 1, T0) },
  ])('ack-timeout re-triggers and restarts at level 0, loop 0 ($name)', ({ from }) => {
    const at = minutesAfter(T0, 60);
    const plan = planEscalation(threeLevels(1), from, { kind: 'ack-timeout' }, at, ctx);

    expect(plan.state).toEqual({ status: 'triggered', level: 0, loop: 0, epoch: 1, exhausted: false, levelReachedAt: at });
    expect(plan.notifications.map((n) => [n.userId, n.dueAt])).toEqual([['a', at]]);
    expect(plan.nextStepDueAt).toEqual(minutesAfter(at, 5));
    expect(plan.timeline.map((e) => e.type)).toEqual(['restarted', 'notified']);
    expect(plan.timeline[0].message).toBe('Acknowledgement timed out: escalation restarts at level 1');
  });

  it('retrigger restarts the same way and says why', () => {
    const from = triggeredAt(2, 0, T0, { status: 'acknowledged', epoch: 2 });
    const plan = planEscalation(threeLevels(0), from, { kind: 'retrigger' }, NOW, ctx);

    expect(plan.state).toEqual({ status: 'triggered', level: 0, loop: 0, epoch: 3, exhausted: false, levelReachedAt: NOW });
    expect(plan.notifications.map((n) => n.userId)).toEqual(['a']);
    expect(plan.timeline[0].message).toBe('Incident triggered again: escalation restarts at level 1');
  });

  it('pages again under new idempotency keys: the restart is not mistaken for the first pass', () => {
    const pol = threeLevels(0);
    const start = planEscalation(pol, null, { kind: 'start' }, T0, ctx);
    const acked: EscalationState = { ...start.state, status: 'acknowledged' };
    const restart = planEscalation(pol, acked, { kind: 'ack-timeout' }, minutesAfter(T0, 30), ctx);

    expect(restart.notifications).toHaveLength(1);
    expect(restart.notifications[0].idempotencyKey).not.toBe(start.notifications[0].idempotencyKey);
  });

  it.each(['ack-timeout' as const, 'retrigger' as const])('%s is ignored on a resolved incident', (kind) => {
    const state = triggeredAt(1, 0, T0, { status: 'resolved' });
    const plan = planEscalation(threeLevels(1), state, { kind }, NOW, ctx);

    expect(plan).toEqual({ state, notifications: [], webhookPages: [], nextStepDueAt: null, timeline: [], ignored: 'resolved' });
  });
});
