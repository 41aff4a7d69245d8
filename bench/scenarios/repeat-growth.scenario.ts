import { createServices, triggerEvent } from '../lib/klaxon-api';
import { waitForIdle } from '../lib/drain';
import { LoadResult, runLoad } from '../lib/load';
import { round } from '../lib/stats';
import type { BenchContext, BenchRow, Scenario } from '../lib/bench-types';

const OPEN_INCIDENTS = 1000;
const REPEATS = 1_000_000;
const QUICK_REPEATS = 50_000;
const GROWTH_GOAL_MB = 50;
const CONNECTIONS = 32;
/** One load run at a time, so the rate of the whole is measured while the count is watched. */
const CHUNK_SECONDS = 30;

async function databaseBytes(ctx: BenchContext): Promise<number> {
  await ctx.db.query('VACUUM');
  const { rows } = await ctx.db.query<{ bytes: string }>('SELECT pg_database_size(current_database()) AS bytes');
  return Number(rows[0].bytes);
}

/**
 * Issue 15: a repeated alert costs a counter, not rows. 1,000 incidents are
 * opened, then their keys are re-sent until 1,000,000 triggers were accepted
 * (50,000 with --quick), against the main server. Reports the database's
 * growth between two VACUUMs (goal < 50 MB for the full million) and the
 * rate of the repeated triggers.
 */
export const repeatGrowthScenario: Scenario = {
  id: 'growth',
  title: 'database growth under 1,000,000 repeated triggers over 1,000 open incidents',
  kind: 'server',
  async run(ctx: BenchContext): Promise<BenchRow[]> {
    const base = ctx.klaxon!.url;
    const [svc] = await createServices(base, 1, 'growth');
    const prefix = `growth-${Date.now()}`;
    const keys = Array.from({ length: OPEN_INCIDENTS }, (_, i) => i);
    for (let i = 0; i < keys.length; i += 50) {
      await Promise.all(keys.slice(i, i + 50).map((k) => triggerEvent(base, svc.routingKey, `${prefix}-${k}`, `growth ${k}`)));
    }
    await waitForIdle(ctx.db, 120_000);
    const before = await databaseBytes(ctx);
    const target = ctx.quick ? QUICK_REPEATS : REPEATS;
    const runs: LoadResult[] = [];
    let sent = 0;
    while (sent < target) {
      const r = await runLoad({
        url: base,
        connections: CONNECTIONS,
        durationSeconds: Math.max(1, Math.min(CHUNK_SECONDS, Math.ceil((target - sent) / 2000))),
        routingKeys: [svc.routingKey],
        dedupKeys: OPEN_INCIDENTS,
        dedupPrefix: prefix,
      });
      if (r.ok === 0) throw new Error(`no repeated trigger accepted: ${JSON.stringify(r)}`);
      runs.push(r);
      sent += r.ok;
      ctx.log(`growth: ${sent.toLocaleString('en-US')} repeated triggers accepted (${Math.round(r.perSecond)}/s, p99 ${r.latencyP99} ms)`);
    }
    await waitForIdle(ctx.db, 120_000);
    const after = await databaseBytes(ctx);
    const { rows } = await ctx.db.query<{ alerts: number; timeline: number }>(
      `SELECT (SELECT count(*)::int FROM alerts a JOIN incidents i ON i.id = a.incident_id WHERE i.service_id = $1) AS alerts,
              (SELECT count(*)::int FROM incident_timeline e JOIN incidents i ON i.id = e.incident_id WHERE i.service_id = $1) AS timeline`,
      [svc.serviceId],
    );
    const seconds = runs.reduce((s, r) => s + r.seconds, 0);
    const growthMb = round((after - before) / 1024 / 1024, 1);
    const p99 = Math.max(...runs.map((r) => r.latencyP99));
    const failed = runs.reduce((s, r) => s + r.non2xx + r.errors + r.timeouts, 0);
    const label = `${sent.toLocaleString('en-US')} repeated triggers over ${OPEN_INCIDENTS.toLocaleString('en-US')} open incidents`;
    return [
      {
        id: 'growth',
        scenario: `growth: database size after - before (VACUUM each), ${label}; ${rows[0].alerts} alert rows, ${rows[0].timeline} timeline rows`,
        value: growthMb,
        unit: 'MB',
        goal: ctx.quick ? 'reported' : `< ${GROWTH_GOAL_MB} MB`,
        met: ctx.quick ? null : growthMb < GROWTH_GOAL_MB && failed === 0,
        detail: { before, after, sent, failed, ...rows[0] },
      },
      {
        id: 'growth-rate',
        scenario: `growth: repeated-trigger rate over the whole run (${CONNECTIONS} conns; worst run p99 ${p99} ms)`,
        value: round(sent / seconds, 0),
        unit: 'events/s',
        goal: 'reported',
        met: null,
      },
    ];
  },
};
