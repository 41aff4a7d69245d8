import { planEscalation } from './escalation-planner';
import { policyVersion, snapshotPolicy } from './policy-snapshot';
import { EscalationPolicyDefinition } from './planner.types';
import { context, minutesAfter, T0, user } from './testing/planner.factories';

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? Mutable<U>[] : T[K] };

const livePolicy = (): Mutable<EscalationPolicyDefinition> => ({
  id: 'pol-1',
  name: 'Primary',
  repeat: 1,
  levels: [
    { delayMinutes: 5, targets: [{ type: 'user', id: 'a' }] },
    { delayMinutes: 10, targets: [{ type: 'user', id: 'b' }] },
  ],
});
const ctx = context({ users: [user('a'), user('b'), user('c')] });

describe('snapshotPolicy', () => {
  it('deep-freezes a copy that keeps only what escalation depends on', () => {
    const live = { ...livePolicy(), createdAt: '2026-01-01', ownerTeamId: 'team-1' };
    const snapshot = snapshotPolicy(live);

    expect(Object.keys(snapshot).sort()).toEqual(['id', 'levels', 'name', 'repeat', 'version']);
    expect(Object.isFrozen(snapshot)).toBe(true);
    expect(Object.isFrozen(snapshot.levels)).toBe(true);
    expect(Object.isFrozen(snapshot.levels[0])).toBe(true);
    expect(Object.isFrozen(snapshot.levels[0].targets[0])).toBe(true);
    expect(Object.isFrozen(live.levels)).toBe(false);
  });

  it('gives equal content an equal version and any change a new one', () => {
    const base = policyVersion(livePolicy());
    const changed = [
      { ...livePolicy(), name: 'Secondary' },
      { ...livePolicy(), repeat: 2 },
      { ...livePolicy(), levels: [livePolicy().levels[1], livePolicy().levels[0]] },
      { ...livePolicy(), levels: [{ delayMinutes: 6, targets: [{ type: 'user' as const, id: 'a' }] }] },
      { ...livePolicy(), levels: [{ delayMinutes: 5, targets: [{ type: 'schedule' as const, id: 'a' }] }] },
    ];

    expect(snapshotPolicy(livePolicy()).version).toBe(base);
    expect(base).toMatch(/^[0-9a-f]{16}$/);
    for (const policy of changed) expect(policyVersion(policy)).not.toBe(base);
  });

  it('survives a JSON round trip (the incident stores it as jsonb) with the same version', () => {
    const snapshot = snapshotPolicy(livePolicy());

    expect(snapshotPolicy(JSON.parse(JSON.stringify(snapshot)))).toEqual(snapshot);
  });

  it('keeps a running incident on the policy it started with when the live policy changes', () => {
    const live = livePolicy();
    const snapshot = snapshotPolicy(live);
    const start = planEscalation(snapshot, null, { kind: 'start' }, T0, ctx);

    live.name = 'Edited';
    live.levels[1].targets[0].id = 'c';
    live.levels[1].delayMinutes = 60;
    live.levels.push({ delayMinutes: 1, targets: [{ type: 'user', id: 'c' }] });
    const step = planEscalation(snapshot, start.state, { kind: 'step-due' }, minutesAfter(T0, 5), ctx);

    expect(step.notifications.map((n) => n.userId)).toEqual(['b']);
    expect(step.nextStepDueAt).toEqual(minutesAfter(T0, 15));
    expect(start.timeline[0].data).toMatchObject({ policyName: 'Primary', policyVersion: snapshot.version });
    expect(snapshotPolicy(live).version).not.toBe(snapshot.version);
  });
});
