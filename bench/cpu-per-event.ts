/**
 * `npm run bench:cpu -- [distinct|repeated] [--seconds=10] [--no-worker | --all]
 * [--tables] [--statements] [--sms-limit=N] [--keys=N] [--profile | --perf] [--no-build]`
 *
 * The CPU one event costs each process, which the host's speed moves far less
 * than a rate: Klaxon as production runs it (a `KLAXON_ROLE=api` and a
 * `KLAXON_ROLE=worker` process) on a fresh database, one service, wrk (or
 * autocannon) with 32 connections for `--seconds`; `distinct` sends a new
 * key each time (a new incident, paged), `repeated` re-sends 1,000 keys
 * (`--keys`) whose incidents are open (`--all`: one `KLAXON_ROLE=all` process instead, whose
 * CPU reads as the api's). Prints the rate, the 202 p99 and the µs of CPU per event
 * of the api, the worker and PostgreSQL (from /proc: Linux only), during the
 * run and while the worker finishes what the run left. PostgreSQL's figure
 * sums every `postgres` process on the machine: run it on a quiet one.
 * `--perf` also runs `perf record -a` over the measured load and prints the
 * whole machine's CPU by role (api, worker, bench, postgres, wrk, idle, other) and,
 * inside each, by kind of code (JavaScript, node and V8, kernel, libc,
 * postgres): what the two cores did, which per-process CPU cannot show.
 *
 * Database: with DATABASE_URL, a new database on that server (the role needs
 * CREATEDB), dropped afterwards; without it, the embedded PostgreSQL in a
 * temporary folder. `--statements` needs `pg_stat_statements` in the server's
 * shared_preload_libraries.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { runMigrations } from '../src/database/run-migrations';
import { summarizeProfile } from './lib/cpu-profile-summary';
import { CpuArgs, cpuPerEvent, CpuReading, parseCpuArgs, TableCounters, tableWritesPerEvent } from './lib/cpu-per-event';
import { waitForIdle } from './lib/drain';
import { createServices } from './lib/klaxon-api';
import { buildKlaxon, KlaxonProcess } from './lib/klaxon-process';
import { runLoad } from './lib/load';
import { formatShares, otherCommands, parsePidDso, shareByRole } from './lib/perf-split';
import { processCpuMs } from './lib/process-cpu';
import { TimingTwilioServer } from './lib/timing-twilio.server';

const CONNECTIONS = 32;
const DRAIN_MS = 120_000;

function postgresCpuMs(): number {
  let pids: number[] = [];
  try {
    pids = execFileSync('pgrep', ['postgres']).toString().trim().split('\n').filter(Boolean).map(Number);
  } catch {
    // pgrep exits 1 when nothing matches.
  }
  return pids.reduce((sum, pid) => sum + (processCpuMs(pid) ?? 0), 0);
}

/** A fresh database: on DATABASE_URL's server, or an embedded server; `drop` removes it. */
async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'klaxon-cpu-'));
    const embedded = await startEmbeddedPostgres(path.join(dir, 'db'), () => undefined);
    return { url: embedded.url, drop: async () => (await embedded.stop(), rmSync(dir, { recursive: true, force: true })) };
  }
  const name = `klaxon_cpu_${Date.now().toString(36)}`;
  const admin = new Pool({ connectionString: base, max: 1 });
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

async function tableCounters(db: Pool): Promise<TableCounters[]> {
  const { rows } = await db.query(
    'SELECT relname AS "table", n_tup_ins::float8 AS inserted, n_tup_upd::float8 AS updated, n_tup_hot_upd::float8 AS "hotUpdated", n_tup_del::float8 AS deleted FROM pg_stat_user_tables',
  );
  return rows as TableCounters[];
}

async function walCounters(db: Pool): Promise<{ records: number; fullPages: number; bytes: number }> {
  const { rows } = await db.query('SELECT wal_records::float8 AS records, wal_fpi::float8 AS "fullPages", wal_bytes::float8 AS bytes FROM pg_stat_wal');
  return rows[0];
}

async function measure(args: CpuArgs, url: string): Promise<void> {
  await runMigrations(url);
  const db = new Pool({ connectionString: url, max: 2 });
  const twilio = new TimingTwilioServer();
  const logDir = mkdtempSync(path.join(os.tmpdir(), 'klaxon-cpu-logs-'));
  const env = {
    DATABASE_URL: url,
    TWILIO_ACCOUNT_SID: twilio.accountSid,
    TWILIO_AUTH_TOKEN: twilio.authToken,
    TWILIO_FROM: '+14155550000',
    TWILIO_API_URL: await twilio.start(),
    KLAXON_SMS_RATE_LIMIT_PER_MINUTE: String(args.smsLimit),
    LOG_LEVEL: 'warn',
  };
  // Kept after the run (git-ignored), for a closer look than the summary printed here.
  const profileDir = (role: string) => path.join(__dirname, 'results', 'profiles', `cpu-${role}`);
  // --perf: names for the JavaScript in perf's samples (/tmp/perf-<pid>.map), V8's log in the temporary folder.
  const perfArgs = ['--perf-basic-prof', '--no-logfile-per-isolate', `--logfile=${path.join(logDir, 'v8-%p.log')}`];
  const nodeArgs = (role: string) => (args.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir(role)}`] : args.perf ? perfArgs : []);
  const api = await KlaxonProcess.create({ name: 'api', env: { ...env, KLAXON_ROLE: args.all ? 'all' : 'api' }, logDir, nodeArgs: nodeArgs('api') });
  const worker = await KlaxonProcess.create({ name: 'worker', env: { ...env, KLAXON_ROLE: 'worker' }, logDir, nodeArgs: nodeArgs('worker') });
  try {
    await api.start();
    if (args.worker && !args.all) await worker.start();
    const settle = async () => {
      if (args.worker) await waitForIdle(db, DRAIN_MS);
    };
    const [svc] = await createServices(api.url, 1, 'cpu');
    const stamp = Date.now().toString(36);
    const spec = (prefix: string, keys: number, seconds: number) => ({
      url: api.url,
      connections: CONNECTIONS,
      durationSeconds: seconds,
      routingKeys: [svc.routingKey],
      dedupKeys: keys,
      dedupPrefix: prefix,
    });
    await runLoad(spec(`warm-${stamp}`, 0, 1));
    await settle();
    const keys = args.load === 'repeated' ? args.keys : 0;
    const prefix = `${args.load}-${stamp}`;
    if (keys) {
      await runLoad(spec(prefix, keys, 2));
      await settle();
    }
    if (args.statements) {
      await db.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
      await db.query('SELECT pg_stat_statements_reset()');
    }
    const reading = (): CpuReading => ({ api: processCpuMs(api.pid) ?? 0, worker: processCpuMs(worker.pid) ?? 0, postgres: postgresCpuMs() });
    // The statistics collector reports within a second or so: let the priming's writes reach the counters first.
    if (args.tables) await new Promise((resolve) => setTimeout(resolve, 1500));
    const tables0 = await tableCounters(db);
    const wal0 = await walCounters(db);
    const c0 = reading();
    const perf = args.perf ? recordMachine(path.join(logDir, 'perf.data'), args.seconds) : null;
    perf?.catch(() => undefined); // awaited below; a failed load must not leave it unhandled meanwhile
    const result = await runLoad(spec(prefix, keys, args.seconds));
    const c1 = reading();
    if (perf) {
      // bench: this process (its database pool, the fake Twilio, wrk's parent).
      const threads = { api: threadsOf(api.pid), worker: threadsOf(worker.pid), bench: threadsOf(process.pid) };
      const rows = parsePidDso(await perf);
      const others = otherCommands(rows, threads).map((o) => `${o.comm} ${o.percent} %`);
      console.log(`perf, the whole machine during the load:\n${formatShares(shareByRole(rows, threads))}\nother: ${others.join(', ')}`);
    }
    const started = Date.now();
    await settle();
    const drainMs = args.worker ? Date.now() - started : null;
    const c2 = reading();
    const events = result.ok;
    console.log(
      JSON.stringify({
        load: args.load,
        worker: args.worker,
        layout: args.all ? 'all' : 'api+worker',
        eventsPerSecond: Math.round(result.perSecond),
        p99Ms: result.latencyP99,
        non2xx: result.non2xx,
        errors: result.errors,
        cpuUsPerEvent: cpuPerEvent(c0, c1, events),
        afterTheRun: { drainMs, cpuUsPerEvent: cpuPerEvent(c1, c2, events) },
      }),
    );
    if (args.tables) {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const wal1 = await walCounters(db);
      const perEvent = (n: number) => Math.round((n * 100) / Math.max(events, 1)) / 100;
      console.log(`WAL per event: ${Math.round((wal1.bytes - wal0.bytes) / Math.max(events, 1))} bytes, ${perEvent(wal1.records - wal0.records)} records, ${perEvent(wal1.fullPages - wal0.fullPages)} full pages`);
      for (const t of tableWritesPerEvent(tables0, await tableCounters(db), events)) {
        console.log(`${t.table.padEnd(28)} inserted ${t.inserted}  updated ${t.updated} (HOT ${t.hotUpdated})  deleted ${t.deleted}`);
      }
    }
    if (args.statements) {
      const { rows } = await db.query(
        `SELECT calls::int, round((total_exec_time * 1000 / $1)::numeric, 1)::float8 AS us, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS query
           FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
          ORDER BY total_exec_time DESC LIMIT 12`,
        [Math.max(events, 1)],
      );
      for (const r of rows) console.log(`${String(r.us).padStart(8)} µs/event ${String(r.calls).padStart(7)} calls  ${r.query}`);
    }
  } finally {
    const pids = [api.pid, worker.pid];
    await api.stop();
    await worker.stop();
    for (const pid of args.perf ? pids : []) rmSync(`/tmp/perf-${pid}.map`, { force: true });
    await twilio.stop();
    await db.end();
    // A profile covers the process's whole life, its start included (module loading shows as cjs/loader).
    for (const role of args.profile ? (args.all ? ['api'] : ['api', 'worker']) : []) {
      for (const file of readdirSync(profileDir(role), { withFileTypes: true }).filter((f) => f.name.endsWith('.cpuprofile'))) {
        console.log(`${role} (${path.join(profileDir(role), file.name)}):\n${summarizeProfile(JSON.parse(readFileSync(path.join(profileDir(role), file.name), 'utf8')), 30)}`);
      }
    }
    rmSync(logDir, { recursive: true, force: true });
  }
}

/** The ids of a process's threads (perf samples threads); none when it is not running. */
function threadsOf(pid: number | undefined): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).map(Number);
  } catch {
    return [];
  }
}

/**
 * `perf record -a` (every process, cpu-clock samples at 999 Hz) for `seconds`,
 * then the report by pid and shared object (perf-split.ts reads it).
 */
async function recordMachine(file: string, seconds: number): Promise<string> {
  const recording = spawn('perf', ['record', '-a', '-F', '999', '-o', file, '--', 'sleep', String(seconds)], { stdio: 'ignore' });
  const code = await new Promise<number | null>((resolve, reject) => recording.on('error', reject).on('exit', resolve));
  if (code !== 0) throw new Error(`perf record exited with ${code}`);
  return execFileSync('perf', ['report', '-i', file, '--stdio', '--no-children', '--sort', 'pid,dso'], { maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] }).toString();
}

async function main(): Promise<void> {
  const args = parseCpuArgs(process.argv.slice(2));
  if (args.perf && spawnSync('perf', ['--version'], { stdio: 'ignore' }).error) {
    throw new Error('--perf needs Linux perf on the PATH (Debian: apt-get install linux-perf)');
  }
  if (args.build) {
    const warning = buildKlaxon();
    if (warning) console.error(`WARNING ${warning}`);
  }
  const database = await freshDatabase();
  try {
    await measure(args, database.url);
  } finally {
    await database.drop();
  }
}

if (require.main === module) {
  main().catch((e: Error) => {
    console.error(e.message);
    process.exit(1);
  });
}
