import 'reflect-metadata';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { MetricObjectWithValues, MetricValue } from 'prom-client';
import { createApp } from './bootstrap';
import type { AppConfig } from './config/app-config';
import { MetricsService } from './health/metrics.service';

/**
 * KLAXON_ROLE=all runs the API on the main thread and the worker (timers and
 * outbox) in a worker thread of the same process, each with its own event
 * loop: an alert storm that keeps the API's loop busy no longer delays pages,
 * and the two use both cores. Nothing is shared in memory: both talk to the
 * same PostgreSQL, exactly like separate KLAXON_ROLE=api and worker processes.
 *
 * Messages (main -> thread): `stop`, `metrics`; (thread -> main): `ready`,
 * `stopped`, `metrics`, `failed`.
 */
type ToThread = { type: 'stop' } | { type: 'metrics'; id: number };
type FromThread =
  | { type: 'ready' }
  | { type: 'stopped' }
  | { type: 'failed'; error: string }
  | { type: 'metrics'; id: number; metrics: MetricObjectWithValues<MetricValue<string>>[] };

/** The main thread's handle on the worker thread. */
export class WorkerThread {
  private nextId = 0;
  private readonly pending = new Map<number, (m: MetricObjectWithValues<MetricValue<string>>[]) => void>();
  private stopping = false;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (m: FromThread) => {
      if (m.type === 'metrics') {
        this.pending.get(m.id)?.(m.metrics);
        this.pending.delete(m.id);
      }
    });
  }

  /**
   * Starts the thread and resolves once its worker loops run. `onExit` is
   * called if the thread ends when it was not asked to (a crash).
   */
  static start(config: AppConfig, onExit: (code: number, error?: string) => void): Promise<WorkerThread> {
    // Under ts-node (tests, scripts) the entry is this .ts file: the thread registers ts-node
    // unless it inherited it (execArgv -r ts-node/register).
    const entry = JSON.stringify(__filename);
    const code = __filename.endsWith('.ts')
      ? `if (!require.extensions['.ts']) require('ts-node/register/transpile-only'); require(${entry});`
      : `require(${entry});`;
    const worker = new Worker(code, { eval: true, workerData: { config } });
    const handle = new WorkerThread(worker);
    return new Promise((resolve, reject) => {
      let ready = false;
      let failure: string | undefined;
      worker.on('message', (m: FromThread) => {
        if (m.type === 'ready') {
          ready = true;
          resolve(handle);
        }
        if (m.type === 'failed') failure = m.error;
      });
      worker.on('error', (e) => (failure = e.stack ?? String(e)));
      worker.on('exit', (code) => {
        if (!ready) reject(new Error(`worker thread failed to start (exit ${code}): ${failure ?? ''}`));
        else if (!handle.stopping) onExit(code, failure);
      });
    });
  }

  /** The worker's counters and histograms (for /metrics); empty if it does not answer within a second. */
  metrics(): Promise<MetricObjectWithValues<MetricValue<string>>[]> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve([]);
      }, 1000);
      this.pending.set(id, (m) => {
        clearTimeout(timer);
        resolve(m);
      });
      this.worker.postMessage({ type: 'metrics', id } satisfies ToThread);
    });
  }

  /** Graceful: the worker finishes the sends under way and hands back its claims (WorkerService.stop). */
  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.postMessage({ type: 'stop' } satisfies ToThread);
    await exited;
  }
}

/** The thread's side: a KLAXON_ROLE=worker app that never listens on a port. */
async function runInThread(): Promise<void> {
  const port = parentPort!;
  const config = (workerData as { config: AppConfig }).config;
  try {
    const app = await createApp({ ...config, KLAXON_ROLE: 'worker' });
    app.flushLogs(); // Nest buffers logs until listen(); this app never listens
    const metrics = app.get(MetricsService);
    port.on('message', (m: ToThread) => {
      if (m.type === 'metrics') {
        void metrics.registry.getMetricsAsJSON().then((all) =>
          port.postMessage({ type: 'metrics', id: m.id, metrics: all.filter((x) => String(x.type) !== 'gauge') } as FromThread),
        );
      }
      if (m.type === 'stop') {
        void app.close().finally(() => {
          port.postMessage({ type: 'stopped' } satisfies FromThread);
          process.exit(0); // ends this thread only
        });
      }
    });
    port.postMessage({ type: 'ready' } satisfies FromThread);
  } catch (e) {
    port.postMessage({ type: 'failed', error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies FromThread);
    process.exit(1);
  }
}

if (!isMainThread && (workerData as { config?: unknown } | null)?.config) void runInThread();
