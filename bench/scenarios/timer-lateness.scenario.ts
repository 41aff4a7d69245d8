import { createServices, triggerEvent } from '../lib/klaxon-api';
import { waitForIdle } from '../lib/drain';
import { round, sleep, summarize } from '../lib/stats';
import type { BenchContext, BenchRow, Scenario } from '../lib/bench-types';

const TIMER_LATENESS_GOAL_P99_MS = 1000;
const POLL_MS = 25;
/** The bench's own timers: the stale step they all carry. */
const OWN_TIMER = `data->'step'->>'epoch' = '-1'`;

/**
 * Scenario 3: N escalation timers inserted with one SQL statement, due evenly
 * over the next `spreadMs` (starting 3 s from now), all pointing at a few real
 * triggered incidents with a stale step ({epoch: -1}) so each fires as a
 * no-op through the whole engine path (claim, incident row lock, planner,
 * delete) without paging anyone.
 *
 * Method: ids are assigned in due order and the single worker claims by due
 * order, so the pending set is a suffix of the id range. Every POLL_MS the
 * bench reads min(id) of the remaining rows; every tracked row below it has
 * been deleted (fired), and is stamped with that poll's start time. Only the
 * bench's own rows count (their stale step, epoch -1): a timer Klaxon wrote
 * while the bench inserted (say the next step of an incident claimed just
 * then) can take an id inside the range and stay pending for minutes, which
 * would read as every later row unfired. Lateness
 * = stamp − due_at, an over-estimate by at most one poll interval plus the
 * poll query time. Rows still pending at the deadline count with
 * lateness = deadline − due_at (a lower bound) and are reported as unfired.
 */
export const timerLatenessScenario: Scenario = {
  id: '3',
  title: 'escalation timer lateness, 100,000 pending timers',
  kind: 'server',
  async run(ctx: BenchContext): Promise<BenchRow[]> {
    const base = ctx.klaxon!.url;
    const count = ctx.quick ? 5_000 : 100_000;
    const spreadMs = ctx.quick ? 5_000 : 60_000;
    const incidentsWanted = ctx.quick ? 10 : 100;
    const [svc] = await createServices(base, 1, 'timers');
    const run = Date.now().toString(36);
    for (let i = 0; i < incidentsWanted; i++) await triggerEvent(base, svc.routingKey, `timer-${run}-${i}`, `timer target ${i}`);
    await waitForIdle(ctx.db, 30_000);
    const { rows: incidents } = await ctx.db.query(`SELECT id FROM incidents WHERE dedup_key LIKE $1`, [`timer-${run}-%`]);
    const ids = incidents.map((r: { id: string }) => r.id);

    const insertStarted = Date.now();
    const { rows } = await ctx.db.query(
      `INSERT INTO timers (kind, incident_id, due_at, data)
       SELECT 'escalation', ($1::uuid[])[1 + (g % cardinality($1::uuid[]))],
              to_timestamp(($2::float8 + g * $3::float8) / 1000.0),
              '{"input":"step-due","step":{"epoch":-1,"loop":0,"level":0}}'::jsonb
         FROM generate_series(0, $4::int - 1) AS g
        ORDER BY g
       RETURNING id::text AS id, extract(epoch FROM due_at) * 1000 AS due_ms`,
      [ids, Date.now() + 3000, spreadMs / count, count],
    );
    const insertMs = Date.now() - insertStarted;
    const tracked = rows
      .map((r: { id: string; due_ms: string }) => ({ id: BigInt(r.id), due: Number(r.due_ms) }))
      .sort((a: { id: bigint }, b: { id: bigint }) => (a.id < b.id ? -1 : 1));
    const lo = tracked[0].id;
    const hi = tracked[tracked.length - 1].id;
    const lastDue = Math.max(...tracked.map((t: { due: number }) => t.due));
    const deadline = lastDue + (ctx.quick ? 10_000 : 60_000);

    const lateness: number[] = [];
    let next = 0;
    let pollQueryMax = 0;
    while (next < tracked.length && Date.now() < deadline) {
      const stamp = Date.now();
      const { rows: m } = await ctx.db.query(`SELECT min(id)::text AS min FROM timers WHERE id BETWEEN $1 AND $2 AND ${OWN_TIMER}`, [String(lo), String(hi)]);
      pollQueryMax = Math.max(pollQueryMax, Date.now() - stamp);
      const firstPending = m[0].min === null ? hi + 1n : BigInt(m[0].min);
      while (next < tracked.length && tracked[next].id < firstPending) lateness.push(stamp - tracked[next++].due);
      const wait = POLL_MS - (Date.now() - stamp);
      if (wait > 0) await sleep(wait);
    }
    const unfired = tracked.length - next;
    const end = Date.now();
    while (next < tracked.length) lateness.push(end - tracked[next++].due);
    if (unfired) await ctx.db.query(`DELETE FROM timers WHERE id BETWEEN $1 AND $2 AND ${OWN_TIMER}`, [String(lo), String(hi)]);
    const s = summarize(lateness);
    const detail = { timers: count, spreadMs, incidents: ids.length, insertMs, unfired, p50Ms: round(s.p50), maxMs: round(s.max), pollMs: POLL_MS, pollQueryMaxMs: pollQueryMax };
    return [
      {
        id: '3',
        scenario: `escalation timer lateness, ${count.toLocaleString('en')} timers over ${spreadMs / 1000} s: p99`,
        value: round(s.p99, 0),
        unit: 'ms',
        goal: `< ${TIMER_LATENESS_GOAL_P99_MS} ms`,
        met: s.p99 < TIMER_LATENESS_GOAL_P99_MS && unfired === 0,
        detail,
      },
      { id: '3b', scenario: 'escalation timer lateness: p50', value: round(s.p50, 0), unit: 'ms', goal: 'reported', met: null },
      { id: '3c', scenario: 'escalation timers not fired by deadline (last due + 60 s)', value: unfired, unit: 'timers', goal: '0', met: unfired === 0 },
    ];
  },
};
