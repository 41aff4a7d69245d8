import { spawn } from 'node:child_process';
import path from 'node:path';
import { runWrk, wrkAvailable } from './wrk';

interface LoadShape {
  url: string;
  connections: number;
  durationSeconds?: number;
  /** Stop after this many requests instead of after a duration. */
  amount?: number;
  /** Requests per second across all connections (open-loop pacing); omit for as fast as possible. */
  overallRate?: number;
  /** Distinct keys cycled through; 0 = every request its own key. */
  dedupKeys: number;
  dedupPrefix: string;
}

/** Events v2 triggers to Klaxon's `/v2/enqueue`: the key is the dedup key, rotating over `routingKeys`. */
export interface EventsV2Load extends LoadShape {
  target?: 'events-v2';
  routingKeys: string[];
}

/** One alert per POST to Alertmanager's `/api/v2/alerts`: the key is the alert's `instance` label. */
export interface AlertmanagerLoad extends LoadShape {
  target: 'alertmanager';
}

/** What a load run sends, and how hard; `load-targets.ts` turns it into request bodies for either generator. */
export type LoadSpec = EventsV2Load | AlertmanagerLoad;

export interface LoadResult {
  requests: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  seconds: number;
  perSecond: number;
  latencyP50: number;
  latencyP99: number;
  latencyMax: number;
  /** Which load generator measured it. */
  generator?: 'wrk' | 'autocannon';
}

/**
 * The spec's requests (Events v2 triggers, or Alertmanager alerts) as fast as
 * `spec.connections` closed-loop connections go (or paced / counted): wrk when
 * installed and the run is by duration, otherwise autocannon in a child
 * process. Resolves with the summary.
 */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  if (spec.durationSeconds && !spec.amount && !spec.overallRate && wrkAvailable()) {
    return { ...(await runWrk(spec)), generator: 'wrk' };
  }
  return { ...(await runAutocannon(spec)), generator: 'autocannon' };
}

function runAutocannon(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', path.join(__dirname, 'load-runner.ts'), JSON.stringify(spec)],
      { stdio: ['ignore', 'pipe', 'inherit'], cwd: path.resolve(__dirname, '..', '..') },
    );
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      try {
        const parsed = JSON.parse(line);
        if (parsed.error || code !== 0) reject(new Error(`load generator failed: ${parsed.error ?? code}`));
        else resolve(parsed as LoadResult);
      } catch {
        reject(new Error(`load generator exited ${code}: ${out.slice(-500)}`));
      }
    });
  });
}
