import { RouterHitCounter } from './router-hit-counter';
import { HitDelta, mergeDeltas, RouterHitsRepository } from './router-hits.repository';
import { compileRouter } from './rules/evaluate';

const SERVICE = '00000000-0000-4000-8000-00000000000a';
const compiled = compileRouter({ rules: [{ name: 'all', when: [], then: { drop: true } }], fallback: { serviceId: SERVICE } });
const [rule0] = compiled.rules.map((r) => r.outcome);
const at = (s: number) => new Date(Date.UTC(2026, 10, 30, 9, 0, s));

/** A repository double that records what it was asked to add, and fails when told to. */
function repository(failures = 0): { repo: RouterHitsRepository; added: HitDelta[][] } {
  const added: HitDelta[][] = [];
  let fail = failures;
  const repo = {
    add: jest.fn(async (deltas: HitDelta[]) => {
      if (fail-- > 0) throw new Error('database down');
      added.push(deltas.map((d) => ({ ...d })));
    }),
  } as unknown as RouterHitsRepository;
  return { repo, added };
}

describe('RouterHitCounter', () => {
  it('adds what it counted in one flush: one delta per rule, the latest match time', async () => {
    const { repo, added } = repository();
    const counter = new RouterHitCounter(repo);
    counter.count('r1', 3, rule0, at(1));
    counter.count('r1', 3, rule0, at(5));
    counter.count('r1', 3, rule0, at(2));
    counter.count('r1', 3, compiled.fallback, at(4));
    await counter.flush();
    expect(added).toEqual([
      [
        { routerId: 'r1', version: 3, rule: '0', count: 3, lastMatchedAt: at(5) },
        { routerId: 'r1', version: 3, rule: 'fallback', count: 1, lastMatchedAt: at(4) },
      ],
    ]);
    await counter.flush();
    expect(added).toHaveLength(1);
  });

  it('keeps the counts of a failed flush for the next one, with what came meanwhile', async () => {
    const { repo, added } = repository(1);
    const counter = new RouterHitCounter(repo);
    counter.count('r1', 1, rule0, at(1));
    await counter.flush();
    counter.count('r1', 1, rule0, at(2));
    await counter.flush();
    expect(added).toEqual([[{ routerId: 'r1', version: 1, rule: '0', count: 2, lastMatchedAt: at(2) }]]);
  });

  it('merges deltas of one row before the upsert', () => {
    const d = (count: number, s: number): HitDelta => ({ routerId: 'r1', version: 1, rule: '0', count, lastMatchedAt: at(s) });
    expect(mergeDeltas([d(1, 3), d(2, 1), { ...d(5, 2), rule: 'fallback' }])).toEqual([d(3, 3), { ...d(5, 2), rule: 'fallback' }]);
  });
});
