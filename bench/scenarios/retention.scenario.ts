import { insertOldIncidents } from '../../test/support/old-incidents';
import { createServices } from '../lib/klaxon-api';
import { LoadResult, runLoad } from '../lib/load';
import { waitForIdle } from '../lib/drain';
import { round, sleep } from '../lib/stats';
import type { BenchContext, BenchRow, Scenario } from '../lib/bench-types';

const INGEST_GOAL_P99_MS = 50;
/** Rows per old incident: the incident, 4 alerts, 4 timeline entries, 1 page. */
const ROWS_PER_INCIDENT = 10;
const DAY_MS = 86_400_000;

/**
 * Retention: 1,000,000 old rows (resolved incidents 400 days ago with their
 * alerts, timeline and pages, inserted in SQL) are deleted by the cleanup
 * timer of the main server while Events v2 ingest runs against it (32
 * connections, 1,000 open incidents re-triggered). The load runs in 5-second
 * windows back to back until the old rows are gone, so each window's p99 is
 * one during the deletion; reports the worst window's p99 and the rows
 * deleted per second. Quick mode: 100,000 rows, 3-second windows.
 */
export const retentionScenario: Scenario = {
  id: 'retention',
  title: 'retention cleanup of 1,000,000 old rows under ingest load',
  kind: 'server',
  async run(ctx: BenchContext): Promise<BenchRow[]> {
    const base = ctx.klaxon!.url;
    const incidents = (ctx.quick ? 100_000 : 1_000_000) / ROWS_PER_INCIDENT;
    const [svc, old] = await createServices(base, 2, 'retention');
    const spec = { url: base, connections: 32, routingKeys: [svc.routingKey], dedupKeys: 1000, dedupPrefix: `retention-${Date.now()}` };
    await runLoad({ ...spec, durationSeconds: 2 }); // opens the 1,000 incidents the measured load re-triggers
    await waitForIdle(ctx.db, 60_000);

    const query = (sql: string, params: unknown[]) => ctx.db.query(sql, params);
    const resolvedAt = new Date(Date.now() - 400 * DAY_MS);
    for (let done = 0; done < incidents; done += 10_000) {
      await insertOldIncidents(query, {
        serviceId: old.serviceId, count: Math.min(10_000, incidents - done), resolvedAt, prefix: `old-${done}`, alerts: 4, timeline: 4, pages: 1,
      });
    }
    await ctx.db.query('ANALYZE incidents, alerts, incident_timeline, notifications');
    await ctx.db.query('CHECKPOINT'); // the insert's dirty pages, written now rather than during the measurement
    const remaining = async () =>
      Number((await ctx.db.query(`SELECT count(*)::int AS n FROM incidents WHERE service_id = $1`, [old.serviceId])).rows[0].n);
    const total = (await remaining()) * ROWS_PER_INCIDENT;
    ctx.log(`retention: ${total} old rows inserted`);

    // The cleanup runs every 10 minutes: make it due now, then measure ingest in short windows
    // for as long as it deletes, so every window's p99 is a p99 during the deletion.
    const windowSeconds = ctx.quick ? 3 : 5;
    // The same load with nothing to delete: the p99 the cleanup is compared with.
    const baseline = await runLoad({ ...spec, durationSeconds: windowSeconds * 2 });
    const deadline = Date.now() + (ctx.quick ? 120_000 : 600_000);
    const started = Date.now();
    await ctx.db.query(`UPDATE timers SET due_at = now() WHERE kind = 'cleanup'`);
    const windows: LoadResult[] = [];
    let left = total;
    while (left > 0 && Date.now() < deadline) {
      windows.push(await runLoad({ ...spec, durationSeconds: windowSeconds }));
      left = (await remaining()) * ROWS_PER_INCIDENT;
    }
    const seconds = (Date.now() - started) / 1000;
    const rowsPerSecond = (total - left) / seconds;
    const p99s = windows.map((w) => w.latencyP99);
    const worst = Math.max(...p99s);
    const requests = windows.reduce((n, w) => n + w.requests, 0);
    const failed = windows.reduce((n, w) => n + w.non2xx + w.errors, 0);
    ctx.log(`retention: ${total - left} rows deleted in ${round(seconds, 1)} s; window p99s ${p99s.join(', ')} ms`);
    await waitForIdle(ctx.db, 60_000);
    return [
      {
        id: 'retention',
        scenario: `ingest 202 p99 (worst ${windowSeconds} s window) while the cleanup deletes ${total.toLocaleString('en')} old rows (32 conns, 1,000 open incidents)`,
        value: worst,
        unit: 'ms',
        goal: `< ${INGEST_GOAL_P99_MS} ms`,
        met: worst < INGEST_GOAL_P99_MS && failed === 0 && left === 0,
        detail: { windows: p99s, medianWindowP99: [...p99s].sort((x, y) => x - y)[Math.floor(p99s.length / 2)], requests, failed, rowsLeft: left },
      },
      {
        id: 'retention-0',
        scenario: `the same ingest before the deletion (${windowSeconds * 2} s): 202 p99`,
        value: baseline.latencyP99,
        unit: 'ms',
        goal: 'reported',
        met: null,
        detail: { perSecond: round(baseline.perSecond, 0) },
      },
      { id: 'retention-b', scenario: 'cleanup: rows deleted per second under that load', value: round(rowsPerSecond, 0), unit: 'rows/s', goal: 'reported', met: null },
      {
        id: 'retention-c',
        scenario: 'ingest throughput during the deletion',
        value: round(requests / windows.reduce((n, w) => n + w.seconds, 0), 0),
        unit: 'events/s',
        goal: 'reported',
        met: null,
      },
    ];
  },
};
