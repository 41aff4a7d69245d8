import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { formatTable, parseArgs } from './run';
import { summarizeProfile } from './lib/cpu-profile-summary';
import { percentile, summarize } from './lib/stats';
import { TcpRoundRobin } from './lib/tcp-round-robin';
import { parseWrkOutput, wrkScript } from './lib/wrk';
import { REQUIRED_SCENARIOS, SCENARIOS, scenarioNumbers } from './scenarios';
import type { BenchContext } from './lib/bench-types';

// The server scenarios start PostgreSQL and Klaxon processes and run for minutes:
// they are run by hand (`npm run bench -- --quick`), not under jest. This file checks
// the suite's shape and runs the pure scenarios in quick mode.

describe('bench suite', () => {
  it('lists every scenario of issue 7 exactly once', () => {
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
    expect(script).toContain(`local keys = { "${'k'.repeat(32)}" }`);
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
});
