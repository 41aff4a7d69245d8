import { onCallForPolicy } from './policy-oncall';
import { context, level, minutesAfter, policy, scheduleTarget, T0, user, userTarget } from './testing/planner.factories';

describe('onCallForPolicy', () => {
  const handoff = minutesAfter(T0, 60);
  const ctx = context({
    users: [user('alice'), user('bob'), user('lead')],
    schedules: { primary: (at) => (at < handoff ? 'alice' : 'bob'), nights: () => null },
  });
  const pol = policy(
    0,
    level(5, scheduleTarget('primary'), scheduleTarget('nights')),
    level(10, userTarget('lead'), userTarget('ghost'), scheduleTarget('deleted')),
  );

  it.each([
    { at: T0, primary: 'alice' },
    { at: handoff, primary: 'bob' },
  ])('lists who each target pages at $at, leaving out gaps and unknown targets', ({ at, primary }) => {
    expect(onCallForPolicy(pol, at, ctx)).toEqual([
      { level: 0, scheduleId: 'primary', userId: primary },
      { level: 1, scheduleId: null, userId: 'lead' },
    ]);
  });

  it('lists a user once per target that reaches them', () => {
    const twice = policy(0, level(5, scheduleTarget('primary'), userTarget('alice')));

    expect(onCallForPolicy(twice, T0, ctx)).toEqual([
      { level: 0, scheduleId: 'primary', userId: 'alice' },
      { level: 0, scheduleId: null, userId: 'alice' },
    ]);
  });
});
