import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../src/database/embedded-postgres';

/** A PostgreSQL server of the test's own that it may stop and start again (test/support/embedded-pg-server.ts). */
export class PgProcess {
  private child: ChildProcess | null = null;
  readonly dir = mkdtempSync(path.join(tmpdir(), 'klaxon-chaos-pg-'));
  port = 0;
  adminUrl = '';

  async start(): Promise<void> {
    if (!this.port) this.port = await freePort();
    const server = path.join(__dirname, 'embedded-pg-server.ts');
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', server, this.dir, String(this.port)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    let out = '';
    // Readiness, not a clock: a start that never comes is bounded by the test's own timeout.
    this.adminUrl = await new Promise<string>((resolve, reject) => {
      const onData = (b: Buffer) => {
        out += b.toString();
        const m = /ready (\S+)/.exec(out);
        if (m) resolve(m[1]);
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.on('exit', (code) => reject(new Error(`postgres exited ${code}: ${out}`)));
    });
  }

  url(database: string): string {
    const u = new URL(this.adminUrl);
    u.pathname = `/${database}`;
    return u.toString();
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
    this.child = null;
  }

  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
