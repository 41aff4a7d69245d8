import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '../../src/database/embedded-postgres';
import { ServerProcess } from './child-process';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
/**
 * The bench compiles into its own folder (git-ignored, under node_modules so the
 * compiled files still resolve the project's packages) rather than into dist/:
 * `nest build` deletes dist/ first, which would pull the files from under any
 * other Klaxon process running from this tree.
 */
const BUILD_DIR = path.join(REPO_ROOT, 'node_modules', '.cache', 'klaxon-bench');

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

/** The environment every Klaxon the bench starts gets: loopback on `port`, the bench's admin key, warnings only; `extra` wins. */
export function klaxonEnv(port: number, extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    HOST: '127.0.0.1',
    PORT: String(port),
    KLAXON_ADMIN_API_KEY: BENCH_ADMIN_KEY,
    LOG_LEVEL: 'warn',
    ...extra,
  } as NodeJS.ProcessEnv;
}

/** One Klaxon process (`node <build>/src/main.js`) with its stdout/stderr in `logDir/<name>.log`. */
export class KlaxonProcess extends ServerProcess {
  private constructor(
    private readonly options: KlaxonOptions,
    port: number,
  ) {
    super(port);
  }

  static async create(options: KlaxonOptions): Promise<KlaxonProcess> {
    return new KlaxonProcess(options, await freePort());
  }

  /** Spawns the process and resolves with the ms from spawn until GET /readyz answers 200. */
  async start(timeoutMs = 60_000): Promise<number> {
    const main = path.join(BUILD_DIR, 'src', 'main.js');
    if (!existsSync(main)) throw new Error(`${main} missing: build first`);
    const { name, env, nodeArgs = [], logDir } = this.options;
    return this.spawnUntilReady(
      {
        label: `Klaxon ${name}`,
        command: process.execPath,
        args: [...nodeArgs, main],
        cwd: REPO_ROOT,
        env: klaxonEnv(this.port, env),
        logFile: path.join(logDir, `${name}.log`),
        readyUrl: `${this.url}/readyz`,
      },
      timeoutMs,
    );
  }

  /** SIGTERM (graceful: CPU profiles are written on exit), SIGKILL after `graceMs`. */
  stop(graceMs = 20_000): Promise<void> {
    return this.terminate(graceMs);
  }
}
