import { PolicyTarget } from './planner.types';
import { computePolicyWarnings } from './policy-warnings';
import { context, level, minutesAfter, policy, scheduleTarget, T0, user, userTarget } from './testing/planner.factories';

const world = {
  users: [
    user('ok'),
    user('muted', { contactMethods: [{ id: 'm', type: 'sms', address: '+15550100', enabled: false }] }),
    user('empty', { contactMethods: [], notificationRules: [] }),
  ],
  schedules: { covered: () => 'ok', gappy: () => null },
  schedulesWithGaps: ['gappy'],
};

describe('computePolicyWarnings', () => {
  it.each<{ name: string; target: PolicyTarget; code: string | null; message?: string }>([
    { name: 'a reachable user', target: userTarget('ok'), code: null },
    {
      name: 'a user with only disabled methods',
      target: userTarget('muted'),
      code: 'user-unreachable',
      message: 'Level 1: user muted has no enabled contact method',
    },
    { name: 'a user with no contact method', target: userTarget('empty'), code: 'user-unreachable' },
    { name: 'an unknown user', target: userTarget('ghost'), code: 'unknown-user', message: 'Level 1: user ghost does not exist' },
    { name: 'a covered schedule', target: scheduleTarget('covered'), code: null },
    {
      name: 'a schedule with a gap',
      target: scheduleTarget('gappy'),
      code: 'schedule-gap',
      message: 'Level 1: schedule gappy has nobody on call at some time in the next 7 days',
    },
    { name: 'an unknown schedule', target: scheduleTarget('nope'), code: 'unknown-schedule' },
  ])('$name -> $code', ({ target, code, message }) => {
    const warnings = computePolicyWarnings(policy(0, level(5, target)), context(world), T0);

    expect(warnings.map((w) => w.code)).toEqual(code ? [code] : []);
    if (code) expect(warnings[0]).toMatchObject({ level: 0, target });
    if (message) expect(warnings[0].message).toBe(message);
  });

  it('warns about an empty level and about a policy without levels', () => {
    expect(computePolicyWarnings(policy(0, level(5, userTarget('ok')), level(5)), context(world), T0)).toEqual([
      { code: 'empty-level', level: 1, target: null, message: 'Level 2 has no targets' },
    ]);
    expect(computePolicyWarnings(policy(0), context(world), T0).map((w) => w.code)).toEqual(['no-levels']);
  });

  it('looks for schedule gaps in [now, now + windowDays)', () => {
    const asked: [string, Date, Date][] = [];
    const ctx = { ...context(world), scheduleHasGap: (id: string, from: Date, to: Date) => (asked.push([id, from, to]), false) };

    computePolicyWarnings(policy(0, level(5, scheduleTarget('covered'))), ctx, T0);
    computePolicyWarnings(policy(0, level(5, scheduleTarget('covered'))), ctx, T0, 2);

    expect(asked).toEqual([
      ['covered', T0, minutesAfter(T0, 7 * 24 * 60)],
      ['covered', T0, minutesAfter(T0, 2 * 24 * 60)],
    ]);
  });

  it('warns about every unreachable user a schedule can put on call (rotations and overrides), naming the schedule and the user', () => {
    const named = { ...user('muted', { contactMethods: [{ id: 'm', type: 'sms', address: '+15550100', enabled: false }] }), name: 'Mo' };
    const ctx = context({ ...world, users: [...world.users, named], scheduleUsers: { covered: ['ok', 'empty', 'muted', 'ghost'] } });

    const warnings = computePolicyWarnings(policy(0, level(5, scheduleTarget('covered'))), ctx, T0);

    expect(warnings).toEqual([
      {
        code: 'user-unreachable',
        level: 0,
        target: scheduleTarget('covered'),
        message: 'Level 1: schedule covered can put user empty on call, who has no enabled contact method',
      },
      {
        code: 'user-unreachable',
        level: 0,
        target: scheduleTarget('covered'),
        message: 'Level 1: schedule covered can put user Mo (muted) on call, who has no enabled contact method',
      },
    ]);
  });

  it('a user with an enabled contact method and no notification rule is reachable (paged on every method at once)', () => {
    const ruleless = user('ruleless', { notificationRules: [] });
    const ctx = context({ ...world, users: [...world.users, ruleless], scheduleUsers: { covered: ['ruleless'] } });

    expect(computePolicyWarnings(policy(0, level(5, scheduleTarget('covered'), userTarget('ruleless'))), ctx, T0)).toEqual([]);
  });

  it('reports every problem of every level, in order', () => {
    const pol = policy(1, level(5, userTarget('ghost'), scheduleTarget('gappy')), level(5), level(5, userTarget('muted')));

    expect(computePolicyWarnings(pol, context(world), T0).map((w) => [w.level, w.code])).toEqual([
      [0, 'unknown-user'],
      [0, 'schedule-gap'],
      [1, 'empty-level'],
      [2, 'user-unreachable'],
    ]);
  });
});
