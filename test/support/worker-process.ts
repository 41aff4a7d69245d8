import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** A pino line: its level (30 info, 40 warn, 50 error), message and fields. */
export interface KlaxonLogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

/**
 * A real Klaxon process (`dist/src/main.js`, what `npm start` runs, which the
 * db project's global setup has brought up to date with src) on the test's database,
 * for tests that need several instances or a SIGKILL. `start` resolves once
 * the process listens on PORT (any role; a worker's loops start before that).
 * It waits on that readiness, not on a clock (a start under ts-node, which
 * compiled the whole of `src`, once took more than a minute on a busy 2-core
 * machine with several processes starting at once); a start that never comes
 * is bounded by the test's own timeout, and one that fails says why (the exit).
 */
export class KlaxonProcess {
  private child: ChildProcess | null = null;
  private output = '';

  constructor(private readonly env: Record<string, string>) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get log(): string {
    return this.output;
  }

  /** The JSON log lines of the output (the first-key banner and other text left out). */
  get logLines(): KlaxonLogLine[] {
    return this.output
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as KlaxonLogLine);
  }

  /** The log lines from SIGTERM/SIGINT on ("shutting down"); empty before it. */
  get shutdownLogLines(): KlaxonLogLine[] {
    const lines = this.logLines;
    const from = lines.findIndex((l) => l.msg === 'shutting down');
    return from < 0 ? [] : lines.slice(from);
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, ['dist/src/main.js'], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        this.output += chunk.toString();
        if (this.output.length > 200_000) this.output = this.output.slice(-100_000);
        if (/"msg":"Klaxon is up"/.test(this.output)) resolve();
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.on('exit', (code) => reject(new Error(`Klaxon exited with ${code}:\n${this.output.slice(-3000)}`)));
    });
  }

  /** SIGKILL: no shutdown hooks, no released claims — a crash. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  /** SIGTERM: the graceful path. Resolves with the exit code (0 after a clean shutdown). */
  stop(): Promise<number | null> {
    return this.signal('SIGTERM');
  }

  private signal(sig: NodeJS.Signals): Promise<number | null> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode) return Promise.resolve(child?.exitCode ?? null);
    return new Promise((resolve) => {
      child.once('exit', (code) => resolve(code));
      child.kill(sig);
    });
  }
}
