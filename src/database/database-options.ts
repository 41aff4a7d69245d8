import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/**
 * How long an idle pool connection is kept (pg's default closes it after
 * 10 s). Alerts often come after a quiet spell, and a batch on a new
 * connection first pays its start-up and the preparation of the batch
 * statements: with the default, the first alerts after any 10 quiet seconds
 * waited for that (docs/performance.md, "The p99 of the peer bench's
 * repeated run"). TCP keep-alive lets the kernel notice a connection that died
 * while idle.
 */
export const POOL_IDLE_MS = 5 * 60_000;

/**
 * The one place that says how Klaxon talks to PostgreSQL. `synchronize` is off
 * everywhere: the schema changes only through reviewed migrations.
 */
export function databaseOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    namingStrategy: new SnakeNamingStrategy(),
    extra: {
      max: poolSize,
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: POOL_IDLE_MS,
      keepAlive: true,
      // Every timestamp is timestamptz; the session zone only affects text output.
      options: '-c timezone=UTC',
    },
  };
}
