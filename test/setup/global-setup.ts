// Jest global setup for the `db` project: one PostgreSQL for the whole run.
// TEST_DATABASE_URL (any database on a running server, as a user that may
// CREATE DATABASE) is used when set; otherwise a real embedded server is started
// in a temporary folder, from the places the app itself would use
// (src/database/postgres-places.ts: as root, ones the `postgres` user can reach
// even from a checkout inside a mode-700 folder). A template database is
// migrated once; every test file clones it (test/support/database.ts).
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { freePort } from '../../src/database/embedded-postgres';
import { postgresPlaces } from '../../src/database/postgres-places';
import { PostgresServer } from '../../src/database/postgres-server';

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export default async function globalSetup(): Promise<void> {
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'klaxon-test-pg-'));
    chmodSync(dir, 0o755); // as root the server runs as `postgres`; a reachable folder keeps its data here
    const places = postgresPlaces(dir);
    for (const note of places.notes) console.log(`[embedded-postgres] ${note}`);
    const port = await freePort();
    const server = new PostgresServer({
      binDir: places.binDir,
      dataDir: places.dataDir,
      port,
      user: 'klaxon',
      password: 'klaxon-test',
      account: places.account,
      flags: [
        '-c', 'listen_addresses=127.0.0.1',
        '-c', 'unix_socket_directories=',
        '-c', 'max_connections=300',
        // Test data is thrown away: durability only costs time here.
        '-c', 'fsync=off',
        '-c', 'synchronous_commit=off',
        '-c', 'full_page_writes=off',
      ],
    });
    server.initialise();
    await server.start();
    (globalThis as Record<string, unknown>).__KLAXON_TEST_PG__ = { server, dir, dataDir: places.dataDir };
    adminUrl = `postgres://klaxon:klaxon-test@127.0.0.1:${port}/postgres`;
  }

  const template = `klaxon_tpl_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${template}"`);
  await admin.end();

  execFileSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', 'src/database/run-migrations.ts', withDatabase(adminUrl, template)],
    { stdio: ['ignore', 'ignore', 'inherit'], cwd: process.cwd() },
  );

  // Bring dist/ (the tests that run Klaxon as processes start dist/src/main.js, as `npm start` does,
  // test/support/worker-process.ts) and console/dist (the browser tests serve it) up to date once,
  // before any file runs: the build compiles only the sources that changed (scripts/build.js).
  execFileSync(process.execPath, ['scripts/build.js'], { stdio: ['ignore', 'ignore', 'inherit'], cwd: process.cwd() });
  // And find (or, on a fresh machine as root, install) Chromium once, here: two browser spec files
  // starting apt-get at the same time would fight over dpkg's lock.
  execFileSync(process.execPath, ['scripts/ensure-chromium.js'], { stdio: ['ignore', 'ignore', 'inherit'], cwd: process.cwd() });

  process.env.KLAXON_TEST_ADMIN_URL = adminUrl;
  process.env.KLAXON_TEST_TEMPLATE = template;
  (globalThis as Record<string, unknown>).__KLAXON_TEST_TEMPLATE__ = { adminUrl, template };
}

