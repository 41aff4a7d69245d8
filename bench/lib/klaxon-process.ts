import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '../../src/database/embedded-postgres';
import { sleep } from './stats';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
/**
 * The bench compiles into its own folder (git-ignored, under node_modules so the
 * compiled files still resolve the project's packages) rather than into dist/:
 * `nest build` deletes dist/ first, which would pull the files from under any
 * other Klaxon process running from this tree.
 */
export const BUILD_DIR = path.join(REPO_ROOT, 'node_modules', '.cache', 'klaxon-bench');

/**
 * Compiles src/ and migrations/. tsc emits JavaScript even when it reports type
 * errors, so type errors (e.g. a half-finished edit elsewhere in the tree) are
 * returned as a warning, not thrown: the bench measures what runs.
 */
export function buildKlaxon(): string | null {
  try {
    execFileSync(
      process.execPath,
      [require.resolve('typescript/bin/tsc'), '-p', path.join(REPO_ROOT, 'tsconfig.build.json'), '--outDir', BUILD_DIR],
      { cwd: REPO_ROOT, stdio: 'pipe' },
    );
    return null;
  } catch (e) {
    if (!existsSync(path.join(BUILD_DIR, 'src', 'main.js'))) throw e;
    const out = String((e as { stdout?: Buffer }).stdout ?? '');
    return `tsc reported type errors (JavaScript emitted anyway): ${out.split('\n')[0]}`;
  }
}

export interface KlaxonOptions {
  name: string;
  env: Record<string, string | undefined>;
  /** Extra node flags, e.g. --cpu-prof. */
  nodeArgs?: string[];
  logDir: string;
}

export const BENCH_ADMIN_KEY = 'bench-admin-key-0123456789abcdef';

/** One Klaxon process (`node <build>/src/main.js`) with its stdout/stderr in `logDir/<name>.log`. */
export class KlaxonProcess {
  readonly url: string;
  private child: ChildProcess | null = null;
  private exited: Promise<number | null> = Promise.resolve(null);

  private constructor(
    private readonly options: KlaxonOptions,
    readonly port: number,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  static async create(options: KlaxonOptions): Promise<KlaxonProcess> {
    return new KlaxonProcess(options, await freePort());
  }

  /** Spawns the process and resolves with the ms from spawn until GET /readyz answers 200. */
  async start(timeoutMs = 60_000): Promise<number> {
    mkdirSync(this.options.logDir, { recursive: true });
    const log = createWriteStream(path.join(this.options.logDir, `${this.options.name}.log`), { flags: 'a' });
    const main = path.join(BUILD_DIR, 'src', 'main.js');
    if (!existsSync(main)) throw new Error(`${main} missing: build first`);
    const started = Date.now();
    const child = spawn(process.execPath, [...(this.options.nodeArgs ?? []), main], {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        HOST: '127.0.0.1',
        PORT: String(this.port),
        KLAXON_ADMIN_API_KEY: BENCH_ADMIN_KEY,
        LOG_LEVEL: 'warn',
        ...this.options.env,
      } as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    let dead = false;
    void this.exited.then(() => (dead = true));
    while (Date.now() - started < timeoutMs) {
      if (dead) throw new Error(`Klaxon ${this.options.name} exited during start; see ${this.options.logDir}/${this.options.name}.log`);
      try {
        const res = await fetch(`${this.url}/readyz`);
        if (res.status === 200) return Date.now() - started;
      } catch {
        // not listening yet
      }
      await sleep(20);
    }
    throw new Error(`Klaxon ${this.options.name} not ready after ${timeoutMs} ms`);
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** SIGTERM (graceful: CPU profiles are written on exit), SIGKILL after `graceMs`. */
  async stop(graceMs = 20_000): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
    this.child = null;
  }
}
