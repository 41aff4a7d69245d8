import fc from 'fast-check';
import { targetIdsByType } from './target-ids';

describe('targetIdsByType', () => {
  it('splits targets by kind, each id once, in first-seen order', () => {
    const levels = [
      { targets: [{ type: 'schedule', id: 's1' }, { type: 'user', id: 'u1' }, { type: 'chat', id: 'c1' }] },
      { targets: [{ type: 'user', id: 'u1' }, { type: 'webhook', id: 'w1' }, { type: 'user', id: 'u2' }, { type: 'schedule', id: 's1' }] },
    ];
    expect(targetIdsByType(levels)).toEqual({ user: ['u1', 'u2'], schedule: ['s1'], webhook: ['w1'], chat: ['c1'] });
    expect(targetIdsByType([])).toEqual({ user: [], schedule: [], webhook: [], chat: [] });
  });

  it('property: every target lands in its own kind exactly once', () => {
    const target = fc.record({ type: fc.constantFrom('user', 'schedule', 'webhook', 'chat'), id: fc.constantFrom('a', 'b', 'c') });
    fc.assert(
      fc.property(fc.array(fc.record({ targets: fc.array(target) })), (levels) => {
        const ids = targetIdsByType(levels);
        const all = levels.flatMap((l) => l.targets);
        return (['user', 'schedule', 'webhook', 'chat'] as const).every(
          (k) => new Set(ids[k]).size === ids[k].length && [...new Set(all.filter((t) => t.type === k).map((t) => t.id))].join() === ids[k].join(),
        );
      }),
    );
  });
});
