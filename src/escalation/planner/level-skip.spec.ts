import { planEscalation } from './escalation-planner';
import { PlanTimelineType, PolicyTarget, UserSnapshot } from './planner.types';
import {
  context,
  level,
  minutesAfter,
  policy,
  scheduleTarget,
  T0,
  triggeredAt,
  user,
  userTarget,
} from './testing/planner.factories';

const NOW = minutesAfter(T0, 5);
const mute = (id: string): UserSnapshot =>
  user(id, { contactMethods: [{ id: `${id}-sms`, type: 'sms', address: '+15550199', enabled: false }] });
const world = {
  users: [user('a'), user('c'), mute('muted'), user('nomethods', { contactMethods: [], notificationRules: [] })],
  schedules: { 'sched-gap': () => null, 'sched-deleted-user': () => 'ghost' },
};

describe('planEscalation: a level that pages nobody escalates at once', () => {
  it.each<{ why: string; targets: PolicyTarget[]; cause: PlanTimelineType[] }>([
    { why: 'its schedule is in a gap', targets: [scheduleTarget('sched-gap')], cause: ['schedule-gap'] },
    { why: 'its user was deleted', targets: [userTarget('ghost')], cause: ['user-unreachable'] },
    { why: 'the schedule names a deleted user', targets: [scheduleTarget('sched-deleted-user')], cause: ['user-unreachable'] },
    { why: 'its user has only disabled contact methods', targets: [userTarget('muted')], cause: ['user-unreachable'] },
    { why: 'its user has no contact method', targets: [userTarget('nomethods')], cause: ['user-unreachable'] },
    { why: 'its schedule was deleted', targets: [scheduleTarget('sched-deleted')], cause: ['schedule-unknown'] },
    { why: 'it has no targets', targets: [], cause: [] },
    {
      why: 'all of its targets fail',
      targets: [scheduleTarget('sched-gap'), userTarget('muted')],
      cause: ['schedule-gap', 'user-unreachable'],
    },
  ])('when $why', ({ targets, cause }) => {
    const pol = policy(0, level(5, userTarget('a')), level(10, ...targets), level(15, userTarget('c')));
    const plan = planEscalation(pol, triggeredAt(0, 0, T0), { kind: 'step-due' }, NOW, context(world));

    expect(plan.state).toEqual({ status: 'triggered', level: 2, loop: 0, epoch: 0, exhausted: false, levelReachedAt: NOW });
    expect(plan.notifications.map((n) => [n.userId, n.level, n.dueAt])).toEqual([['c', 2, NOW]]);
    // No wasted delay: the next step counts from now with level 3's own delay.
    expect(plan.nextStepDueAt).toEqual(minutesAfter(NOW, 15));
    expect(plan.timeline.map((e) => e.type)).toEqual([...cause, 'level-empty', 'escalated', 'notified']);
    expect(plan.timeline[cause.length].message).toBe('Nobody to page at level 2 of 3; escalating at once');
    expect(plan.timeline[cause.length + 1].message).toBe('Escalated to level 3 of 3: level 2 of 3 had nobody to page');
  });

  it('skips an empty level 0 at start', () => {
    const pol = policy(0, level(5, scheduleTarget('sched-gap')), level(10, userTarget('a')));
    const plan = planEscalation(pol, null, { kind: 'start' }, T0, context(world));

    expect(plan.state.level).toBe(0 + 1);
    expect(plan.notifications.map((n) => n.userId)).toEqual(['a']);
    expect(plan.nextStepDueAt).toEqual(minutesAfter(T0, 10));
    expect(plan.timeline.map((e) => e.type)).toEqual(['started', 'schedule-gap', 'level-empty', 'escalated', 'notified']);
  });

  it('wraps past empty trailing levels to level 0 of the next loop', () => {
    const pol = policy(1, level(5, userTarget('a')), level(10), level(15, userTarget('ghost')));
    const plan = planEscalation(pol, triggeredAt(0, 0, T0), { kind: 'step-due' }, NOW, context(world));

    expect(plan.state).toMatchObject({ level: 0, loop: 1, exhausted: false });
    expect(plan.notifications.map((n) => [n.userId, n.loop])).toEqual([['a', 1]]);
  });

  it('is exhausted when the levels left are empty and no loop is left', () => {
    const pol = policy(0, level(5, userTarget('a')), level(10), level(15));
    const plan = planEscalation(pol, triggeredAt(0, 0, T0), { kind: 'step-due' }, NOW, context(world));

    expect(plan.state).toEqual({ status: 'triggered', level: 2, loop: 0, epoch: 0, exhausted: true, levelReachedAt: NOW });
    expect(plan.nextStepDueAt).toBeNull();
    expect(plan.timeline.map((e) => e.type)).toEqual(['level-empty', 'level-empty', 'exhausted']);
    expect(plan.timeline[2].data).toMatchObject({ reason: 'repeats-exhausted' });
  });

  it.each([0, 1, 9])('stops after one pass when every level is empty (repeat %i): nobody could be paged', (repeat) => {
    const pol = policy(repeat, level(5, scheduleTarget('sched-gap')), level(10), level(15, userTarget('muted')));
    const plan = planEscalation(pol, null, { kind: 'start' }, T0, context(world));

    expect(plan.state).toEqual({ status: 'triggered', level: 2, loop: 0, epoch: 0, exhausted: true, levelReachedAt: T0 });
    expect(plan.notifications).toEqual([]);
    expect(plan.nextStepDueAt).toBeNull();
    expect(plan.timeline.filter((e) => e.type === 'level-empty')).toHaveLength(3);
    const last = plan.timeline[plan.timeline.length - 1];
    expect(last.type).toBe('exhausted');
    expect(last.message).toBe('Escalation exhausted: nobody could be paged on any level of the policy');
    expect(last.data).toMatchObject({ reason: 'nobody-pageable' });
  });

  it('gives up after a full pass of empty levels even when it began mid-policy', () => {
    // a was paged at level 0; now a is deleted and every level is empty.
    const pol = policy(5, level(5, userTarget('gone')), level(10), level(15));
    const plan = planEscalation(pol, triggeredAt(0, 0, T0), { kind: 'step-due' }, NOW, context(world));

    expect(plan.state).toMatchObject({ level: 2, loop: 1, exhausted: true });
    expect(plan.timeline.filter((e) => e.type === 'level-empty')).toHaveLength(3);
    expect(plan.timeline[plan.timeline.length - 1].data).toMatchObject({ reason: 'nobody-pageable' });
  });

  it('treats a policy without levels as nobody to page', () => {
    const plan = planEscalation(policy(3), null, { kind: 'start' }, T0, context(world));

    expect(plan.state).toEqual({ status: 'triggered', level: 0, loop: 0, epoch: 0, exhausted: true, levelReachedAt: T0 });
    expect(plan.notifications).toEqual([]);
    expect(plan.nextStepDueAt).toBeNull();
    expect(plan.timeline.map((e) => e.type)).toEqual(['started', 'exhausted']);
  });
});
