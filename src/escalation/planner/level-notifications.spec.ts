import { planEscalation } from './escalation-planner';
import { notificationKey } from './notification-key';
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

describe('planEscalation: who a level pages', () => {
  it('pages whoever is on call when the level is reached, not when the incident began', () => {
    const handoff = minutesAfter(T0, 20);
    const calls: Date[] = [];
    const ctx = context({
      users: [user('a'), user('alice'), user('bob')],
      schedules: {
        primary: (at) => {
          calls.push(at);
          return at < handoff ? 'alice' : 'bob';
        },
      },
    });
    const pol = policy(0, level(30, userTarget('a')), level(10, scheduleTarget('primary')));
    const reachedAt = minutesAfter(T0, 30);
    const plan = planEscalation(pol, triggeredAt(0, 0, T0), { kind: 'step-due' }, reachedAt, ctx);

    expect(calls).toEqual([reachedAt]);
    expect(plan.notifications.map((n) => [n.userId, n.via])).toEqual([['bob', { type: 'schedule', scheduleId: 'primary' }]]);
    expect(plan.timeline[1].message).toBe('Paging user bob (on call in schedule primary) with 1 notification rule');
  });

  it('pages a user reached through two targets of one level once, via the first target', () => {
    const ctx = context({ users: [user('alice')], schedules: { primary: () => 'alice', secondary: () => 'alice' } });
    const pol = policy(0, level(5, scheduleTarget('primary'), userTarget('alice'), scheduleTarget('secondary')));
    const plan = planEscalation(pol, null, { kind: 'start' }, T0, ctx);

    expect(plan.notifications.map((n) => [n.userId, n.via])).toEqual([['alice', { type: 'schedule', scheduleId: 'primary' }]]);
    expect(plan.timeline.filter((e) => e.type === 'notified')).toHaveLength(1);
  });

  it('pages every distinct user of a level, in target order', () => {
    const ctx = context({ users: [user('alice'), user('bob'), user('carol')], schedules: { primary: () => 'bob' } });
    const pol = policy(0, level(5, userTarget('carol'), scheduleTarget('primary'), userTarget('alice')));
    const plan = planEscalation(pol, null, { kind: 'start' }, T0, ctx);

    expect(plan.notifications.map((n) => n.userId)).toEqual(['carol', 'bob', 'alice']);
  });

  it('fires each notification rule delayMinutes after the level was reached', () => {
    const alice = user('alice', {
      contactMethods: [
        { id: 'push-sms', type: 'sms', address: '+15550100', enabled: true },
        { id: 'call', type: 'voice', address: '+15550100', enabled: true },
        { id: 'mail', type: 'email', address: 'alice@example.com', enabled: true },
      ],
      notificationRules: [
        { id: 'r-sms', contactMethodId: 'push-sms', delayMinutes: 0 },
        { id: 'r-call', contactMethodId: 'call', delayMinutes: 5 },
        { id: 'r-sms-again', contactMethodId: 'push-sms', delayMinutes: 15 },
      ],
    });
    const reachedAt = minutesAfter(T0, 7);
    const pol = policy(0, level(5, userTarget('b')), level(30, userTarget('alice')));
    const plan = planEscalation(pol, triggeredAt(0, 0, T0), { kind: 'step-due' }, reachedAt, context({ users: [alice, user('b')] }));

    expect(plan.notifications.map((n) => [n.ruleId, n.contactMethodId, n.contactMethodType, n.dueAt])).toEqual([
      ['r-sms', 'push-sms', 'sms', reachedAt],
      ['r-call', 'call', 'voice', minutesAfter(reachedAt, 5)],
      ['r-sms-again', 'push-sms', 'sms', minutesAfter(reachedAt, 15)],
    ]);
  });

  it.each([
    {
      name: 'no rules: every enabled contact method is an immediate rule, disabled ones skipped',
      rules: [],
      expected: [['default:sms', 'sms'], ['default:mail', 'mail']],
    },
    {
      name: 'rules on a disabled method are skipped',
      rules: [
        { id: 'r-call', contactMethodId: 'call', delayMinutes: 0 },
        { id: 'r-mail', contactMethodId: 'mail', delayMinutes: 0 },
      ],
      expected: [['r-mail', 'mail']],
    },
    {
      name: 'rules only on disabled or deleted methods: falls back to the enabled methods',
      rules: [
        { id: 'r-call', contactMethodId: 'call', delayMinutes: 5 },
        { id: 'r-gone', contactMethodId: 'deleted', delayMinutes: 0 },
      ],
      expected: [['default:sms', 'sms'], ['default:mail', 'mail']],
    },
  ])('$name', ({ rules, expected }) => {
    const bob = user('bob', {
      contactMethods: [
        { id: 'sms', type: 'sms', address: '+15550101', enabled: true },
        { id: 'call', type: 'voice', address: '+15550101', enabled: false },
        { id: 'mail', type: 'email', address: 'bob@example.com', enabled: true },
      ],
      notificationRules: rules,
    });
    const plan = planEscalation(policy(0, level(5, userTarget('bob'))), null, { kind: 'start' }, T0, context({ users: [bob] }));

    expect(plan.notifications.map((n) => [n.ruleId, n.contactMethodId])).toEqual(expected);
    expect(plan.notifications.every((n) => n.dueAt.getTime() === T0.getTime())).toBe(true);
  });

  it('keys every notification by incident, epoch, loop, level, user, contact method and rule', () => {
    const pol = policy(0, level(5, userTarget('a')), level(5, userTarget('a')));
    const ctx = context({ users: [user('a')] }, 'inc-42');
    const first = planEscalation(pol, null, { kind: 'start' }, T0, ctx);
    const second = planEscalation(pol, first.state, { kind: 'step-due' }, minutesAfter(T0, 5), ctx);

    expect(first.notifications[0].idempotencyKey).toBe('inc-42:e0:r0:l0:a:a-sms:a-rule');
    expect(second.notifications[0].idempotencyKey).toBe('inc-42:e0:r0:l1:a:a-sms:a-rule');
    expect(second.notifications[0].idempotencyKey).toBe(
      notificationKey('inc-42', { epoch: 0, loop: 0, level: 1, userId: 'a', contactMethodId: 'a-sms', ruleId: 'a-rule' }),
    );
  });
});

describe('notificationKey', () => {
  it('encodes each part so an id cannot forge a separator', () => {
    const parts = { epoch: 0, level: 0, loop: 0, userId: 'a:b', contactMethodId: 'c', ruleId: 'default:c' };

    expect(notificationKey('inc', parts)).toBe('inc:e0:r0:l0:a%3Ab:c:default%3Ac');
    expect(notificationKey('inc', parts)).not.toBe(notificationKey('inc', { ...parts, userId: 'a', contactMethodId: 'b:c' }));
  });
});
