/**
 * The pure half of `npm run bench:cpu -- --perf` (bench/cpu-per-event.ts runs
 * `perf record -a` over the measured load and `perf report --sort
 * pid,dso`): where the machine's CPU went, by process and, inside each, by
 * kind of code. No I/O here, so bench.spec.ts checks it.
 */

/** One line of `perf report --stdio --no-children --sort pid,dso`. */
export interface PerfRow {
  percent: number;
  /** The thread's id: perf's `pid` key tells threads apart (V8's helper threads, libuv's pool). */
  pid: number;
  comm: string;
  dso: string;
}

/** The rows of a `perf report --sort pid,dso` text; headers, call chains and blank lines are skipped. */
export function parsePidDso(text: string): PerfRow[] {
  const rows: PerfRow[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s+([\d.]+)%\s+(\d+):(\S+)\s+(.+?)\s*$/.exec(line);
    if (m) rows.push({ percent: Number(m[1]), pid: Number(m[2]), comm: m[3], dso: m[4] });
  }
  return rows;
}

/** The kind of code a shared object holds, as the split names it. */
export function codeKind(dso: string): string {
  if (dso.startsWith('[JIT]')) return 'JavaScript';
  if (dso === '[kernel.kallsyms]') return 'kernel';
  if (/^libc[.-]/.test(dso)) return 'libc';
  if (dso === 'node') return 'node and V8';
  if (dso === 'postgres') return 'postgres';
  return 'other';
}

export interface ProcessShare {
  /** A role named in `klaxonPids` (api, worker, ...), or postgres, wrk, idle or other. */
  role: string;
  /** Share of the whole machine (every core), in per cent. */
  percent: number;
  /** The role's share by kind of code, in per cent of the role, largest first. */
  kinds: Array<{ kind: string; percent: number }>;
}

/** The threads of each named process (its /proc/<pid>/task entries), by role. */
export type RoleThreads = Readonly<Record<string, readonly number[]>>;

/**
 * The machine's samples by role: the named processes by their threads, every
 * `postgres` process as one, wrk, idle (the kernel's `swapper`), and the
 * rest as other. Largest first; shares rounded to 0.1.
 */
export function shareByRole(rows: readonly PerfRow[], threads: RoleThreads): ProcessShare[] {
  const role = roleOf(threads);
  const byRole = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const name = role(r);
    const kind = codeKind(r.dso);
    const kinds = byRole.get(name) ?? new Map<string, number>();
    kinds.set(kind, (kinds.get(kind) ?? 0) + r.percent);
    byRole.set(name, kinds);
  }
  const round = (n: number) => Math.round(n * 10) / 10;
  return [...byRole]
    .map(([name, kinds]) => {
      const total = [...kinds.values()].reduce((a, b) => a + b, 0);
      return {
        role: name,
        percent: round(total),
        kinds: [...kinds]
          .map(([kind, p]) => ({ kind, percent: round((p * 100) / (total || 1)) }))
          .sort((a, b) => b.percent - a.percent),
      };
    })
    .sort((a, b) => b.percent - a.percent);
}

function roleOf(threads: RoleThreads): (r: PerfRow) => string {
  const roleOfPid = new Map(Object.entries(threads).flatMap(([role, tids]) => tids.map((tid) => [tid, role] as const)));
  return (r) => roleOfPid.get(r.pid) ?? (r.comm === 'postgres' ? 'postgres' : r.comm === 'wrk' ? 'wrk' : r.comm === 'swapper' ? 'idle' : 'other');
}

/** The commands behind the role `other` (the bench's own process, the machine's other services), largest first, shares of the machine. */
export function otherCommands(rows: readonly PerfRow[], threads: RoleThreads, top = 5): Array<{ comm: string; percent: number }> {
  const role = roleOf(threads);
  const byComm = new Map<string, number>();
  for (const r of rows.filter((x) => role(x) === 'other')) byComm.set(r.comm, (byComm.get(r.comm) ?? 0) + r.percent);
  return [...byComm]
    .map(([comm, p]) => ({ comm, percent: Math.round(p * 10) / 10 }))
    .sort((a, b) => b.percent - a.percent)
    .slice(0, top);
}

/** One line per role: `postgres   40.2 % of the machine: postgres 74.6 %, kernel 25.4 %`. */
export function formatShares(shares: readonly ProcessShare[]): string {
  return shares
    .map((s) => `${s.role.padEnd(9)} ${s.percent.toFixed(1).padStart(5)} % of the machine: ${s.kinds.map((k) => `${k.kind} ${k.percent.toFixed(1)} %`).join(', ')}`)
    .join('\n');
}
