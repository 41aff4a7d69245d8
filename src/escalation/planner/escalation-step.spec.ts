import { planEscalation, stepRefOf } from './escalation-planner';
import { EscalationState } from './planner.types';
import { context, level, minutesAfter, policy, T0, triggeredAt, user, userTarget } from './testing/planner.factories';

// Levels: a (5 min), b (10 min), c (15 min).
const threeLevels = (repeat: number) =>
  policy(repeat, level(5, userTarget('a')), level(10, userTarget('b')), level(15, userTarget('c')));
const ctx = context({ users: [user('a'), user('b'), user('c')] });
const NOW = minutesAfter(T0, 30);

describe('planEscalation: start', () => {
  it('starts at level 0, loop 0 and notifies level 0 at once', () => {
    const pol = threeLevels(1);
    const plan = planEscalation(pol, null, { kind: 'start' }, T0, ctx);

    expect(plan.state).toEqual({ status: 'triggered', level: 0, loop: 0, epoch: 0, exhausted: false, levelReachedAt: T0 });
    expect(plan.notifications.map((n) => [n.userId, n.dueAt])).toEqual([['a', T0]]);
    expect(plan.nextStepDueAt).toEqual(minutesAfter(T0, 5));
    expect(plan.ignored).toBeNull();
    expect(plan.timeline.map((e) => e.type)).toEqual(['started', 'notified']);
    expect(plan.timeline[0].data).toEqual({ policyId: 'pol-1', policyName: 'Primary', policyVersion: pol.version, repeat: 1 });
    expect(plan.timeline[0].message).toContain(pol.version);
  });

  it('ignores any state passed with start: a new incident always begins at level 0', () => {
    const stale = triggeredAt(2, 1, T0, { exhausted: true, epoch: 3 });
    const plan = planEscalation(threeLevels(1), stale, { kind: 'start' }, NOW, ctx);

    expect(plan.state).toEqual({ status: 'triggered', level: 0, loop: 0, epoch: 0, exhausted: false, levelReachedAt: NOW });
  });

  it('throws when an input other than start comes without a state', () => {
    expect(() => planEscalation(threeLevels(0), null, { kind: 'step-due' }, NOW, ctx)).toThrow(/needs the incident's escalation state/);
  });
});

describe('planEscalation: step-due', () => {
  it.each([
    // repeat, from [level, loop], to [level, loop], paged user, next step in minutes after NOW
    { repeat: 1, from: [0, 0], to: [1, 0], paged: 'b', nextInMinutes: 10 },
    { repeat: 1, from: [1, 0], to: [2, 0], paged: 'c', nextInMinutes: 15 },
    { repeat: 1, from: [2, 0], to: [0, 1], paged: 'a', nextInMinutes: 5 },
    { repeat: 2, from: [2, 1], to: [0, 2], paged: 'a', nextInMinutes: 5 },
    { repeat: 2, from: [0, 2], to: [1, 2], paged: 'b', nextInMinutes: 10 },
  ])('repeat $repeat: $from -> $to pages $paged', ({ repeat, from, to, paged, nextInMinutes }) => {
    const plan = planEscalation(threeLevels(repeat), triggeredAt(from[0], from[1], T0), { kind: 'step-due' }, NOW, ctx);

    expect(plan.state).toEqual({ status: 'triggered', level: to[0], loop: to[1], epoch: 0, exhausted: false, levelReachedAt: NOW });
    expect(plan.notifications.map((n) => [n.userId, n.level, n.loop, n.dueAt])).toEqual([[paged, to[0], to[1], NOW]]);
    expect(plan.nextStepDueAt).toEqual(minutesAfter(NOW, nextInMinutes));
    expect(plan.timeline.map((e) => e.type)).toEqual(['escalated', 'notified']);
    expect(plan.timeline[0].message).toContain(`level ${to[0] + 1} of 3`);
    expect(plan.timeline[0].message).toContain('no acknowledgement within');
  });

  it.each([
    { repeat: 0, from: [2, 0] },
    { repeat: 1, from: [2, 1] },
    { repeat: 9, from: [2, 9] },
  ])('repeat $repeat: after the last level of the last loop $from escalation is exhausted', ({ repeat, from }) => {
    const state = triggeredAt(from[0], from[1], T0);
    const plan = planEscalation(threeLevels(repeat), state, { kind: 'step-due' }, NOW, ctx);

    expect(plan.state).toEqual({ ...state, exhausted: true });
    expect(plan.notifications).toEqual([]);
    expect(plan.nextStepDueAt).toBeNull();
    expect(plan.ignored).toBeNull();
    expect(plan.timeline.map((e) => e.type)).toEqual(['exhausted']);
    expect(plan.timeline[0].message).toMatch(/Escalation exhausted/);
    expect(plan.timeline[0].data).toEqual({ level: 2, loop: from[1], reason: 'repeats-exhausted' });
  });

  it('is absorbing once exhausted: a later step-due changes nothing', () => {
    const state = triggeredAt(2, 0, T0, { exhausted: true });
    const plan = planEscalation(threeLevels(0), state, { kind: 'step-due' }, NOW, ctx);

    expect(plan).toEqual({ state, notifications: [], webhookPages: [], nextStepDueAt: null, timeline: [], ignored: 'exhausted' });
  });

  it.each([
    { status: 'acknowledged' as const },
    { status: 'resolved' as const },
  ])('a stale timer firing on an $status incident is a silent no-op', ({ status }) => {
    const state: EscalationState = triggeredAt(0, 0, T0, { status });
    const plan = planEscalation(threeLevels(1), state, { kind: 'step-due' }, NOW, ctx);

    expect(plan).toEqual({ state, notifications: [], webhookPages: [], nextStepDueAt: null, timeline: [], ignored: status });
  });

  it.each([
    { name: 'an older level', step: { epoch: 0, loop: 0, level: 0 } },
    { name: 'an older loop', step: { epoch: 0, loop: 0, level: 1 } },
    { name: 'an escalation before a restart', step: { epoch: 0, loop: 1, level: 1 } },
  ])('ignores a timer scheduled for $name', ({ step }) => {
    const state = triggeredAt(1, 1, T0, { epoch: 1 });
    const plan = planEscalation(threeLevels(1), state, { kind: 'step-due', step }, NOW, ctx);

    expect(plan).toEqual({ state, notifications: [], webhookPages: [], nextStepDueAt: null, timeline: [], ignored: 'stale-step' });
  });

  it('escalates when the timer names the current step', () => {
    const state = triggeredAt(1, 0, T0);
    const plan = planEscalation(threeLevels(0), state, { kind: 'step-due', step: stepRefOf(state) }, NOW, ctx);

    expect(plan.state.level).toBe(2);
    expect(plan.notifications.map((n) => n.userId)).toEqual(['c']);
  });
});
