import { createServices } from '../lib/klaxon-api';
import { LoadResult, runLoad } from '../lib/load';
import { waitForIdle } from '../lib/drain';
import { round } from '../lib/stats';
import { TcpRoundRobin } from '../lib/tcp-round-robin';
import type { BenchContext, BenchRow, Scenario } from '../lib/bench-types';

const INGEST_GOAL_PER_SECOND = 3000;
const INGEST_GOAL_P99_MS = 50;
/** Prometheus Alertmanager 0.25, in memory, distinct alerts, 50 connections, on this machine; the peer scenario measures it in the run. */
const ALERTMANAGER_PER_SECOND = 9000;

const CONNECTIONS = 32;
const DEDUP_KEYS = 1000;

function ingestRows(id: string, label: string, r: LoadResult, judged = true): BenchRow[] {
  const detail = { ...r, perSecond: round(r.perSecond, 0) };
  return [
    {
      id,
      scenario: `${label}: throughput (32 conns, 1,000 dedup keys, ${r.generator ?? 'autocannon'})`,
      value: round(r.perSecond, 0),
      unit: 'events/s',
      goal: `>= ${INGEST_GOAL_PER_SECOND} (stretch ${ALERTMANAGER_PER_SECOND / 2})`,
      met: judged ? r.perSecond >= INGEST_GOAL_PER_SECOND && r.non2xx === 0 && r.errors === 0 : null,
      detail,
    },
    { id: `${id}b`, scenario: `${label}: 202 latency p50`, value: r.latencyP50, unit: 'ms', goal: 'reported', met: null },
    { id: `${id}c`, scenario: `${label}: 202 latency p99`, value: r.latencyP99, unit: 'ms', goal: `< ${INGEST_GOAL_P99_MS} ms`, met: judged ? r.latencyP99 < INGEST_GOAL_P99_MS : null },
  ];
}

/**
 * Scenario 1: durable Events v2 ingest against the main server (KLAXON_ROLE=all),
 * measured twice with the same 1,000 dedup keys:
 * - 1 (cold): the keys are new, so the run also opens 1,000 incidents and the
 *   worker pages each one while the load goes on;
 * - 1w (warm): the same keys again, every incident open: the steady state of
 *   a monitoring system re-sending firing alerts.
 */
export const ingestScenario: Scenario = {
  id: '1',
  title: 'durable Events v2 ingest, 32 connections, 1,000 dedup keys (cold, then warm)',
  kind: 'server',
  async run(ctx: BenchContext): Promise<BenchRow[]> {
    const base = ctx.klaxon!.url;
    const [svc] = await createServices(base, 1, 'ingest');
    const seconds = ctx.quick ? 3 : 20;
    const spec = { url: base, connections: CONNECTIONS, routingKeys: [svc.routingKey], dedupKeys: DEDUP_KEYS };
    await runLoad({ ...spec, durationSeconds: 1, dedupPrefix: `warm-${Date.now()}` }); // JIT, pools, first incidents
    await waitForIdle(ctx.db, 30_000);
    const prefix = `ingest-${Date.now()}`;
    const cold = await runLoad({ ...spec, durationSeconds: seconds, dedupPrefix: prefix });
    await waitForIdle(ctx.db, ctx.quick ? 10_000 : 60_000);
    const warm = await runLoad({ ...spec, durationSeconds: seconds, dedupPrefix: prefix });
    await waitForIdle(ctx.db, ctx.quick ? 10_000 : 60_000);
    return [...ingestRows('1', 'ingest, cold (opens and pages 1,000 incidents)', cold), ...ingestRows('1w', 'ingest, warm (1,000 open incidents)', warm)];
  },
};

/**
 * Scenario 9: the same load through a round-robin TCP balancer, first to one
 * KLAXON_ROLE=api process, then to two, with one KLAXON_ROLE=worker process, all
 * on the one PostgreSQL. Runs after the main server has stopped.
 */
export const scaleOutScenario: Scenario = {
  id: '9',
  title: 'scale-out: ingest through a round-robin balancer, 1 vs 2 api instances + 1 worker',
  kind: 'own',
  async run(ctx: BenchContext): Promise<BenchRow[]> {
    const seconds = ctx.quick ? 2 : 15;
    const worker = await ctx.klaxonProcess('scale-worker', { ...ctx.serverEnv, KLAXON_ROLE: 'worker' });
    const apis = [
      await ctx.klaxonProcess('scale-api-1', { ...ctx.serverEnv, KLAXON_ROLE: 'api' }),
      await ctx.klaxonProcess('scale-api-2', { ...ctx.serverEnv, KLAXON_ROLE: 'api' }),
    ];
    const rows: BenchRow[] = [];
    try {
      await worker.start();
      await apis[0].start();
      await apis[1].start();
      const [svc] = await createServices(apis[0].url, 1, 'scale');
      const results: LoadResult[] = [];
      for (const n of [1, 2]) {
        const proxy = new TcpRoundRobin(apis.slice(0, n).map((a) => ({ host: '127.0.0.1', port: a.port })));
        const url = await proxy.start();
        try {
          const spec = { url, connections: CONNECTIONS, routingKeys: [svc.routingKey], dedupKeys: DEDUP_KEYS };
          await runLoad({ ...spec, durationSeconds: 1, dedupPrefix: `scale-warm-${n}-${Date.now()}` });
          await waitForIdle(ctx.db, 30_000);
          results.push(await runLoad({ ...spec, durationSeconds: seconds, dedupPrefix: `scale-${n}-${Date.now()}` }));
          await waitForIdle(ctx.db, ctx.quick ? 10_000 : 60_000);
        } finally {
          await proxy.stop();
        }
      }
      rows.push(...ingestRows('9', 'scale-out, 1 api + 1 worker via balancer', results[0], false));
      rows.push(...ingestRows('9.2', 'scale-out, 2 api + 1 worker via balancer', results[1], false));
      rows.push({
        id: '9x',
        scenario: 'scale-out: throughput ratio 2 api / 1 api',
        value: round(results[1].perSecond / results[0].perSecond, 2),
        unit: 'x',
        goal: 'reported',
        met: null,
      });
    } finally {
      for (const p of [...apis, worker]) await p.stop();
    }
    return rows;
  },
};
