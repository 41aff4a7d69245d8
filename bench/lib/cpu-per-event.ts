/**
 * The pure parts of `npm run bench:cpu` (bench/cpu-per-event.ts): its
 * arguments, and the per-event arithmetic on readings taken before and after
 * a run. No I/O here, so bench.spec.ts checks it.
 */

export type CpuLoad = 'distinct' | 'repeated';

export interface CpuArgs {
  load: CpuLoad;
  seconds: number;
  /** Run the api process alone: new incidents are opened, never claimed or paged. */
  worker: boolean;
  /** One `KLAXON_ROLE=all` process (api and worker in one event loop, the peer bench's default) instead of two; its CPU reads as the api's. */
  all: boolean;
  /** Row writes per table and WAL per event (pg_stat_user_tables, pg_stat_wal). */
  tables: boolean;
  /** The statements' time per event (pg_stat_statements, which the server must preload). */
  statements: boolean;
  /** KLAXON_SMS_RATE_LIMIT_PER_MINUTE for the run: the bench lifts it (every incident's SMS sent); 5 is the product's default. */
  smsLimit: number;
  build: boolean;
  /** Run both processes with --cpu-prof and print where each spent its time. */
  profile: boolean;
  /** `perf record -a` over the measured load: the machine's CPU by process and kind of code (needs Linux perf). */
  perf: boolean;
  /** How many open incidents `repeated` re-sends (1,000; a handful is an alert storm on a few keys). */
  keys: number;
}

const positive = (name: string, text: string): number => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number, not ${JSON.stringify(text)}`);
  return n;
};

export function parseCpuArgs(argv: readonly string[]): CpuArgs {
  const value = (name: string): string | undefined => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const loads = argv.filter((a) => !a.startsWith('--'));
  const load = loads[0] ?? 'repeated';
  if (loads.length > 1 || (load !== 'distinct' && load !== 'repeated')) throw new Error(`one load, distinct or repeated, not ${JSON.stringify(loads.join(' '))}`);
  const known = new Set(['--no-worker', '--all', '--tables', '--statements', '--no-build', '--profile', '--perf']);
  const unknown = argv.filter((a) => a.startsWith('--') && !known.has(a) && !/^--(seconds|sms-limit|keys)=/.test(a));
  if (unknown.length) throw new Error(`unknown option ${unknown[0]}`);
  if (argv.includes('--all') && argv.includes('--no-worker')) throw new Error('--all runs the worker in the api process: it cannot go with --no-worker');
  if (argv.includes('--profile') && argv.includes('--perf')) throw new Error('--profile and --perf each sample the processes: run one at a time');
  return {
    load,
    seconds: positive('seconds', value('seconds') ?? '10'),
    worker: !argv.includes('--no-worker'),
    all: argv.includes('--all'),
    tables: argv.includes('--tables'),
    statements: argv.includes('--statements'),
    smsLimit: positive('sms-limit', value('sms-limit') ?? '1000000'),
    build: !argv.includes('--no-build'),
    profile: argv.includes('--profile'),
    perf: argv.includes('--perf'),
    keys: positive('keys', value('keys') ?? '1000'),
  };
}

/** CPU ms of each process at one instant; a process that is not there reads 0. */
export type CpuReading = Record<'api' | 'worker' | 'postgres', number>;

/** µs of CPU per event of each process between two readings. */
export function cpuPerEvent(before: CpuReading, after: CpuReading, events: number): CpuReading {
  const per = (k: keyof CpuReading) => (events > 0 ? Math.round(((after[k] - before[k]) * 1000) / events) : 0);
  return { api: per('api'), worker: per('worker'), postgres: per('postgres') };
}

/** One table's write counters (pg_stat_user_tables). */
export interface TableCounters {
  table: string;
  inserted: number;
  updated: number;
  hotUpdated: number;
  deleted: number;
}

/** Rows written per event, by table, for the tables the run wrote; most written first. */
export function tableWritesPerEvent(before: readonly TableCounters[], after: readonly TableCounters[], events: number): TableCounters[] {
  const earlier = new Map(before.map((t) => [t.table, t]));
  const per = (n: number) => (events > 0 ? Math.round((n * 100) / events) / 100 : 0);
  return after
    .map((a) => {
      const b = earlier.get(a.table) ?? { table: a.table, inserted: 0, updated: 0, hotUpdated: 0, deleted: 0 };
      return {
        table: a.table,
        inserted: per(a.inserted - b.inserted),
        updated: per(a.updated - b.updated),
        hotUpdated: per(a.hotUpdated - b.hotUpdated),
        deleted: per(a.deleted - b.deleted),
      };
    })
    .filter((t) => t.inserted + t.updated + t.deleted > 0)
    .sort((x, y) => y.inserted + y.updated + y.deleted - (x.inserted + x.updated + x.deleted));
}
