import { spawn } from 'node:child_process';
import path from 'node:path';

export interface LoadSpec {
  url: string;
  connections: number;
  durationSeconds?: number;
  /** Stop after this many requests instead of after a duration. */
  amount?: number;
  /** Requests per second across all connections (open-loop pacing); omit for as fast as possible. */
  overallRate?: number;
  routingKeys: string[];
  /** Distinct dedup keys cycled through; 0 = every request its own key. */
  dedupKeys: number;
  dedupPrefix: string;
}

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
}

/** Runs autocannon (Events v2 triggers) in a child process; resolves with its summary. */
export function runLoad(spec: LoadSpec): Promise<LoadResult> {
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
