import { AlertmanagerProcess, findAlertmanager } from '../lib/alertmanager-process';
import { waitForIdle } from '../lib/drain';
import { FloorProcess } from '../lib/floor-server';
import { createServices } from '../lib/klaxon-api';
import { LoadResult, LoadSpec, runLoad } from '../lib/load';
import { round } from '../lib/stats';
import type { BenchContext, BenchRow, Scenario } from '../lib/bench-types';

const PEER_DISTINCT_GOAL_RATIO = 0.15;
const PEER_REPEATED_GOAL_RATIO = 0.5;
const PEER_P99_GOAL_MS = 50;
const PEER_CONNECTIONS = 32;
/** Open incidents (Klaxon) and firing alerts (Alertmanager) the repeated run re-sends. */
const PEER_REPEATED_KEYS = 1000;

/** One side's two runs, measured the same way for both. */
interface PeerRuns {
  /** Every request a key never sent before: a new incident (Klaxon), a new label set (Alertmanager). */
  distinct: LoadResult;
  /** The same 1,000 keys again and again, each already open / firing. */
  repeated: LoadResult;
}

export interface PeerComparison {
  /** Null when no Alertmanager binary is installed: Klaxon's side is still measured. */
  alertmanager: (PeerRuns & { version: string }) | null;
  /** The durable floor (bench/lib/floor-server.ts): what any Node.js service answering after a commit reaches here. */
  floor?: PeerRuns | null;
  klaxon: PeerRuns;
  seconds: number;
}

const rate = (r: LoadResult): number => round(r.perSecond, 0);
/** Every request answered 2xx in time: otherwise the rate flatters or wrongs that side. */
const clean = (r: LoadResult): boolean => r.non2xx === 0 && r.errors === 0 && r.timeouts === 0;
const failures = (r: LoadResult): string => (clean(r) ? '' : ` (${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts)`);
/** Klaxon's rate as a multiple of Alertmanager's; NaN without a peer. */
export const peerRatio = (klaxon: LoadResult, alertmanager: LoadResult | undefined): number =>
  alertmanager && alertmanager.perSecond > 0 ? round(klaxon.perSecond / alertmanager.perSecond, 2) : NaN;

/** One load's verdict, the one both the rows and the table give. */
interface PeerJudgement {
  amRun: LoadResult | undefined;
  kRun: LoadResult;
  goalRatio: number;
  p99Goal: number | null;
  /** peerRatio(kRun, amRun). */
  ratio: number;
  /** The ratio against `goalRatio`, both sides clean; null without a peer. */
  ratioMet: boolean | null;
  /** Klaxon's p99 against `p99Goal`; null when there is none. */
  p99Met: boolean | null;
}

function judge(amRun: LoadResult | undefined, kRun: LoadResult, goalRatio: number, p99Goal: number | null): PeerJudgement {
  const ratio = peerRatio(kRun, amRun);
  return {
    amRun,
    kRun,
    goalRatio,
    p99Goal,
    ratio,
    ratioMet: amRun ? ratio >= goalRatio && clean(kRun) && clean(amRun) : null,
    p99Met: p99Goal === null ? null : kRun.latencyP99 < p99Goal,
  };
}

/** Issue 13's two loads, judged: distinct keys (ratio only), then repeated keys (ratio and p99). */
const judgeLoads = (c: PeerComparison): { distinct: PeerJudgement; repeated: PeerJudgement } => ({
  distinct: judge(c.alertmanager?.distinct, c.klaxon.distinct, PEER_DISTINCT_GOAL_RATIO, null),
  repeated: judge(c.alertmanager?.repeated, c.klaxon.repeated, PEER_REPEATED_GOAL_RATIO, PEER_P99_GOAL_MS),
});

/**
 * The result rows: per load, Alertmanager's rate, Klaxon's rate and 202 p99,
 * and the ratio judged against issue 13's goals (reported, not judged, when
 * Alertmanager is not installed).
 */
export function peerRows(c: PeerComparison): BenchRow[] {
  const am = c.alertmanager;
  const how = `${PEER_CONNECTIONS} conns, ${c.seconds} s, ${c.klaxon.distinct.generator ?? 'autocannon'}`;
  const skipped = am ? '' : ' (skipped: no Alertmanager installed)';
  const rows: BenchRow[] = [];
  const load = (id: string, label: string, what: { alertmanager: string; klaxon: string }, j: PeerJudgement, floorRun?: LoadResult): void => {
    const { amRun, kRun } = j;
    if (floorRun) {
      rows.push({
        id: `${id}-floor`,
        scenario: `peer, ${label}: durable floor (one upsert per batch, no framework) / Alertmanager${skipped}${failures(floorRun)}`,
        value: peerRatio(floorRun, amRun),
        unit: 'x',
        goal: 'reported',
        met: null,
        detail: { ...floorRun },
      });
    }
    if (amRun) {
      rows.push({
        id: `${id}-am`,
        scenario: `peer, ${label}: Alertmanager ${am!.version} in memory, ${what.alertmanager} (${how})${failures(amRun)}`,
        value: rate(amRun),
        unit: 'alerts/s',
        goal: 'reported',
        met: null,
        detail: { ...amRun },
      });
    }
    rows.push({
      id: `${id}-k`,
      scenario: `peer, ${label}: Klaxon durable, ${what.klaxon} (${how})${failures(kRun)}`,
      value: rate(kRun),
      unit: 'events/s',
      goal: 'reported',
      met: null,
      detail: { ...kRun },
    });
    rows.push({
      id: `${id}-kc`,
      scenario: `peer, ${label}: Klaxon 202 latency p99`,
      value: kRun.latencyP99,
      unit: 'ms',
      goal: j.p99Goal === null ? 'reported' : `< ${j.p99Goal} ms`,
      met: j.p99Met,
    });
    rows.push({
      id,
      scenario: `peer, ${label}: Klaxon / Alertmanager${skipped}`,
      value: j.ratio,
      unit: 'x',
      goal: `>= ${j.goalRatio}x`,
      met: j.ratioMet,
    });
  };
  const keys = PEER_REPEATED_KEYS.toLocaleString('en-US');
  const judged = judgeLoads(c);
  load('peer', 'distinct', { alertmanager: 'a new label set each', klaxon: 'a new incident each' }, judged.distinct, c.floor?.distinct);
  load('peerw', 'repeated', { alertmanager: `${keys} firing alerts re-sent`, klaxon: `${keys} open incidents re-sent` }, judged.repeated, c.floor?.repeated);
  return rows;
}

/** The side-by-side table the scenario prints: one line per load, both rates, the ratio and its goal. */
export function formatPeerTable(c: PeerComparison): string {
  const perSecond = (r: LoadResult | undefined) => (r ? `${Math.round(r.perSecond).toLocaleString('en-US')}/s${failures(r)}` : 'not installed');
  const am = c.alertmanager;
  const line = (label: string, j: PeerJudgement, floorRun: LoadResult | undefined) => {
    const goal = `>= ${j.goalRatio}x${j.p99Goal === null ? '' : `, p99 < ${j.p99Goal} ms`}`;
    // One verdict for the load: the ratio row's, and the p99 row's where there is a p99 goal.
    const verdict = j.ratioMet === null ? '-' : j.ratioMet && j.p99Met !== false ? 'met' : 'NOT MET';
    const floor = floorRun ? [`${perSecond(floorRun)} (${j.amRun ? `${peerRatio(floorRun, j.amRun).toFixed(2)}x` : '-'})`] : [];
    return [label, perSecond(j.amRun), ...floor, `${perSecond(j.kRun)} (p99 ${j.kRun.latencyP99} ms)`, j.amRun ? `${j.ratio.toFixed(2)}x` : '-', `${goal}: ${verdict}`];
  };
  const head = ['alerts', `Alertmanager${am ? ` ${am.version}` : ''}`, ...(c.floor ? ['durable floor (ratio)'] : []), 'Klaxon', 'ratio', 'goal'];
  const judged = judgeLoads(c);
  const cells = [
    line('distinct (a new label set / incident each)', judged.distinct, c.floor?.distinct),
    line(`repeated (${PEER_REPEATED_KEYS.toLocaleString('en-US')} firing alerts / open incidents)`, judged.repeated, c.floor?.repeated),
  ];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i].length)));
  const row = (r: string[]) => r.map((v, i) => v.padEnd(widths[i])).join('  ').trimEnd();
  const generator = c.klaxon.distinct.generator ?? 'autocannon';
  return [
    `Klaxon vs Prometheus Alertmanager: ${generator}, ${PEER_CONNECTIONS} connections, ${c.seconds} s per run, one after the other`,
    row(head),
    row(widths.map((w) => '-'.repeat(w))),
    ...cells.map(row),
  ].join('\n');
}

/** How one side is loaded: its URL and request format, and what it must finish before the next run. */
interface PeerSide {
  name: string;
  spec(prefix: string, keys: number, seconds: number): LoadSpec;
  /** Waits until the work a run left behind is done (Klaxon: pages and due timers); in-memory Alertmanager has none. */
  settle(): Promise<void>;
}

/**
 * The same steps for every side, each step taken by one side after the other
 * (never both under load at once), so the two runs a ratio compares are
 * seconds apart on this shared machine rather than minutes: a 1 s warm-up of
 * new keys (JIT, pools, connections); the distinct run; the 1,000 repeated
 * keys sent until each has been sent once (opened / firing); the repeated run.
 */
async function measure(sides: PeerSide[], seconds: number, log: (line: string) => void): Promise<PeerRuns[]> {
  const stamp = Date.now().toString(36);
  const step = async (run: (side: PeerSide) => Promise<LoadResult>): Promise<LoadResult[]> => {
    const results: LoadResult[] = [];
    for (const side of sides) {
      results.push(await run(side));
      await side.settle();
    }
    return results;
  };
  await step((side) => runLoad(side.spec(`${side.name}-warm-${stamp}`, 0, 1)));
  const distinct = await step((side) => runLoad(side.spec(`${side.name}-distinct-${stamp}`, 0, seconds)));
  log(`peer: distinct ${sides.map((side, i) => `${side.name} ${Math.round(distinct[i].perSecond)}/s`).join(', ')}`);
  await step(async (side) => {
    // Request i carries key i % 1,000 in sending order, so a clean run that answered 1,000 more than it had in
    // flight has sent every key (wrk also calls request() once before it starts, which only shifts the keys by one).
    for (let primeSeconds = 1; ; primeSeconds *= 2) {
      const prime = await runLoad(side.spec(`${side.name}-repeated-${stamp}`, PEER_REPEATED_KEYS, primeSeconds));
      if (prime.ok > PEER_REPEATED_KEYS + PEER_CONNECTIONS && clean(prime)) return prime;
      if (primeSeconds >= 16) throw new Error(`${side.name} did not take the ${PEER_REPEATED_KEYS} repeated keys: ${JSON.stringify(prime)}`);
    }
  });
  const repeated = await step((side) => runLoad(side.spec(`${side.name}-repeated-${stamp}`, PEER_REPEATED_KEYS, seconds)));
  log(`peer: repeated ${sides.map((side, i) => `${side.name} ${Math.round(repeated[i].perSecond)}/s`).join(', ')}`);
  return sides.map((_, i) => ({ distinct: distinct[i], repeated: repeated[i] }));
}

/**
 * Issue 13's peer comparison: Prometheus Alertmanager in memory, the durable
 * floor (bench/lib/floor-server.ts: what any Node.js service that answers after
 * a PostgreSQL commit reaches on this machine) and Klaxon (KLAXON_ROLE=all,
 * durable) loaded the same way, one after the other: one alert per request,
 * the same generator and connections, distinct keys then 1,000 repeated keys. Without an Alertmanager binary the peer is skipped with
 * a note and Klaxon's side still runs. `BENCH_PEER_LAYOUT=split` runs Klaxon
 * as production does instead: a `KLAXON_ROLE=api` process taking the load and
 * a `KLAXON_ROLE=worker` process paging.
 */
export const peerScenario: Scenario = {
  id: 'peer',
  title: 'Klaxon vs Prometheus Alertmanager: distinct and repeated alerts, one after the other',
  kind: 'own',
  async run(ctx: BenchContext): Promise<BenchRow[]> {
    const seconds = ctx.quick ? 3 : 15;
    const binary = findAlertmanager();
    if (!binary) ctx.log('peer: no prometheus-alertmanager binary (apt-get install prometheus-alertmanager): Alertmanager skipped, Klaxon measured alone');
    const am = binary ? await AlertmanagerProcess.create(binary, ctx.workDir, ctx.logDir) : null;
    const floor = await FloorProcess.create(ctx.databaseUrl, ctx.logDir);
    const split = process.env.BENCH_PEER_LAYOUT === 'split';
    const layout = split ? 'KLAXON_ROLE=api and a worker process' : 'KLAXON_ROLE=all';
    const klaxon = await ctx.klaxonProcess('peer', { ...ctx.serverEnv, KLAXON_ROLE: split ? 'api' : 'all' });
    const worker = split ? await ctx.klaxonProcess('peer-worker', { ...ctx.serverEnv, KLAXON_ROLE: 'worker' }) : null;
    try {
      const sides: PeerSide[] = [];
      if (am && binary) {
        const readyMs = await am.start();
        ctx.log(`peer: Alertmanager ${binary.version} (${binary.path}, pid ${am.pid}) ready in ${readyMs} ms at ${am.url}`);
        sides.push({
          name: 'alertmanager',
          spec: (prefix, keys, s) => ({ target: 'alertmanager', url: am.url, connections: PEER_CONNECTIONS, durationSeconds: s, dedupKeys: keys, dedupPrefix: prefix }),
          settle: async () => undefined,
        });
      }
      await floor.start();
      sides.push({
        name: 'floor',
        spec: (prefix, keys, s) => ({ url: floor.url, connections: PEER_CONNECTIONS, durationSeconds: s, routingKeys: ['floor'], dedupKeys: keys, dedupPrefix: prefix }),
        settle: async () => undefined,
      });
      const readyMs = await klaxon.start();
      if (worker) await worker.start();
      ctx.log(`peer: Klaxon (${layout}, pid ${klaxon.pid}${worker ? ` and ${worker.pid}` : ''}) ready in ${readyMs} ms at ${klaxon.url}`);
      const [svc] = await createServices(klaxon.url, 1, 'peer');
      const settleMs = ctx.quick ? 20_000 : 180_000;
      sides.push({
        name: 'klaxon',
        spec: (prefix, keys, s) => ({ url: klaxon.url, connections: PEER_CONNECTIONS, durationSeconds: s, routingKeys: [svc.routingKey], dedupKeys: keys, dedupPrefix: prefix }),
        settle: async () => {
          const ms = await waitForIdle(ctx.db, settleMs);
          if (ms === null) ctx.log(`peer: Klaxon's worker still had pages, due timers or unclaimed incidents after ${settleMs / 1000} s; the next run starts anyway`);
        },
      });
      const runs = await measure(sides, seconds, ctx.log);
      const comparison: PeerComparison = {
        alertmanager: binary && runs.length === 3 ? { ...runs[0], version: binary.version } : null,
        floor: runs[runs.length - 2],
        klaxon: runs[runs.length - 1],
        seconds,
      };
      for (const line of formatPeerTable(comparison).split('\n')) ctx.log(line);
      return peerRows(comparison);
    } finally {
      await klaxon.stop();
      await worker?.stop();
      await am?.stop();
      await floor.stop();
    }
  },
};
