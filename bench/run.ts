/**
 * `npm run bench [-- --quick] [--only=1,3] [--profile] [--no-build]`
 *
 * Builds Klaxon, starts PostgreSQL (embedded, in a temp dir, unless
 * DATABASE_URL is set), a fake Twilio in this process, and Klaxon as a child
 * process; runs every scenario (bench/scenarios) with a progress line each,
 * prints a table and writes bench/results/latest.json.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { EmbeddedDatabase, startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { runMigrations } from '../src/database/run-migrations';
import type { BenchContext, BenchRow, Scenario } from './lib/bench-types';
import { buildKlaxon, KlaxonProcess, REPO_ROOT } from './lib/klaxon-process';
import { TimingTwilioServer } from './lib/timing-twilio.server';
import { wrkAvailable } from './lib/wrk';
import { SCENARIOS } from './scenarios';

interface Args {
  quick: boolean;
  only: string[] | null;
  profile: boolean;
  build: boolean;
}

export function parseArgs(argv: string[]): Args {
  const only = argv.find((a) => a.startsWith('--only='));
  return {
    quick: argv.includes('--quick'),
    only: only ? only.slice('--only='.length).split(',') : null,
    profile: argv.includes('--profile'),
    build: !argv.includes('--no-build'),
  };
}

export function formatTable(rows: BenchRow[]): string {
  const verdict = (m: boolean | null) => (m === null ? '-' : m ? 'met' : 'NOT MET');
  const cells = rows.map((r) => [r.id, r.scenario, `${r.value} ${r.unit}`, r.goal, verdict(r.met)]);
  const head = ['#', 'scenario', 'value', 'goal', 'verdict'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i])).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

async function machine(db: Pool): Promise<Record<string, unknown>> {
  const { rows } = await db.query(`SELECT current_setting('server_version') AS v, current_setting('synchronous_commit') AS sc,
                                          current_setting('shared_buffers') AS sb, current_setting('max_connections') AS mc`);
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    postgres: rows[0].v,
    synchronousCommit: rows[0].sc,
    sharedBuffers: rows[0].sb,
    maxConnections: rows[0].mc,
    loadGenerator: wrkAvailable() ? 'wrk (1 thread) for closed-loop runs, autocannon for paced runs' : 'autocannon (install wrk for a lighter one)',
  };
}

/** Where `--profile` puts the CPU profiles of every Klaxon process the bench starts. */
const PROFILE_DIR = path.join(REPO_ROOT, 'bench', 'results', 'profiles');

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  const log = (line: string) => process.stdout.write(`[bench ${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${line}\n`);
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'klaxon-bench-'));
  chmodSync(workDir, 0o755); // as root, the embedded PostgreSQL runs as user postgres and must reach its data dir
  const wanted: Scenario[] = SCENARIOS.filter((s) => !args.only || args.only.some((o) => s.id.split('+').includes(o) || s.id === o));
  const needsDb = wanted.some((s) => s.kind !== 'pure');

  let embedded: EmbeddedDatabase | undefined;
  let db: Pool | undefined;
  let klaxon: KlaxonProcess | undefined;
  const twilio = new TimingTwilioServer();
  const rows: BenchRow[] = [];
  const cleanup = async () => {
    await klaxon?.stop().catch(() => undefined);
    await db?.end().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    await twilio.stop().catch(() => undefined);
    // BENCH_KEEP=1 keeps the server logs (and the bench database files) for a post-mortem.
    if (!process.env.BENCH_KEEP) rmSync(workDir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));

  try {
    log(`mode: ${args.quick ? 'quick' : 'full'}; scenarios: ${wanted.map((s) => s.id).join(', ')}; work dir ${workDir}`);
    if (needsDb && args.build) {
      log('building Klaxon (tsc -p tsconfig.build.json) ...');
      const warning = buildKlaxon();
      if (warning) log(`WARNING ${warning}`);
    }
    let databaseUrl = process.env.DATABASE_URL ?? '';
    if (needsDb && !databaseUrl) {
      embedded = await startEmbeddedPostgres(path.join(workDir, 'db'), () => undefined);
      databaseUrl = embedded.url;
      log('embedded PostgreSQL started (synchronous_commit default: durable commits)');
    }
    if (needsDb) {
      await runMigrations(databaseUrl);
      db = new Pool({ connectionString: databaseUrl, max: 3 });
    }
    const twilioUrl = await twilio.start();
    const nodeArgs = args.profile ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
    const logDir = path.join(workDir, 'logs');
    const ctx: BenchContext = {
      quick: args.quick,
      databaseUrl,
      db: db as Pool,
      twilio,
      twilioUrl,
      serverEnv: {
        DATABASE_URL: databaseUrl,
        TWILIO_ACCOUNT_SID: twilio.accountSid,
        TWILIO_AUTH_TOKEN: twilio.authToken,
        TWILIO_FROM: '+14155550000',
        TWILIO_API_URL: twilioUrl,
        // Every bench incident pages a phone; the per-phone SMS budget (default 5/min) would bundle storm pages.
        KLAXON_SMS_RATE_LIMIT_PER_MINUTE: '1000000',
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      },
      nodeArgs,
      workDir,
      logDir,
      klaxonProcess: (name, env) => KlaxonProcess.create({ name, env, nodeArgs, logDir }),
      log,
      shared: {},
    };
    if (args.profile) mkdirSync(PROFILE_DIR, { recursive: true });
    const env = db ? await machine(db) : { cpus: os.cpus().length, node: process.version };
    log(`machine: ${JSON.stringify(env)}`);

    for (const scenario of wanted) {
      if (scenario.kind === 'server' && !klaxon) {
        klaxon = await ctx.klaxonProcess('main', ctx.serverEnv);
        const ms = await klaxon.start();
        ctx.klaxon = klaxon;
        log(`Klaxon (KLAXON_ROLE=all, pid ${klaxon.pid}) ready in ${ms} ms at ${klaxon.url}`);
      }
      if (scenario.kind === 'own' && klaxon) {
        await klaxon.stop();
        klaxon = undefined;
        ctx.klaxon = undefined;
      }
      log(`scenario ${scenario.id}: ${scenario.title} ...`);
      const started = Date.now();
      try {
        const got = await scenario.run(ctx);
        rows.push(...got);
        log(`scenario ${scenario.id} done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${got.map((r) => `${r.value} ${r.unit}`).join(', ')}`);
      } catch (e) {
        log(`scenario ${scenario.id} FAILED: ${(e as Error).stack ?? e}`);
        rows.push({ id: scenario.id, scenario: `${scenario.title} (failed)`, value: NaN, unit: '', goal: String((e as Error).message).slice(0, 80), met: false });
      }
    }

    process.stdout.write(`\n${formatTable(rows)}\n\n`);
    const resultsDir = path.join(REPO_ROOT, 'bench', 'results');
    mkdirSync(resultsDir, { recursive: true });
    const out = { at: new Date().toISOString(), mode: args.quick ? 'quick' : 'full', machine: env, database: process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded', rows };
    writeFileSync(path.join(resultsDir, args.quick ? 'latest-quick.json' : 'latest.json'), JSON.stringify(out, null, 2) + '\n');
    log(`wrote bench/results/${args.quick ? 'latest-quick.json' : 'latest.json'}; server logs: ${ctx.logDir} (kept with BENCH_KEEP=1)`);
  } finally {
    await cleanup();
  }
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : e}\n`);
    process.exit(1);
  });
}
