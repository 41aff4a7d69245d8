import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { BenchContext, BenchRow, Scenario } from '../lib/bench-types';
import { NpmStartProcess, npmStartCheckout } from '../lib/npm-start-process';

const WARM_START_GOAL_MS = 10_000;
const FIRST_NPM_START_GOAL_MS = 30_000;

/**
 * The real `npm start` (build check included) in a copy of the checkout with
 * no dist/ and a fresh data dir: the first start builds everything and runs
 * initdb and the migrations; the second, after a clean stop, is the warm one.
 */
async function npmStarts(ctx: BenchContext): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(ctx.workDir, 'npm-start-'));
  chmodSync(dir, 0o755);
  const checkout = npmStartCheckout(path.join(dir, 'klaxon'));
  const env = { ...ctx.serverEnv, DATABASE_URL: undefined, KLAXON_DATA_DIR: path.join(dir, 'data') };
  try {
    const first = await NpmStartProcess.create(checkout, env, path.join(ctx.logDir, 'npm-start-first.log'));
    const firstMs = await first.start(180_000);
    await first.stop();
    const warm = await NpmStartProcess.create(checkout, env, path.join(ctx.logDir, 'npm-start-warm.log'));
    const warmMs = await warm.start(120_000);
    await warm.stop();
    return [
      { id: '7c', scenario: '`npm start` to ready, warm (built, data initialised)', value: warmMs, unit: 'ms', goal: `< ${WARM_START_GOAL_MS} ms`, met: warmMs < WARM_START_GOAL_MS },
      { id: '7d', scenario: '`npm start` to ready, first (no dist/: full build, initdb, migrations)', value: firstMs, unit: 'ms', goal: `< ${FIRST_NPM_START_GOAL_MS} ms`, met: firstMs < FIRST_NPM_START_GOAL_MS },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Scenario 7: Klaxon with its own embedded PostgreSQL (no DATABASE_URL) in a
 * fresh data dir: a first (cold) start runs initdb and the migrations; after a
 * clean stop, the second start of the same data dir is the warm figure. Each
 * figure is spawn -> first GET /readyz 200. Then the same through the real
 * `npm start` (npmStarts).
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
      const npm = await npmStarts(ctx);
      return [
        { id: '7', scenario: 'start to ready, warm embedded PostgreSQL (second start)', value: warmMs, unit: 'ms', goal: `< ${WARM_START_GOAL_MS} ms`, met: warmMs < WARM_START_GOAL_MS },
        { id: '7b', scenario: 'start to ready, cold (initdb + migrations)', value: coldMs, unit: 'ms', goal: 'reported', met: null },
        ...npm,
      ];
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
