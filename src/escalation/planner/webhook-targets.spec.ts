import { planEscalation } from './escalation-planner';
import { computePolicyWarnings } from './policy-warnings';
import { context, level, minutesAfter, policy, T0, triggeredAt, user, userTarget, webhookTarget } from './testing/planner.factories';

/** Webhook targets (docs/webhooks.md, "As an escalation target"): a level pages them by a delivery. */
describe('planEscalation: webhook targets', () => {
  const hooks = { 'wh-on': { id: 'wh-on', enabled: true, name: 'Ops bridge' }, 'wh-off': { id: 'wh-off', enabled: false } };

  it('a level with only a webhook pages it and waits its delay like any level', () => {
    const p = policy(0, level(5, webhookTarget('wh-on')), level(5, userTarget('u1')));
    const plan = planEscalation(p, null, { kind: 'start' }, T0, context({ users: [user('u1')], webhooks: hooks }));
    expect(plan.webhookPages).toEqual([{ webhookId: 'wh-on', epoch: 0, loop: 0, level: 0 }]);
    expect(plan.notifications).toEqual([]);
    expect(plan.state.level).toBe(0);
    expect(plan.nextStepDueAt).toEqual(minutesAfter(T0, 5));
    expect(plan.timeline.map((e) => e.type)).toEqual(['started', 'notified']);
  });

  it('a disabled or deleted webhook pages nobody: the level is empty and escalation goes on at once', () => {
    const p = policy(0, level(5, webhookTarget('wh-off'), webhookTarget('gone')), level(5, userTarget('u1')));
    const plan = planEscalation(p, null, { kind: 'start' }, T0, context({ users: [user('u1')], webhooks: hooks }));
    expect(plan.webhookPages).toEqual([]);
    expect(plan.state.level).toBe(1);
    expect(plan.timeline.map((e) => e.type)).toEqual(['started', 'webhook-unavailable', 'webhook-unavailable', 'level-empty', 'escalated', 'notified']);
  });

  it('a webhook beside users is paged once, with them', () => {
    const p = policy(0, level(5, userTarget('u1')), level(5, webhookTarget('wh-on'), userTarget('u1'), webhookTarget('wh-on')));
    const plan = planEscalation(p, triggeredAt(0, 0, T0), { kind: 'step-due', step: { epoch: 0, loop: 0, level: 0 } }, minutesAfter(T0, 5), context({ users: [user('u1')], webhooks: hooks }));
    expect(plan.webhookPages).toEqual([{ webhookId: 'wh-on', epoch: 0, loop: 0, level: 1 }]);
    expect(plan.notifications).toHaveLength(1);
  });

  it('warns about unknown and disabled webhooks', () => {
    const p = policy(0, level(5, webhookTarget('wh-on'), webhookTarget('wh-off'), webhookTarget('gone')));
    expect(computePolicyWarnings(p, context({ webhooks: hooks }), T0).map((w) => w.code)).toEqual(['webhook-disabled', 'unknown-webhook']);
  });
});
