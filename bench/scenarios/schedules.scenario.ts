import { runScheduleBenchmarks } from '../schedules.bench';
import type { BenchRow, Scenario } from '../lib/bench-types';

/** Scenarios 5 and 6 (issue 3): the pure resolver, measured by bench/schedules.bench.ts. */
export const schedulesScenario: Scenario = {
  id: '5+6',
  title: 'on-call lookup and one-year render (pure resolver)',
  kind: 'pure',
  async run(): Promise<BenchRow[]> {
    const rows = await runScheduleBenchmarks();
    const ids = ['5', '5b', '6'];
    return rows.map((r, i) => ({ id: ids[i] ?? `5.${i}`, ...r }));
  },
};
