import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '../../src/database/embedded-postgres';
import { ServerProcess } from './child-process';

/**
 * Prometheus Alertmanager as the bench's peer: the in-memory alert ingest that
 * Klaxon's durable ingest is compared with. Debian names the binary
 * `prometheus-alertmanager`; the upstream release calls it `alertmanager`;
 * BENCH_ALERTMANAGER_BIN names another one.
 */
export interface AlertmanagerBinary {
  path: string;
  /** e.g. "0.25.0", from `--version`. */
  version: string;
}

const ALERTMANAGER_BINARIES = ['prometheus-alertmanager', 'alertmanager'] as const;

/** "alertmanager, version 0.25.0 (branch: …)" -> "0.25.0"; null when the text is not Alertmanager's. */
export function parseAlertmanagerVersion(text: string): string | null {
  return /^alertmanager, version (\S+)/m.exec(text)?.[1] ?? null;
}

/** The first Alertmanager binary that runs, or null when none is installed. */
export function findAlertmanager(env: NodeJS.ProcessEnv = process.env): AlertmanagerBinary | null {
  const candidates = env.BENCH_ALERTMANAGER_BIN ? [env.BENCH_ALERTMANAGER_BIN] : ALERTMANAGER_BINARIES;
  for (const candidate of candidates) {
    const run = spawnSync(candidate, ['--version'], { encoding: 'utf8' });
    if (run.error) continue;
    const version = parseAlertmanagerVersion(`${run.stdout}\n${run.stderr}`);
    if (version) return { path: candidate, version };
  }
  return null;
}

/**
 * The smallest configuration Alertmanager accepts: one route to a receiver with
 * no integrations, so alerts are grouped and deduplicated as usual and nothing
 * is sent anywhere.
 */
export function alertmanagerConfig(): string {
  return ['route:', '  receiver: discard', 'receivers:', '  - name: discard', ''].join('\n');
}

/** Loopback only, state in `dir`, clustering off (an empty cluster address disables the gossip mesh). */
export function alertmanagerArgs(dir: string, port: number): string[] {
  return [
    `--config.file=${path.join(dir, 'alertmanager.yml')}`,
    `--storage.path=${path.join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
    '--cluster.listen-address=',
  ];
}

/** One Alertmanager process in a temp dir under `workDir`, its output in `logDir/alertmanager.log`. */
export class AlertmanagerProcess extends ServerProcess {
  private readonly dir: string;

  private constructor(
    private readonly binary: AlertmanagerBinary,
    workDir: string,
    private readonly logDir: string,
    port: number,
  ) {
    super(port);
    this.dir = mkdtempSync(path.join(workDir, 'alertmanager-'));
  }

  static async create(binary: AlertmanagerBinary, workDir: string, logDir: string): Promise<AlertmanagerProcess> {
    return new AlertmanagerProcess(binary, workDir, logDir, await freePort());
  }

  /** Writes the config, spawns the process and resolves with the ms until GET /-/ready answers 200. */
  async start(timeoutMs = 30_000): Promise<number> {
    writeFileSync(path.join(this.dir, 'alertmanager.yml'), alertmanagerConfig());
    return this.spawnUntilReady(
      {
        label: 'Alertmanager',
        command: this.binary.path,
        args: alertmanagerArgs(this.dir, this.port),
        logFile: path.join(this.logDir, 'alertmanager.log'),
        readyUrl: `${this.url}/-/ready`,
      },
      timeoutMs,
    );
  }

  /** SIGTERM, SIGKILL after `graceMs`; then its temp dir is removed. */
  async stop(graceMs = 10_000): Promise<void> {
    await this.terminate(graceMs);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
