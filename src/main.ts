import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import pino from 'pino';
import { ApiKeysService } from './auth/api-keys.service';
import { createApp } from './bootstrap';
import { describeStartFailure } from './common/start-error';
import { AppConfig, ConfigError, maskedConfig, parseEnv } from './config/app-config';
import { EmbeddedDatabase, startEmbeddedPostgres } from './database/embedded-postgres';
import { runMigrations } from './database/run-migrations';
import { configWarnings } from './config/config.rules';
import { startSummary } from './config/start-summary';
import { ChannelRegistry, configuredChannels } from './notifications/channel-registry';

/** Set as soon as known, to explain a start failure (describeStartFailure). */
let usesDatabaseUrl = false;
let port: number | undefined;

/** A start failure: one line on stderr, naming the cause and the fix; no stack trace. */
function fail(line: string, code = 1): never {
  process.stderr.write(`Klaxon failed to start: ${line}\n`);
  process.exit(code);
}

/**
 * Starts Klaxon: validates the environment, starts the embedded PostgreSQL when
 * DATABASE_URL is unset, applies migrations, then serves the API and/or runs the
 * worker according to KLAXON_ROLE, in this one process and event loop (`all`
 * runs both side by side: for a small install and development; production
 * runs `api` and `worker` processes). Every role listens on PORT, so each
 * process serves its own /healthz, /readyz and /metrics. SIGTERM/SIGINT stop
 * it gracefully.
 */
async function main(): Promise<void> {
  const boot = pino({ level: process.env.LOG_LEVEL ?? 'info', base: { pid: process.pid, component: 'boot' } });
  let env;
  try {
    env = parseEnv(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      boot.fatal({ problems: e.problems }, 'invalid configuration');
      fail(`invalid configuration: ${e.problems.join('; ')}. Fix: correct these environment variables (README, "Configuration")`, 78);
    }
    throw e;
  }
  usesDatabaseUrl = !!env.DATABASE_URL;
  port = env.PORT;

  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres(env.KLAXON_DATA_DIR, (level, msg, extra) => boot[level](extra ?? {}, msg));
    databaseUrl = embedded.url;
  }
  const config: AppConfig = { ...env, databaseUrl };
  boot.debug({ config: maskedConfig(config) }, 'configuration');
  for (const warning of configWarnings(env)) boot.warn(warning);

  const applied = await runMigrations(databaseUrl);
  if (applied.length) boot.info({ migrations: applied }, 'migrations applied');

  // The worker loops (roles `worker` and `all`) start in app.init(), inside createApp.
  const app = await createApp(config);
  let stopping = false;
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
      // The worker finishes the sends under way and hands back its claims before the pool closes (WorkerService).
      await app.close();
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
  boot.info(startSummary(config, listeningPort(app, config.PORT), configuredChannels(app.get(ChannelRegistry)), embedded?.dataDir), 'Klaxon is up');
}

/** The port actually bound (PORT=0 picks a free one). */
function listeningPort(app: INestApplication, fallback: number): number {
  const address: unknown = app.getHttpServer().address();
  return address && typeof address === 'object' && 'port' in address ? Number(address.port) : fallback;
}

main().catch((e) => {
  // The stack helps only a developer: at debug level, as a log line.
  pino({ level: process.env.LOG_LEVEL ?? 'info', base: { pid: process.pid, component: 'boot' } }).debug({ err: e }, 'start failure');
  fail(describeStartFailure(e, { port, usesDatabaseUrl }));
});
