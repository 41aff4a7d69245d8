import { api, createServices } from '../lib/klaxon-api';
import { waitForIdle } from '../lib/drain';
import { LoadResult, runLoad } from '../lib/load';
import { processCpuMs } from '../lib/process-cpu';
import { round } from '../lib/stats';
import type { BenchContext, BenchRow, Scenario } from '../lib/bench-types';

const CONNECTIONS = 32;
const DEDUP_KEYS = 1000;
const RUNS = 3;
/** The budget: routing may cost the ingest path at most this much of its rate. */
const OVERHEAD_GOAL_PERCENT = 10;

/**
 * A router of 20 rules, several with RE2 patterns, that the bench's events
 * (summary "<prefix> <key> disk almost full", source "host-<n>", severity
 * critical) walk almost to the end: 19 rules fail, the 20th (a pattern)
 * routes. Every condition kind is there: equals, ignoreCase, contains,
 * startsWith, matches, notMatches, exists, labels and details that are missing.
 */
export function benchRouterRules(target: string, fallback: string): { rules: unknown[]; fallback: { serviceId: string } } {
  const rules: unknown[] = [];
  const drop = { drop: true };
  for (let i = 0; i < 4; i++) rules.push({ name: `team ${i}`, when: [{ field: 'labels.team', op: 'equals', value: `team-${i}` }], then: drop });
  for (let i = 0; i < 4; i++) {
    rules.push({ name: `cpu ${i}`, when: [{ field: 'summary', op: 'matches', value: `(?i)cpu (usage|load) above ${90 + i}%` }], then: drop });
  }
  for (let i = 0; i < 3; i++) {
    rules.push({
      name: `db hosts ${i}`,
      when: [
        { field: 'source', op: 'startsWith', value: `db-${i}` },
        { field: 'severity', op: 'equals', value: 'critical' },
      ],
      then: drop,
    });
  }
  for (let i = 0; i < 3; i++) {
    rules.push({ name: `region ${i}`, when: [{ field: 'details.region', op: 'equals', value: `region-${i}`, ignoreCase: true }], then: drop });
  }
  rules.push({ name: 'memory', when: [{ field: 'summary', op: 'contains', value: 'out of memory' }], then: drop });
  rules.push({ name: 'staging', when: [{ field: 'source', op: 'matches', value: '^(staging|dev)-[a-z0-9-]+$' }], then: drop });
  rules.push({ name: 'quiet class', when: [{ field: 'class', op: 'exists' }], then: drop });
  rules.push({ name: 'not critical', when: [{ field: 'severity', op: 'notEquals', value: 'critical' }], then: drop });
  rules.push({
    name: 'info summary',
    when: [{ field: 'summary', op: 'notMatches', value: 'disk|cpu|memory' }],
    then: drop,
  });
  rules.push({
    name: 'hosts',
    when: [
      { field: 'source', op: 'matches', value: '^host-\\d+$' },
      { field: 'summary', op: 'matches', value: '(?i)disk (almost )?full' },
    ],
    then: { route: { serviceId: target } },
  });
  return { rules, fallback: { serviceId: fallback } };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Event routers: the cost of routing on the ingest path. The same repeated
 * Events v2 triggers (32 connections, 1,000 dedup keys, every incident open)
 * are sent to a plain integration key and to a router key whose 20 rules the
 * events walk to the last (regex conditions included), three runs each,
 * alternated; each figure is the median of its three. The goal: routing costs
 * at most 10 % of the plain rate.
 */
export const routingScenario: Scenario = {
  id: 'routing',
  title: 'event router (20 rules, regex conditions) vs plain key: repeated alerts, 1,000 dedup keys',
  kind: 'server',
  async run(ctx: BenchContext): Promise<BenchRow[]> {
    const base = ctx.klaxon!.url;
    const [plain, routed, fallback] = await createServices(base, 3, 'routing');
    const router = await api<{ routingKey: string }>(base, 'POST', '/api/v1/event-routers', {
      name: 'bench router',
      ...benchRouterRules(routed.serviceId, fallback.serviceId),
    });
    const seconds = ctx.quick ? 2 : 10;
    const prefix = `routing-${Date.now()}`;
    const spec = (routingKey: string) => ({ url: base, connections: CONNECTIONS, routingKeys: [routingKey], dedupKeys: DEDUP_KEYS, dedupPrefix: prefix });
    // Open the 1,000 incidents on both paths (and warm the JIT), so every measured event repeats an open incident.
    await runLoad({ ...spec(plain.routingKey), durationSeconds: 1, amount: DEDUP_KEYS });
    await runLoad({ ...spec(router.routingKey), durationSeconds: 1, amount: DEDUP_KEYS });
    await waitForIdle(ctx.db, 60_000);
    const runs: { plain: LoadResult[]; router: LoadResult[] } = { plain: [], router: [] };
    // Klaxon's CPU per accepted event (µs) in each run: steadier than the rate on a shared host.
    const cpu: { plain: number[]; router: number[] } = { plain: [], router: [] };
    const pid = ctx.klaxon!.pid;
    const measured = async (routingKey: string, into: LoadResult[], cpuInto: number[]): Promise<void> => {
      const before = processCpuMs(pid);
      const result = await runLoad({ ...spec(routingKey), durationSeconds: seconds });
      const after = processCpuMs(pid);
      into.push(result);
      if (before !== null && after !== null && result.ok > 0) cpuInto.push(((after - before) * 1000) / result.ok);
      await waitForIdle(ctx.db, 30_000);
    };
    for (let i = 0; i < RUNS; i++) {
      await measured(plain.routingKey, runs.plain, cpu.plain);
      await measured(router.routingKey, runs.router, cpu.router);
      const us = (xs: number[]) => (xs[i] === undefined ? '?' : `${Math.round(xs[i])} µs CPU/event`);
      ctx.log(
        `routing: run ${i + 1}: plain ${Math.round(runs.plain[i].perSecond)}/s (${us(cpu.plain)}), router ${Math.round(runs.router[i].perSecond)}/s (${us(cpu.router)})`,
      );
    }
    const { rows } = await ctx.db.query<{ routed: number; fallback: number }>(
      `SELECT (SELECT count(*)::int FROM incidents WHERE service_id = $1) AS routed, (SELECT count(*)::int FROM incidents WHERE service_id = $2) AS fallback`,
      [routed.serviceId, fallback.serviceId],
    );
    const failed = (rs: LoadResult[]) => rs.reduce((s, r) => s + r.non2xx + r.errors + r.timeouts, 0);
    const plainRate = median(runs.plain.map((r) => r.perSecond));
    const routerRate = median(runs.router.map((r) => r.perSecond));
    const overhead = round((1 - routerRate / plainRate) * 100, 1);
    const cpuRows: BenchRow[] =
      cpu.plain.length === RUNS && cpu.router.length === RUNS
        ? [
            { id: 'routing-cpu-plain', scenario: "routing: Klaxon's CPU per event, plain key (median of the runs)", value: round(median(cpu.plain), 0), unit: 'µs', goal: 'reported', met: null },
            { id: 'routing-cpu', scenario: "routing: Klaxon's CPU per event, router key (median of the runs)", value: round(median(cpu.router), 0), unit: 'µs', goal: 'reported', met: null },
            {
              id: 'routing-cpu-overhead',
              scenario: 'routing: CPU added per event by routing, router/plain - 1',
              value: round((median(cpu.router) / median(cpu.plain) - 1) * 100, 1),
              unit: '%',
              goal: 'reported',
              met: null,
            },
          ]
        : [];
    const ok = failed(runs.plain) === 0 && failed(runs.router) === 0 && rows[0].routed === DEDUP_KEYS && rows[0].fallback === 0;
    const label = `${CONNECTIONS} conns, ${DEDUP_KEYS.toLocaleString('en-US')} dedup keys, median of ${RUNS} runs of ${seconds} s`;
    return [
      { id: 'routing-plain', scenario: `routing: repeated alerts to a plain integration key (${label})`, value: round(plainRate, 0), unit: 'events/s', goal: 'reported', met: null, detail: { runs: runs.plain } },
      { id: 'routing', scenario: `routing: the same to a router key, 20 rules with regex, the 20th matches (${label})`, value: round(routerRate, 0), unit: 'events/s', goal: 'reported', met: null, detail: { runs: runs.router, incidents: rows[0] } },
      {
        id: 'routing-overhead',
        scenario: 'routing: rate lost to routing, 1 - router/plain',
        value: overhead,
        unit: '%',
        goal: `<= ${OVERHEAD_GOAL_PERCENT} %`,
        met: ctx.quick ? null : ok && overhead <= OVERHEAD_GOAL_PERCENT,
      },
      ...cpuRows,
    ];
  },
};
