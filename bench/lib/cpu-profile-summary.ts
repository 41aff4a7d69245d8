/**
 * `node -r ts-node/register/transpile-only bench/lib/cpu-profile-summary.ts <file.cpuprofile> [top]`
 * Prints the functions with the most self time, and the share of each source
 * file, from a V8 CPU profile (node --cpu-prof). A flame graph without a browser.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

export function summarizeProfile(profile: { nodes: ProfileNode[]; samples?: number[] }, top = 25): string {
  const total = profile.nodes.reduce((n, x) => n + (x.hitCount ?? 0), 0) || 1;
  const byFn = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const n of profile.nodes) {
    const hits = n.hitCount ?? 0;
    if (!hits) continue;
    const file = n.callFrame.url.replace(/^file:\/\//, '').replace(/.*node_modules\//, 'npm:').replace(/.*klaxon-bench\//, '') || '(native)';
    const fn = `${n.callFrame.functionName || '(anonymous)'}  ${file}:${n.callFrame.lineNumber + 1}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + hits);
    const pkg = file.startsWith('npm:') ? file.split('/').slice(0, file.startsWith('npm:@') ? 2 : 1).join('/') : file;
    byFile.set(pkg, (byFile.get(pkg) ?? 0) + hits);
  }
  const pct = (h: number) => `${((100 * h) / total).toFixed(1).padStart(5)}%`;
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [
    'self time by function:',
    ...sorted(byFn).map(([k, h]) => `  ${pct(h)}  ${k}`),
    'self time by package / file:',
    ...sorted(byFile).map(([k, h]) => `  ${pct(h)}  ${k}`),
  ].join('\n');
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: cpu-profile-summary <file.cpuprofile> [top]\n');
    process.exit(2);
  }
  process.stdout.write(summarizeProfile(JSON.parse(readFileSync(file, 'utf8')), Number(process.argv[3] ?? 25)) + '\n');
}
