import { ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/**
 * A cheap copy of this checkout in `dir`, enough for `npm start`: package.json
 * and scripts/ copied (scripts/build.js builds into the copy's own dist/), the
 * built dist/ copied when there is one (so the build finds nothing to do),
 * src/, migrations/, test/, console/ and the tsconfig files symlinked, or copied with
 * `copySources` (Node resolves packages from a module's real path: code run
 * from src/ or test/ should find the copy's node_modules). node_modules is a
 * symlink, or with `copyPackages`, a folder of symlinks to every package except
 * those named, which are copied (their real path is then inside `dir`).
 */
export function copyCheckout(dir: string, { copyPackages = [], copySources = false }: { copyPackages?: string[]; copySources?: boolean } = {}): void {
  mkdirSync(dir, { recursive: true });
  for (const f of ['package.json', 'scripts']) cpSync(path.join(REPO_ROOT, f), path.join(dir, f), { recursive: true });
  // The console's build stamp names package-lock.json's size and time: the same file keeps a built console up to date.
  cpSync(path.join(REPO_ROOT, 'package-lock.json'), path.join(dir, 'package-lock.json'), { preserveTimestamps: true });
  if (existsSync(path.join(REPO_ROOT, 'dist'))) cpSync(path.join(REPO_ROOT, 'dist'), path.join(dir, 'dist'), { recursive: true, preserveTimestamps: true });
  for (const f of ['src', 'migrations', 'test', 'console', 'tsconfig.json', 'tsconfig.build.json']) {
    if (copySources) cpSync(path.join(REPO_ROOT, f), path.join(dir, f), { recursive: true, preserveTimestamps: true });
    else symlinkSync(path.join(REPO_ROOT, f), path.join(dir, f));
  }
  const modules = path.join(REPO_ROOT, 'node_modules');
  if (!copyPackages.length) {
    symlinkSync(modules, path.join(dir, 'node_modules'));
    return;
  }
  const scopes = new Set(copyPackages.filter((p) => p.startsWith('@') && !p.includes('/')));
  for (const entry of readdirSync(modules)) {
    const from = path.join(modules, entry);
    const to = path.join(dir, 'node_modules', entry);
    mkdirSync(path.dirname(to), { recursive: true });
    if (copyPackages.includes(entry) || scopes.has(entry)) cpSync(from, to, { recursive: true, verbatimSymlinks: true });
    else symlinkSync(from, to);
  }
}

/** Resolves once `url` answers 200, or rejects when `child` exits first or `timeoutMs` passes. */
export async function waitFor200(url: string, child: ChildProcess, timeoutMs: number, isOurs: () => boolean = () => true): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`exited (${child.exitCode ?? child.signalCode}) before ${url} answered`);
    // A free port can be taken by another process between the test choosing it and the child binding it: only the child's own answer counts.
    if (!isOurs()) {
      await new Promise((r) => setTimeout(r, 200));
      continue;
    }
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
}

/** Runs `command` in its own process group, collecting its output; `stopGroup` ends whatever it left running. */
export function runInGroup(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }) {
  const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return {
    child,
    exited,
    output: () => ({ stdout, stderr }),
    /** SIGTERM to the whole group (the server and its PostgreSQL included), SIGKILL if it is still there after 20 s. */
    async stopGroup(): Promise<void> {
      const signal = (s: NodeJS.Signals) => {
        try {
          process.kill(-child.pid!, s);
          return true;
        } catch {
          return false; // the group is gone
        }
      };
      if (!signal('SIGTERM')) return;
      for (let i = 0; i < 100 && signal(0 as unknown as NodeJS.Signals); i++) await new Promise((r) => setTimeout(r, 200));
      signal('SIGKILL');
    },
  };
}

/** A clean environment for a Klaxon started by a test: no test database, no NODE_ENV=test. */
export function serverEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const k of Object.keys(env)) if (/^(DATABASE_URL|TEST_DATABASE_URL|KLAXON_TEST_|NODE_ENV$|JEST_WORKER_ID$)/.test(k)) delete env[k];
  return env;
}
