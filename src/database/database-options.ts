import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

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
      // Every timestamp is timestamptz; the session zone only affects text output.
      options: '-c timezone=UTC',
    },
  };
}
