/**
 * Runs in its own process (spawned by load.ts) so the load generator never
 * competes with the bench's own event loop (fake providers, pollers).
 * Input: one JSON argument (LoadSpec); output: one JSON line (LoadResult).
 */
import type { LoadResult, LoadSpec } from './load';
import { loadTarget, requestBody } from './load-targets';

/** The part of autocannon 8's result this runner reads (the package ships no types). */
interface AutocannonResult {
  start: Date;
  finish: Date;
  requests: { total: number };
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
  latency: { p50: number; p99: number; max: number };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon: (opts: object, done: (err: Error | null, r: AutocannonResult) => void) => { stop(): void } = require('autocannon');

function main(): void {
  const spec: LoadSpec = JSON.parse(process.argv[2]);
  const target = loadTarget(spec);
  let n = 0;
  const run = autocannon(
    {
      url: spec.url,
      connections: spec.connections,
      ...(spec.amount ? { amount: spec.amount } : { duration: spec.durationSeconds }),
      ...(spec.overallRate ? { overallRate: spec.overallRate } : {}),
      timeout: 30,
      requests: [
        {
          method: 'POST',
          path: target.path,
          headers: { 'content-type': 'application/json' },
          setupRequest: (req: Record<string, unknown>) => ({ ...req, body: requestBody(spec, n++) }),
        },
      ],
    },
    (err: Error | null, r: AutocannonResult) => {
      if (err) {
        process.stdout.write(JSON.stringify({ error: String(err) }) + '\n');
        process.exit(1);
      }
      const seconds = (new Date(r.finish).getTime() - new Date(r.start).getTime()) / 1000;
      const result: LoadResult = {
        requests: r.requests.total,
        ok: r['2xx'],
        non2xx: r.non2xx,
        errors: r.errors,
        timeouts: r.timeouts,
        seconds,
        perSecond: r['2xx'] / seconds,
        latencyP50: r.latency.p50,
        latencyP99: r.latency.p99,
        latencyMax: r.latency.max,
      };
      process.stdout.write(JSON.stringify(result) + '\n');
    },
  );
  process.once('SIGTERM', () => run.stop());
}

main();
