import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LoadResult, LoadSpec } from './load';
import { loadTarget, lua } from './load-targets';

/**
 * wrk (C, one thread, epoll) as the closed-loop load generator when it is
 * installed (`apt-get install wrk`): it spends a fraction of autocannon's CPU
 * per request, and on a 2-core machine every cycle the generator takes is one
 * Klaxon and PostgreSQL do not get. It is also what Prometheus Alertmanager's
 * reference figure was measured with, and the peer scenario runs it against both.
 * The request bodies are the same as autocannon's (load-targets.ts), made by a Lua
 * `request()`.
 */
export function wrkAvailable(): boolean {
  if (process.env.BENCH_LOAD === 'autocannon') return false;
  const found = spawnSync('wrk', ['--version'], { stdio: 'ignore' });
  return !found.error;
}

export function wrkScript(spec: LoadSpec): string {
  const target = loadTarget(spec);
  return `
${target.luaLocals(spec)}
local prefix = ${lua(spec.dedupPrefix)}
local dedupKeys = ${spec.dedupKeys}
local n = 0
local headers = { ["Content-Type"] = "application/json" }

request = function()
  local i = n
  n = n + 1
  local key
  if dedupKeys > 0 then key = prefix .. "-" .. (i % dedupKeys) else key = prefix .. "-" .. i end
  local body = ${target.luaBody}
  return wrk.format("POST", ${lua(target.path)}, headers, body)
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests":%d,"durationUs":%d,"status":%d,"connect":%d,"read":%d,"write":%d,"timeout":%d,"p50":%d,"p99":%d,"max":%d}\\n',
    summary.requests, summary.duration, e.status, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(99), latency.max))
end
`;
}

interface WrkSummary {
  requests: number;
  durationUs: number;
  status: number;
  connect: number;
  read: number;
  write: number;
  timeout: number;
  p50: number;
  p99: number;
  max: number;
}

export function parseWrkOutput(out: string): LoadResult {
  const line = out.split('\n').find((l) => l.startsWith('WRKJSON '));
  if (!line) throw new Error(`wrk printed no summary: ${out.slice(-500)}`);
  const s = JSON.parse(line.slice('WRKJSON '.length)) as WrkSummary;
  const seconds = s.durationUs / 1e6;
  const errors = s.connect + s.read + s.write;
  const ok = s.requests - s.status;
  return {
    requests: s.requests,
    ok,
    non2xx: s.status,
    errors,
    timeouts: s.timeout,
    seconds,
    perSecond: ok / seconds,
    latencyP50: Math.round(s.p50 / 100) / 10,
    latencyP99: Math.round(s.p99 / 100) / 10,
    latencyMax: Math.round(s.max / 100) / 10,
  };
}

/** A closed-loop run of `spec.durationSeconds` with one wrk thread. */
export function runWrk(spec: LoadSpec): Promise<LoadResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'klaxon-wrk-'));
  const script = path.join(dir, `${spec.target ?? 'events-v2'}.lua`);
  writeFileSync(script, wrkScript(spec));
  const args = ['-t1', `-c${spec.connections}`, `-d${spec.durationSeconds}s`, '--timeout', '30s', '-s', script, spec.url];
  return new Promise<LoadResult>((resolve, reject) => {
    const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => {
      try {
        if (code !== 0) throw new Error(`wrk exited ${code}: ${out.slice(-500)}`);
        resolve(parseWrkOutput(out));
      } catch (e) {
        reject(e);
      }
    });
  }).finally(() => rmSync(dir, { recursive: true, force: true }));
}
