import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { formatTable, parseArgs } from './run';
import { alertmanagerArgs, alertmanagerConfig, findAlertmanager, parseAlertmanagerVersion } from './lib/alertmanager-process';
import { summarizeProfile } from './lib/cpu-profile-summary';
import { cpuPerEvent, parseCpuArgs, tableWritesPerEvent } from './lib/cpu-per-event';
import { formatShares, otherCommands, parsePidDso, shareByRole } from './lib/perf-split';
import type { LoadResult } from './lib/load';
import { requestBody, requestKey } from './lib/load-targets';
import { percentile, summarize } from './lib/stats';
import { TcpRoundRobin } from './lib/tcp-round-robin';
import { parseWrkOutput, wrkScript } from './lib/wrk';
import { REQUIRED_SCENARIOS, SCENARIOS, scenarioNumbers } from './scenarios';
import { formatPeerTable, peerRatio, peerRows, PeerComparison } from './scenarios/peer.scenario';
import type { BenchContext } from './lib/bench-types';
import { benchRouterRules } from './scenarios/routing.scenario';
import { adaptEventsV2 } from '../src/ingest/sources/events-v2.adapter';
import { eventFacts } from '../src/routing/rules/event-facts';
import { compileRouter, evaluate } from '../src/routing/rules/evaluate';
import { parseRouterRules } from '../src/routing/rules/router-rules';

// The server scenarios start PostgreSQL and Klaxon processes and run for minutes:
// they are run by hand (`npm run bench -- --quick`), not under jest. This file checks
// the suite's shape and runs the pure scenarios in quick mode.

describe('bench suite', () => {
  it('lists every scenario of issue 7, the peer comparison and the growth run, exactly once', () => {
    const numbers = SCENARIOS.flatMap(scenarioNumbers);
    expect([...numbers].sort()).toEqual([...REQUIRED_SCENARIOS].sort());
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('runs the storm before the RSS reading, and the process-owning scenarios last', () => {
    const ids = SCENARIOS.map((s) => s.id);
    expect(ids.indexOf('4')).toBeLessThan(ids.indexOf('8'));
    const firstOwn = SCENARIOS.findIndex((s) => s.kind === 'own');
    expect(SCENARIOS.slice(firstOwn).every((s) => s.kind === 'own')).toBe(true);
  });

  it('runs the pure scenarios in quick mode with finite figures against their goals', async () => {
    const ctx = { quick: true, log: () => undefined, shared: {} } as unknown as BenchContext;
    const rows = (await Promise.all(SCENARIOS.filter((s) => s.kind === 'pure').map((s) => s.run(ctx)))).flat();
    expect(rows.map((r) => r.id)).toEqual(expect.arrayContaining(['5', '6']));
    for (const r of rows) {
      expect(Number.isFinite(r.value)).toBe(true);
      expect(r.value).toBeGreaterThan(0);
      expect(typeof r.met).toBe('boolean');
    }
  }, 60_000);
});

describe('bench helpers', () => {
  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([], 50)).toBeNaN();
    expect(summarize([3, 1, 2])).toEqual({ count: 3, p50: 2, p99: 3, max: 3 });
  });

  it('parses the command line', () => {
    expect(parseArgs(['--quick', '--only=1,3', '--profile'])).toEqual({ quick: true, only: ['1', '3'], profile: true, build: true });
    expect(parseArgs(['--no-build'])).toEqual({ quick: false, only: null, profile: false, build: false });
  });

  it('prints a table with a verdict per row', () => {
    const table = formatTable([
      { id: '1', scenario: 'ingest', value: 3100, unit: 'events/s', goal: '>= 3000', met: true },
      { id: '8', scenario: 'rss', value: 120, unit: 'MiB', goal: 'reported', met: null },
      { id: '3', scenario: 'timers', value: 1500, unit: 'ms', goal: '< 1000 ms', met: false },
    ]);
    const lines = table.split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[2]).toMatch(/^1 .*3100 events\/s.*met\s*$/);
    expect(lines[3]).toMatch(/ - \s*$/);
    expect(lines[4]).toMatch(/NOT MET\s*$/);
  });

  it('summarises a CPU profile by self time', () => {
    const profile = {
      nodes: [
        { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 }, hitCount: 0 },
        { id: 2, callFrame: { functionName: 'hot', url: 'file:///x/node_modules/typeorm/a.js', lineNumber: 9 }, hitCount: 3 },
        { id: 3, callFrame: { functionName: 'cold', url: 'file:///x/src/b.js', lineNumber: 0 }, hitCount: 1 },
      ],
    };
    const text = summarizeProfile(profile);
    expect(text).toContain(' 75.0%  hot  npm:typeorm/a.js:10');
    expect(text).toContain(' 75.0%  npm:typeorm');
  });

  it('spreads connections over the backends in turn', async () => {
    const servers = await Promise.all(
      ['a', 'b'].map(
        (name) =>
          new Promise<http.Server>((resolve) => {
            const s = http.createServer((_req, res) => res.end(name));
            s.listen(0, '127.0.0.1', () => resolve(s));
          }),
      ),
    );
    const proxy = new TcpRoundRobin(servers.map((s) => ({ host: '127.0.0.1', port: (s.address() as AddressInfo).port })));
    const url = await proxy.start();
    try {
      const get = () =>
        new Promise<string>((resolve, reject) => {
          http.get(url, { agent: false }, (res) => {
            let body = '';
            res.on('data', (c) => (body += c));
            res.on('end', () => resolve(body));
          }).on('error', reject);
        });
      const answers = [await get(), await get(), await get(), await get()];
      expect(answers).toEqual(['a', 'b', 'a', 'b']);
    } finally {
      await proxy.stop();
      for (const s of servers) {
        s.closeAllConnections();
        await new Promise((resolve) => s.close(resolve));
      }
    }
  });

  it('writes a wrk script that sends the same Events v2 triggers as autocannon, and reads its summary', () => {
    const script = wrkScript({ url: 'http://127.0.0.1:1', connections: 32, routingKeys: ['k'.repeat(32)], dedupKeys: 1000, dedupPrefix: 'ingest-1' });
    expect(script).toContain(`local routingKeys = { "${'k'.repeat(32)}" }`);
    expect(script).toContain('local dedupKeys = 1000');
    expect(script).toContain('wrk.format("POST", "/v2/enqueue", headers, body)');
    const out = 'Running 20s test\nWRKJSON {"requests":60500,"durationUs":20000000,"status":500,"connect":0,"read":1,"write":0,"timeout":2,"p50":8312,"p99":41234,"max":120000}\n';
    expect(parseWrkOutput(out)).toEqual({
      requests: 60500,
      ok: 60000,
      non2xx: 500,
      errors: 1,
      timeouts: 2,
      seconds: 20,
      perSecond: 3000,
      latencyP50: 8.3,
      latencyP99: 41.2,
      latencyMax: 120,
    });
    expect(() => parseWrkOutput('no summary')).toThrow(/no summary/);
  });

  it('gives every request its own key, or cycles over dedupKeys', () => {
    expect([0, 1, 2, 3].map((i) => requestKey({ dedupKeys: 2, dedupPrefix: 'p' }, i))).toEqual(['p-0', 'p-1', 'p-0', 'p-1']);
    expect([0, 1, 1000].map((i) => requestKey({ dedupKeys: 0, dedupPrefix: 'p' }, i))).toEqual(['p-0', 'p-1', 'p-1000']);
  });

  it('builds the Events v2 trigger and the Alertmanager alert of request i', () => {
    const base = { url: 'http://127.0.0.1:1', connections: 32, dedupKeys: 1000, dedupPrefix: 'run' };
    expect(requestBody({ ...base, routingKeys: ['a', 'b'] }, 1051)).toBe(
      '{"routing_key":"b","event_action":"trigger","dedup_key":"run-51","payload":{"summary":"run run-51 disk almost full","source":"host-1","severity":"critical"}}',
    );
    expect(requestBody({ ...base, target: 'alertmanager' }, 1051)).toBe(
      '[{"labels":{"alertname":"BenchDiskAlmostFull","instance":"run-51","job":"host-1","severity":"critical"},"annotations":{"summary":"run run-51 disk almost full"}}]',
    );
    // Distinct alerts: no two requests share a label set.
    const labels = new Set([0, 1, 2, 1000, 1001].map((i) => JSON.stringify(JSON.parse(requestBody({ ...base, dedupKeys: 0, target: 'alertmanager' }, i))[0].labels)));
    expect(labels.size).toBe(5);
  });

  it('writes a wrk script that posts one alert per request to Alertmanager', () => {
    const script = wrkScript({ target: 'alertmanager', url: 'http://127.0.0.1:1', connections: 32, dedupKeys: 0, dedupPrefix: 'peer-am' });
    expect(script).toContain('local prefix = "peer-am"');
    expect(script).toContain('local dedupKeys = 0');
    expect(script).toContain('wrk.format("POST", "/api/v2/alerts", headers, body)');
    expect(script).toContain(`'[{"labels":{"alertname":"BenchDiskAlmostFull","instance":"' .. key .. '","job":"host-' .. (i % 50) ..`);
    expect(script).not.toContain('routingKeys');
  });
});

describe('the Alertmanager peer', () => {
  it('reads the version Alertmanager prints', () => {
    expect(parseAlertmanagerVersion('alertmanager, version 0.25.0 (branch: debian/sid, revision: 0.25.0-1+b4)\n  build user: x')).toBe('0.25.0');
    expect(parseAlertmanagerVersion('prometheus, version 2.42.0')).toBeNull();
  });

  it('finds the binary BENCH_ALERTMANAGER_BIN names, and nothing when it does not run', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bench-am-'));
    try {
      const fake = path.join(dir, 'alertmanager');
      writeFileSync(fake, '#!/bin/sh\necho "alertmanager, version 9.9.9 (branch: test)" >&2\n');
      chmodSync(fake, 0o755);
      expect(findAlertmanager({ BENCH_ALERTMANAGER_BIN: fake })).toEqual({ path: fake, version: '9.9.9' });
      expect(findAlertmanager({ BENCH_ALERTMANAGER_BIN: path.join(dir, 'missing') })).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs on loopback with one receiver that sends nothing, state in its own dir, no cluster', () => {
    expect(alertmanagerConfig()).toBe('route:\n  receiver: discard\nreceivers:\n  - name: discard\n');
    expect(alertmanagerArgs('/tmp/am', 40123)).toEqual([
      '--config.file=/tmp/am/alertmanager.yml',
      '--storage.path=/tmp/am/data',
      '--web.listen-address=127.0.0.1:40123',
      '--cluster.listen-address=',
    ]);
  });

  const run = (perSecond: number, latencyP99 = 10, errors = 0): LoadResult => ({
    requests: perSecond * 15,
    ok: perSecond * 15,
    non2xx: 0,
    errors,
    timeouts: 0,
    seconds: 15,
    perSecond,
    latencyP50: 5,
    latencyP99,
    latencyMax: 100,
    generator: 'wrk',
  });
  // The figures measured before issue 13.
  const before: PeerComparison = {
    alertmanager: { version: '0.25.0', distinct: run(13156), repeated: run(12494) },
    klaxon: { distinct: run(1055, 120), repeated: run(3616, 40) },
    seconds: 15,
  };

  it('judges Klaxon by its ratio to Alertmanager, and its repeated p99', () => {
    expect(peerRatio(run(3616), run(12494))).toBe(0.29);
    const rows = Object.fromEntries(peerRows(before).map((r) => [r.id, r]));
    expect(Object.keys(rows)).toEqual(['peer-am', 'peer-k', 'peer-kc', 'peer', 'peerw-am', 'peerw-k', 'peerw-kc', 'peerw']);
    expect(rows['peer-am']).toMatchObject({ value: 13156, unit: 'alerts/s', met: null });
    expect(rows['peer']).toMatchObject({ value: 0.08, unit: 'x', goal: '>= 0.15x', met: false });
    expect(rows['peer-kc']).toMatchObject({ value: 120, met: null });
    expect(rows['peerw']).toMatchObject({ value: 0.29, goal: '>= 0.5x', met: false });
    expect(rows['peerw-kc']).toMatchObject({ value: 40, goal: '< 50 ms', met: true });

    const after = { ...before, klaxon: { distinct: run(2000), repeated: run(6500, 30) } };
    expect(peerRows(after).filter((r) => r.met !== null).every((r) => r.met)).toBe(true);
    // A ratio does not count as met when either side had failed requests.
    const failing = { ...after, alertmanager: { ...after.alertmanager!, repeated: run(12494, 10, 3) } };
    expect(peerRows(failing).find((r) => r.id === 'peerw')).toMatchObject({ met: false });
  });

  it('reports Klaxon alone, with no verdict on the ratios, when Alertmanager is not installed', () => {
    const rows = peerRows({ ...before, alertmanager: null });
    expect(rows.map((r) => r.id)).toEqual(['peer-k', 'peer-kc', 'peer', 'peerw-k', 'peerw-kc', 'peerw']);
    const ratio = rows.find((r) => r.id === 'peer')!;
    expect(ratio.value).toBeNaN();
    expect(ratio.met).toBeNull();
    expect(ratio.scenario).toContain('skipped');
    expect(formatPeerTable({ ...before, alertmanager: null })).toContain('not installed');
  });

  it('reports the durable floor as a ratio to Alertmanager, unjudged, and prints it beside Alertmanager', () => {
    const withFloor: PeerComparison = { ...before, floor: { distinct: run(16898), repeated: run(15034) } };
    const rows = Object.fromEntries(peerRows(withFloor).map((r) => [r.id, r]));
    expect(rows['peer-floor']).toMatchObject({ value: 1.28, unit: 'x', goal: 'reported', met: null });
    expect(rows['peerw-floor']).toMatchObject({ value: 1.2, unit: 'x', met: null });
    // The floor never changes Klaxon's verdicts.
    expect(rows['peerw']).toMatchObject({ value: 0.29, met: false });
    const lines = formatPeerTable(withFloor).split('\n');
    expect(lines[1]).toMatch(/^alerts\s+Alertmanager 0\.25\.0\s+durable floor \(ratio\)\s+Klaxon\s+ratio\s+goal$/);
    expect(lines[4]).toMatch(/^repeated .*12,494\/s\s+15,034\/s \(1\.20x\)\s+3,616\/s \(p99 40 ms\)\s+0\.29x/);
  });

  it('prints both sides, the ratio and the goal on one line per load', () => {
    const lines = formatPeerTable(before).split('\n');
    expect(lines[0]).toBe('Klaxon vs Prometheus Alertmanager: wrk, 32 connections, 15 s per run, one after the other');
    expect(lines[1]).toMatch(/^alerts\s+Alertmanager 0\.25\.0\s+Klaxon\s+ratio\s+goal$/);
    expect(lines[3]).toMatch(/^distinct \(a new label set \/ incident each\)\s+13,156\/s\s+1,055\/s \(p99 120 ms\)\s+0\.08x\s+>= 0\.15x: NOT MET$/);
    expect(lines[4]).toMatch(/^repeated \(1,000 firing alerts \/ open incidents\)\s+12,494\/s\s+3,616\/s \(p99 40 ms\)\s+0\.29x\s+>= 0\.5x, p99 < 50 ms: NOT MET$/);
  });
});

describe('routing scenario', () => {
  it("walks the bench's events through 19 failing rules to the 20th, which routes them", () => {
    const target = '00000000-0000-4000-8000-00000000000a';
    const def = benchRouterRules(target, '00000000-0000-4000-8000-0000000000ff');
    const parsed = parseRouterRules(def);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.value.rules).toHaveLength(20);
    expect(parsed.value.rules.filter((r) => r.when.some((c) => c.op === 'matches' || c.op === 'notMatches')).length).toBeGreaterThanOrEqual(5);
    const router = compileRouter(parsed.value);
    const spec = { url: 'http://x', connections: 1, routingKeys: ['k'.repeat(32)], dedupKeys: 1000, dedupPrefix: 'routing-1' };
    for (const i of [0, 1, 999, 1234]) {
      const adapted = adaptEventsV2(JSON.parse(requestBody(spec, i)));
      if (!adapted.ok) throw new Error(adapted.errors.join('; '));
      expect(evaluate(router, eventFacts(adapted.events[0], 'events-v2'))).toMatchObject({ kind: 'route', rule: 19, serviceId: target });
    }
  });
});

describe('npm run bench:cpu', () => {
  it('reads its load and options, with the defaults the docs give', () => {
    expect(parseCpuArgs([])).toEqual({ load: 'repeated', seconds: 10, worker: true, all: false, tables: false, statements: false, smsLimit: 1_000_000, build: true, profile: false, perf: false, keys: 1000 });
    expect(parseCpuArgs(['distinct', '--seconds=5', '--no-worker', '--tables', '--statements', '--sms-limit=5', '--keys=5', '--no-build', '--profile'])).toEqual({
      load: 'distinct',
      seconds: 5,
      worker: false,
      all: false,
      tables: true,
      statements: true,
      smsLimit: 5,
      build: false,
      profile: true,
      perf: false,
      keys: 5,
    });
  });

  it('--perf: perf record over the load', () => {
    expect(parseCpuArgs(['--perf'])).toMatchObject({ perf: true, profile: false });
  });

  it('splits a perf report by process role and kind of code', () => {
    const report = [
      '# Samples: 31K of event \'cpu-clock:ppp\'',
      '#',
      '    18.27%     6739:node             node                               ',
      '     6.88%     6739:node             [JIT] tid 6739                     ',
      '     6.25%     6739:node             [kernel.kallsyms]                  ',
      '     2.15%     6739:node             libc.so.6                          ',
      '     5.99%     6757:postgres         postgres                           ',
      '     2.04%     6757:postgres         [kernel.kallsyms]                  ',
      '                                  0x55745a204a44',
      '     4.95%     6780:postgres         postgres                           ',
      '    13.46%        0:swapper          [kernel.kallsyms]                  ',
      '     6.00%     6798:wrk              [kernel.kallsyms]                  ',
      '     0.20%     6758:node             node                               ',
      '     0.10%       78:kdamond.0        [kernel.kallsyms]                  ',
      '',
    ].join('\n');
    const rows = parsePidDso(report);
    expect(rows).toHaveLength(11);
    expect(rows[1]).toEqual({ percent: 6.88, pid: 6739, comm: 'node', dso: '[JIT] tid 6739' });
    const shares = shareByRole(rows, { api: [6739], worker: [6758, 6759] });
    expect(shares.map((s) => [s.role, s.percent])).toEqual([
      ['api', 33.6],
      ['idle', 13.5],
      ['postgres', 13],
      ['wrk', 6],
      ['worker', 0.2],
      ['other', 0.1],
    ]);
    expect(shares[0].kinds).toEqual([
      { kind: 'node and V8', percent: 54.5 },
      { kind: 'JavaScript', percent: 20.5 },
      { kind: 'kernel', percent: 18.6 },
      { kind: 'libc', percent: 6.4 },
    ]);
    expect(formatShares(shares).split('\n')[2]).toBe('postgres   13.0 % of the machine: postgres 84.3 %, kernel 15.7 %');
    expect(otherCommands(rows, { api: [6739], worker: [6758] })).toEqual([{ comm: 'kdamond.0', percent: 0.1 }]);
  });

  it('--all: one KLAXON_ROLE=all process', () => {
    expect(parseCpuArgs(['distinct', '--all'])).toMatchObject({ load: 'distinct', worker: true, all: true });
  });

  it.each([
    [['sideways'], /one load/],
    [['distinct', 'repeated'], /one load/],
    [['--seconds=0'], /--seconds must be a positive whole number/],
    [['--seconds=ten'], /--seconds must be a positive whole number/],
    [['--sms-limit=-1'], /--sms-limit must be a positive whole number/],
    [['--keys=0'], /--keys must be a positive whole number/],
    [['--quick'], /unknown option --quick/],
    [['--all', '--no-worker'], /cannot go with --no-worker/],
    [['--profile', '--perf'], /run one at a time/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCpuArgs(argv)).toThrow(message);
  });

  it('turns CPU ms read before and after into µs per event, and rows written into rows per event', () => {
    expect(cpuPerEvent({ api: 1000, worker: 50, postgres: 2000 }, { api: 2500, worker: 50, postgres: 2600 }, 10_000)).toEqual({ api: 150, worker: 0, postgres: 60 });
    expect(cpuPerEvent({ api: 0, worker: 0, postgres: 0 }, { api: 5, worker: 5, postgres: 5 }, 0)).toEqual({ api: 0, worker: 0, postgres: 0 });
    const before = [
      { table: 'incidents', inserted: 100, updated: 10, hotUpdated: 5, deleted: 0 },
      { table: 'users', inserted: 3, updated: 0, hotUpdated: 0, deleted: 0 },
    ];
    const after = [
      { table: 'incidents', inserted: 1100, updated: 2010, hotUpdated: 505, deleted: 0 },
      { table: 'users', inserted: 3, updated: 0, hotUpdated: 0, deleted: 0 },
      { table: 'alerts', inserted: 1000, updated: 0, hotUpdated: 0, deleted: 0 },
    ];
    expect(tableWritesPerEvent(before, after, 1000)).toEqual([
      { table: 'incidents', inserted: 1, updated: 2, hotUpdated: 0.5, deleted: 0 },
      { table: 'alerts', inserted: 1, updated: 0, hotUpdated: 0, deleted: 0 },
    ]);
  });
});
