import { cpSync, mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '../../src/database/embedded-postgres';
import { ServerProcess } from './child-process';
import { klaxonEnv, REPO_ROOT } from './klaxon-process';

/**
 * A copy of the checkout for `npm start` as a user runs it: package.json,
 * package-lock.json and scripts/ copied, sources, the console (built at
 * install), tsconfig files and node_modules symlinked, and no dist/ (the first
 * `npm start` builds it, as the install-time build would).
 * The copy keeps the bench away from the tree's own dist/, which another
 * Klaxon may be running from.
 */
export function npmStartCheckout(dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const f of ['package.json', 'scripts']) cpSync(path.join(REPO_ROOT, f), path.join(dir, f), { recursive: true });
  // The console's build stamp names package-lock.json's size and time: the same file keeps the console built at install up to date.
  cpSync(path.join(REPO_ROOT, 'package-lock.json'), path.join(dir, 'package-lock.json'), { preserveTimestamps: true });
  for (const f of ['src', 'migrations', 'console', 'tsconfig.json', 'tsconfig.build.json', 'node_modules']) {
    symlinkSync(path.join(REPO_ROOT, f), path.join(dir, f));
  }
  return dir;
}

/** The real `npm start` in `checkout` (its prestart build included), ready when /readyz answers 200. */
export class NpmStartProcess extends ServerProcess {
  private constructor(
    private readonly checkout: string,
    private readonly env: Record<string, string | undefined>,
    private readonly logFile: string,
    port: number,
  ) {
    super(port);
  }

  static async create(checkout: string, env: Record<string, string | undefined>, logFile: string): Promise<NpmStartProcess> {
    return new NpmStartProcess(checkout, env, logFile, await freePort());
  }

  /** Resolves with the ms from spawning `npm start` until GET /readyz answers 200. */
  start(timeoutMs = 120_000): Promise<number> {
    return this.spawnUntilReady(
      {
        label: 'npm start',
        command: 'npm',
        args: ['start'],
        cwd: this.checkout,
        env: klaxonEnv(this.port, this.env),
        logFile: this.logFile,
        readyUrl: `${this.url}/readyz`,
      },
      timeoutMs,
    );
  }

  /** SIGTERM to npm, which hands it to the server (`start` execs node). */
  stop(graceMs = 20_000): Promise<void> {
    return this.terminate(graceMs);
  }
}
