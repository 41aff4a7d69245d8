import fc from 'fast-check';
import { planEscalation } from './escalation-planner';
import { computePolicyWarnings } from './policy-warnings';
import { chatDestination, chatTarget, context, level, policy, T0, user, userTarget } from './testing/planner.factories';

describe('chat destination targets', () => {
  it.each<{ name: string; rooms: ReturnType<typeof chatDestination>[]; pages: number; timeline: string[] }>([
    { name: 'an enabled room is paged once, at once', rooms: [chatDestination('r1')], pages: 1, timeline: ['started', 'notified'] },
    {
      name: 'a disabled room pages nobody and says so',
      rooms: [chatDestination('r1', { enabled: false })],
      pages: 0,
      timeline: ['started', 'chat-unavailable', 'level-empty', 'exhausted'],
    },
    { name: 'a deleted room pages nobody and says so', rooms: [], pages: 0, timeline: ['started', 'chat-unavailable', 'level-empty', 'exhausted'] },
  ])('$name', ({ rooms, pages, timeline }) => {
    const plan = planEscalation(policy(0, level(5, chatTarget('r1'))), null, { kind: 'start' }, T0, context({ chatDestinations: rooms }));
    expect(plan.notifications).toHaveLength(pages);
    expect(plan.timeline.map((e) => e.type)).toEqual(timeline);
  });

  it('writes a page with no user, contact method or rule, to the room\'s address on its channel', () => {
    const room = chatDestination('r1', { type: 'mattermost', address: 'https://mm.example/hooks/abc' });
    const plan = planEscalation(policy(0, level(5, chatTarget('r1'), userTarget('a'))), null, { kind: 'start' }, T0, context({ chatDestinations: [room], users: [user('a')] }, 'inc-7'));
    expect(plan.notifications[0]).toEqual({
      epoch: 0,
      level: 0,
      loop: 0,
      userId: null,
      contactMethodId: null,
      ruleId: null,
      chatDestinationId: 'r1',
      contactMethodType: 'mattermost',
      address: 'https://mm.example/hooks/abc',
      dueAt: T0,
      idempotencyKey: 'inc-7:e0:r0:l0:chat:r1',
      via: { type: 'chat', chatDestinationId: 'r1' },
    });
    expect(plan.notifications[1]).toMatchObject({ userId: 'a', chatDestinationId: null });
    expect(plan.timeline[1]).toMatchObject({ type: 'notified', message: 'Paging chat destination "Room r1" (mattermost)' });
    expect(plan.nextStepDueAt).toEqual(new Date(T0.getTime() + 5 * 60_000));
  });

  it('warns about a missing or disabled room, and not about an enabled one', () => {
    const pol = policy(0, level(5, chatTarget('gone'), chatTarget('off'), chatTarget('on')));
    const ctx = context({ chatDestinations: [chatDestination('off', { enabled: false }), chatDestination('on')] });
    expect(computePolicyWarnings(pol, ctx, T0).map((w) => [w.code, w.target?.id])).toEqual([
      ['unknown-chat-destination', 'gone'],
      ['chat-destination-disabled', 'off'],
    ]);
  });

  it('for any level of rooms: each enabled room once, keys unique, the level empty exactly when none is enabled', () => {
    const roomArb = fc.record({ id: fc.constantFrom('r1', 'r2', 'r3', 'r4'), enabled: fc.boolean(), exists: fc.boolean() });
    fc.assert(
      fc.property(fc.array(roomArb, { maxLength: 8 }), (targets) => {
        const known = new Map(targets.filter((t) => t.exists).map((t) => [t.id, chatDestination(t.id, { enabled: t.enabled })]));
        const plan = planEscalation(policy(0, level(5, ...targets.map((t) => chatTarget(t.id)))), null, { kind: 'start' }, T0, context({ chatDestinations: [...known.values()] }));
        const enabled = [...new Set(targets.map((t) => t.id))].filter((id) => known.get(id)?.enabled);
        const keys = plan.notifications.map((n) => n.idempotencyKey);
        return (
          plan.notifications.map((n) => n.chatDestinationId).sort().join() === enabled.sort().join() &&
          new Set(keys).size === keys.length &&
          plan.state.exhausted === (enabled.length === 0)
        );
      }),
    );
  });
});
