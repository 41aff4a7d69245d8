import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { BenchContext, BenchRow, Scenario } from '../lib/bench-types';

const WARM_START_GOAL_MS = 10_000;

/**
 * Scenario 7: Klaxon with its own embedded PostgreSQL (no DATABASE_URL) in a
 * fresh data dir: a first (cold) start runs initdb and the migrations; after a
 * clean stop, the second start of the same data dir is the warm figure. Each
 * figure is spawn -> first GET /readyz 200.
 */
export const startupScenario: Scenario = {
  id: '7',
  title: 'start to ready, warm embedded PostgreSQL',
  kind: 'own',
  async run(ctx: BenchContext): Promise<BenchRow[]> {
    const dataDir = mkdtempSync(path.join(ctx.workDir, 'startup-'));
    chmodSync(dataDir, 0o755);
    const env = { ...ctx.serverEnv, DATABASE_URL: undefined, KLAXON_DATA_DIR: dataDir } as Record<string, string | undefined>;
    try {
      const cold = await ctx.klaxonProcess('startup-cold', env);
      const coldMs = await cold.start(120_000);
      await cold.stop();
      const warm = await ctx.klaxonProcess('startup-warm', env);
      const warmMs = await warm.start(120_000);
      await warm.stop();
      return [
        { id: '7', scenario: 'start to ready, warm embedded PostgreSQL (second start)', value: warmMs, unit: 'ms', goal: `< ${WARM_START_GOAL_MS} ms`, met: warmMs < WARM_START_GOAL_MS },
        { id: '7b', scenario: 'start to ready, cold (initdb + migrations)', value: coldMs, unit: 'ms', goal: 'reported', met: null },
      ];
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
