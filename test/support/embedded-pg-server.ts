// A throwaway PostgreSQL server of one test's own (so the test may stop and
// restart it without touching the shared test server):
//   node -r ts-node/register/transpile-only embedded-pg-server.ts <dataDir> <port>
// prints "ready <url>" once it accepts connections; SIGTERM stops it (fast
// shutdown) and exits. Starting again on the same folder reuses the data.
// Data and binaries are placed as the app places them (postgres-places.ts).
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { postgresPlaces } from '../../src/database/postgres-places';
import { PostgresServer } from '../../src/database/postgres-server';

async function main(): Promise<void> {
  const [dir, port] = process.argv.slice(2);
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755);
  const places = postgresPlaces(dir);
  const server = new PostgresServer({
    binDir: places.binDir,
    dataDir: places.dataDir,
    port: Number(port),
    user: 'klaxon',
    password: 'klaxon-test',
    account: places.account,
    flags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
  });
  if (!existsSync(join(places.dataDir, 'PG_VERSION'))) server.initialise();
  await server.start();
  process.stdout.write(`ready postgres://klaxon:klaxon-test@127.0.0.1:${port}/postgres\n`);
  let stopping = false;
  process.on('SIGTERM', () => {
    if (stopping) return;
    stopping = true;
    void server.stop().then(() => process.exit(0));
  });
}

main().catch((e) => {
  process.stderr.write(`[pg] ${e instanceof Error ? e.message : e}\n`);
  process.exit(1);
});
