import fc from 'fast-check';
import type { Shift } from '../../schedules/resolution';
import { HANDOFF_HORIZON_MS, planEdgeTimers, planRuleTimers, planWindow } from './timer-plan';

const H = 3_600_000;
const NOW = new Date('2027-03-01T00:00:00Z').getTime();

/** Alternating 12-hour shifts of a and b over the plan window of NOW. */
function alternating(): Shift[] {
  const { since, until } = planWindow(NOW);
  const out: Shift[] = [];
  for (let at = since, i = 0; at < until; at += 12 * H, i++) {
    out.push({ userId: i % 2 ? 'b' : 'a', start: new Date(at), end: new Date(Math.min(at + 12 * H, until)) });
  }
  return out;
}

describe('planRuleTimers', () => {
  it.each([
    ['oncall only', 'oncall' as const, 0, ['oncall']],
    ['offcall only', 'offcall' as const, 0, ['offcall']],
    ['both', 'both' as const, 0, ['oncall', 'offcall']],
  ])('%s', (_name, handoffType, advanceMinutes, types) => {
    const timers = planRuleTimers(alternating(), [{ id: 'r', userId: 'a', handoffType, advanceMinutes }], NOW);
    expect([...new Set(timers.map((t) => t.edgeType))].sort()).toEqual([...types].sort());
  });

  it('a notice already due before now is not planned; one due at the horizon is', () => {
    const timers = planRuleTimers(alternating(), [{ id: 'r', userId: 'a', handoffType: 'both', advanceMinutes: 60 }], NOW);
    expect(Math.min(...timers.map((t) => t.dueAt))).toBeGreaterThanOrEqual(NOW);
    expect(Math.max(...timers.map((t) => t.dueAt))).toBeLessThanOrEqual(NOW + HANDOFF_HORIZON_MS);
    expect(timers.some((t) => t.dueAt > NOW + HANDOFF_HORIZON_MS - 12 * H)).toBe(true);
  });

  it('edge timers fall at each change of user', () => {
    const edges = planEdgeTimers(alternating(), NOW);
    expect(edges.length).toBeGreaterThan(20);
    for (const e of edges) expect((e.edgeAt - (NOW - 24 * H)) % (12 * H)).toBe(0);
  });

  it('every timer is due advanceMinutes before its edge, within [now, now + 14 days]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_080 }), fc.constantFrom('oncall' as const, 'offcall' as const, 'both' as const), (advanceMinutes, handoffType) => {
        const timers = planRuleTimers(alternating(), [{ id: 'r', userId: 'a', handoffType, advanceMinutes }], NOW);
        expect(timers.length).toBeGreaterThan(0);
        for (const t of timers) {
          expect(t.edgeAt - t.dueAt).toBe(advanceMinutes * 60_000);
          expect(t.dueAt).toBeGreaterThanOrEqual(NOW);
          expect(t.dueAt).toBeLessThanOrEqual(NOW + HANDOFF_HORIZON_MS);
        }
      }),
    );
  });
});
