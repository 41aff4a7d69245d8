import 'reflect-metadata';
import pino from 'pino';
import { ApiKeysService } from './auth/api-keys.service';
import { createApp } from './bootstrap';
import { AppConfig, ConfigError, maskedConfig, parseEnv } from './config/app-config';
import { EmbeddedDatabase, startEmbeddedPostgres } from './database/embedded-postgres';
import { runMigrations } from './database/run-migrations';
import { MetricsService } from './health/metrics.service';
import { WorkerThread } from './worker-thread';

/**
 * Starts Klaxon: validates the environment, starts the embedded PostgreSQL when
 * DATABASE_URL is unset, applies migrations, then serves the API and/or runs the
 * worker according to KLAXON_ROLE. SIGTERM/SIGINT stop it gracefully.
 */
async function main(): Promise<void> {
  const boot = pino({ level: process.env.LOG_LEVEL ?? 'info', base: { pid: process.pid, component: 'boot' } });
  let env;
  try {
    env = parseEnv(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      boot.fatal({ problems: e.problems }, 'invalid configuration');
      process.stderr.write(`${e.message}\n`);
      process.exit(78);
    }
    throw e;
  }

  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres(env.KLAXON_DATA_DIR, (level, msg, extra) => boot[level](extra ?? {}, msg));
    databaseUrl = embedded.url;
  }
  const config: AppConfig = { ...env, databaseUrl };
  boot.info({ config: maskedConfig(config) }, 'configuration');

  const applied = await runMigrations(databaseUrl);
  if (applied.length) boot.info({ migrations: applied }, 'migrations applied');

  // KLAXON_ROLE=all: the API here, the worker in a thread of its own (worker-thread.ts).
  const threaded = config.KLAXON_ROLE === 'all' && config.KLAXON_WORKER_THREAD;
  const app = await createApp(threaded ? { ...config, KLAXON_ROLE: 'api' } : config);
  let stopping = false;
  const worker = threaded
    ? await WorkerThread.start(config, (code, error) => {
        if (stopping) return;
        // A paging service must not keep answering 202 with nobody paging: exit, and let the supervisor restart us.
        boot.fatal({ code, error }, 'the worker thread stopped unexpectedly; exiting');
        process.exit(1);
      })
    : undefined;
  if (worker) app.get(MetricsService).addRemote(() => worker.metrics());
  const firstKey = await app.get(ApiKeysService).ensureBootstrapKey();
  if (firstKey) {
    // Printed once, on the first start only; it is stored hashed and cannot be shown again.
    process.stdout.write(
      `\n  Klaxon created the first admin API key (shown once, store it now):\n\n    ${firstKey}\n\n`,
    );
  }

  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    boot.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 30_000);
    force.unref();
    try {
      // The API and the worker thread stop side by side (each finishes what it has under way).
      await Promise.all([app.close(), worker?.stop()]);
      if (embedded) await embedded.stop();
      boot.info('stopped');
      process.exit(0);
    } catch (e) {
      boot.error({ err: e }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  await app.listen(config.PORT, config.HOST);
  boot.info({ port: config.PORT, role: config.KLAXON_ROLE, workerThread: !!worker, embeddedDatabase: !!embedded }, 'Klaxon is up');
}

main().catch((e) => {
  process.stderr.write(`Klaxon failed to start: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
