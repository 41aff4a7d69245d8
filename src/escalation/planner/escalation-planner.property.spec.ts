import fc from 'fast-check';
import { planEscalation } from './escalation-planner';
import { snapshotPolicy } from './policy-snapshot';
import { EscalationInput, EscalationState, PlannedNotification, UserSnapshot } from './planner.types';
import { context, minutesAfter, T0 } from './testing/planner.factories';

const USER_IDS = ['u0', 'u1', 'u2', 'u3', 'ghost'];
const SCHEDULE_IDS = ['s0', 's1', 'deleted'];

const userArb = (id: string): fc.Arbitrary<UserSnapshot> =>
  fc
    .record({
      methods: fc.array(fc.record({ type: fc.constantFrom('sms' as const, 'voice' as const, 'email' as const), enabled: fc.boolean() }), {
        maxLength: 3,
      }),
      rules: fc.array(fc.record({ method: fc.nat(3), delayMinutes: fc.nat(30) }), { maxLength: 3 }),
    })
    .map(({ methods, rules }) => ({
      id,
      contactMethods: methods.map((m, i) => ({ id: `${id}-cm${i}`, type: m.type, address: `${id}@example.com`, enabled: m.enabled })),
      notificationRules: rules.map((r, i) => ({ id: `${id}-r${i}`, contactMethodId: `${id}-cm${r.method}`, delayMinutes: r.delayMinutes })),
    }));

const worldArb = fc.record({
  users: fc.tuple(...USER_IDS.slice(0, 4).map(userArb)),
  // Who each live schedule has on call, changing every 7 minutes; null is a gap.
  rotations: fc.tuple(
    fc.array(fc.option(fc.constantFrom(...USER_IDS), { nil: null }), { minLength: 1, maxLength: 5 }),
    fc.array(fc.option(fc.constantFrom(...USER_IDS), { nil: null }), { minLength: 1, maxLength: 5 }),
  ),
});

const targetArb = fc.oneof(
  fc.constantFrom(...USER_IDS).map((id) => ({ type: 'user' as const, id })),
  fc.constantFrom(...SCHEDULE_IDS).map((id) => ({ type: 'schedule' as const, id })),
);
const policyArb = fc
  .record({
    repeat: fc.integer({ min: 0, max: 9 }),
    levels: fc.array(fc.record({ delayMinutes: fc.integer({ min: 1, max: 30 }), targets: fc.array(targetArb, { maxLength: 3 }) }), {
      minLength: 1,
      maxLength: 4,
    }),
  })
  .map(({ repeat, levels }) => snapshotPolicy({ id: 'pol', name: 'Random', repeat, levels }));

type Action = EscalationInput['kind'] | 'acknowledge' | 'resolve';
const actionArb = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Action>('step-due') },
  { weight: 3, arbitrary: fc.constant<Action>('manual-escalate') },
  { weight: 1, arbitrary: fc.constant<Action>('acknowledge') },
  { weight: 1, arbitrary: fc.constant<Action>('ack-timeout') },
  { weight: 1, arbitrary: fc.constant<Action>('retrigger') },
  { weight: 1, arbitrary: fc.constant<Action>('resolve') },
);
const stepArb = fc.record({ action: actionArb, waitMinutes: fc.integer({ min: 0, max: 60 }) });

const order = (s: EscalationState) => [s.epoch, s.loop, s.level];
const notBefore = (a: number[], b: number[]) => a[0] > b[0] || (a[0] === b[0] && (a[1] > b[1] || (a[1] === b[1] && a[2] >= b[2])));

describe('planEscalation properties', () => {
  it('keeps level and loop in range, exhaustion absorbing, and idempotency keys unique', () => {
    fc.assert(
      fc.property(policyArb, worldArb, fc.array(stepArb, { maxLength: 40 }), (policy, world, steps) => {
        const ctx = context({
          users: world.users,
          schedules: {
            s0: (at) => world.rotations[0][Math.floor(at.getTime() / 420_000) % world.rotations[0].length],
            s1: (at) => world.rotations[1][Math.floor(at.getTime() / 420_000) % world.rotations[1].length],
          },
        });
        const seen = new Map<string, PlannedNotification>();
        let now = T0;
        let plan = planEscalation(policy, null, { kind: 'start' }, now, ctx);
        let nextDue = plan.nextStepDueAt;

        const check = (before: EscalationState | null, input: Action) => {
          const { state } = plan;
          expect(state.loop).toBeGreaterThanOrEqual(0);
          expect(state.loop).toBeLessThanOrEqual(policy.repeat);
          expect(state.level).toBeGreaterThanOrEqual(0);
          expect(state.level).toBeLessThan(policy.levels.length);
          if (plan.ignored) expect(state).toBe(before);
          const running = state.status === 'triggered' && !state.exhausted;
          expect(plan.nextStepDueAt !== null).toBe(running && plan.ignored === null);
          if (running && plan.ignored === null) expect(plan.notifications.length).toBeGreaterThan(0);
          if (before && input !== 'ack-timeout' && input !== 'retrigger') {
            expect(notBefore(order(state), order(before))).toBe(true);
            if (before.exhausted) {
              expect(state.exhausted).toBe(true);
              expect(order(state)).toEqual(order(before));
              expect(plan.notifications).toEqual([]);
            }
          }
          for (const n of plan.notifications) {
            expect(n.dueAt.getTime()).toBeGreaterThanOrEqual(now.getTime());
            const earlier = seen.get(n.idempotencyKey);
            if (earlier) expect(n).toEqual(earlier);
            seen.set(n.idempotencyKey, n);
          }
        };
        check(null, 'start');

        for (const { action, waitMinutes } of steps) {
          const before = plan.state;
          if (action === 'acknowledge' || action === 'resolve') {
            const status = action === 'resolve' ? 'resolved' : 'acknowledged';
            if (before.status !== 'resolved') plan = { ...plan, state: { ...before, status } };
            continue;
          }
          // A step timer fires at its due time; people act whenever they like.
          now =
            action === 'step-due' && nextDue
              ? new Date(Math.max(nextDue.getTime(), now.getTime()))
              : minutesAfter(now, waitMinutes);
          plan = planEscalation(policy, before, { kind: action }, now, ctx);
          if (!plan.ignored) nextDue = plan.nextStepDueAt;
          check(before, action);
        }
      }),
      { numRuns: 300 },
    );
  });
});
