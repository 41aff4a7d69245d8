import path from 'node:path';
import type { AppConfig } from './app-config';

/**
 * The database a process uses, for its start line: the embedded server's data
 * directory (`embeddedDataDir`, where it really is; KLAXON_DATA_DIR when not
 * given), or the external host and database (never the password).
 */
export function databaseSummary(config: Pick<AppConfig, 'DATABASE_URL' | 'KLAXON_DATA_DIR'>, embeddedDataDir?: string): Record<string, unknown> {
  if (!config.DATABASE_URL) return { kind: 'embedded', dataDir: embeddedDataDir ?? path.resolve(config.KLAXON_DATA_DIR) };
  try {
    const url = new URL(config.DATABASE_URL);
    return { kind: 'external', host: url.port ? `${url.hostname}:${url.port}` : url.hostname, database: decodeURIComponent(url.pathname.slice(1)) };
  } catch {
    return { kind: 'external' };
  }
}

/** The one info line a process writes once it serves: where, as what, on which database, paging through which channels. */
export function startSummary(
  config: Pick<AppConfig, 'DATABASE_URL' | 'KLAXON_DATA_DIR' | 'KLAXON_ROLE'>,
  port: number,
  channels: readonly string[],
  embeddedDataDir?: string,
): Record<string, unknown> {
  return { port, role: config.KLAXON_ROLE, database: databaseSummary(config, embeddedDataDir), channels: [...channels] };
}
