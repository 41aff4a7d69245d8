import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { msUntil } from './stats';

/** How to spawn one server process and how to tell it is ready. */
export interface SpawnSpec {
  /** Names the process in errors, e.g. "Klaxon peer", "Alertmanager". */
  label: string;
  command: string;
  args: string[];
  cwd?: string;
  /** Unset: the bench's own environment. */
  env?: NodeJS.ProcessEnv;
  /** Its stdout and stderr are appended here (the folder is created). */
  logFile: string;
  /** Polled with GET every 20 ms until it answers 200. */
  readyUrl: string;
}

/**
 * A server process the bench owns, listening on a loopback port: spawned until
 * its readiness URL answers 200, stopped with SIGTERM then SIGKILL. Subclasses
 * say what to spawn (KlaxonProcess, AlertmanagerProcess).
 */
export abstract class ServerProcess {
  readonly url: string;
  private child: ChildProcess | null = null;
  private exited: Promise<number | null> = Promise.resolve(null);

  protected constructor(readonly port: number) {
    this.url = `http://127.0.0.1:${port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Spawns the process and resolves with the ms from spawn until `spec.readyUrl` answers 200. */
  protected async spawnUntilReady(spec: SpawnSpec, timeoutMs: number): Promise<number> {
    mkdirSync(path.dirname(spec.logFile), { recursive: true });
    const log = createWriteStream(spec.logFile, { flags: 'a' });
    const started = Date.now();
    const child = spawn(spec.command, spec.args, { cwd: spec.cwd, env: spec.env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
    let dead = false;
    this.exited = new Promise((resolve) => {
      child.once('error', () => resolve(null));
      child.once('exit', (code) => resolve(code));
    });
    void this.exited.then(() => (dead = true));
    const ready = async (): Promise<boolean> => {
      if (dead) throw new Error(`${spec.label} exited during start; see ${spec.logFile}`);
      try {
        const res = await fetch(spec.readyUrl);
        await res.arrayBuffer();
        return res.status === 200;
      } catch {
        return false; // not listening yet
      }
    };
    const ms = await msUntil(ready, timeoutMs, 20, started);
    if (ms === null) throw new Error(`${spec.label} not ready after ${timeoutMs} ms`);
    return ms;
  }

  /** SIGTERM, SIGKILL after `graceMs`; nothing when the process is not running. */
  protected async terminate(graceMs: number): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await this.exited;
      clearTimeout(timer);
    }
    this.child = null;
  }
}
