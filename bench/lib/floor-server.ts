import path from 'node:path';
import Fastify from 'fastify';
import { Pool } from 'pg';
import { freePort } from '../../src/database/embedded-postgres';
import { ServerProcess } from './child-process';
import { REPO_ROOT } from './klaxon-process';

/**
 * The durable floor: the least work any Node.js service that answers an alert
 * only after PostgreSQL has committed it can do on this machine, so that
 * Klaxon's peer ratios can be read against what the hardware allows rather
 * than against an in-memory Go service alone. It is not Klaxon and keeps none
 * of its rules: one Fastify route with no framework above it, a check of three
 * fields, and each batch of concurrent requests written by ONE autocommit
 * statement (an upsert of one row per key: a new key inserts, a repeated key
 * adds to a counter), at most four batches in flight, each request answered
 * after its batch commits. PostgreSQL is the bench's own, with its default
 * (durable) commit. Whatever rate this reaches, no design that keeps a 202 for
 * committed alerts can pass on this machine; Klaxon also runs a state machine,
 * writes an incident, an alert and its timeline, and pages.
 */
const TABLE = 'bench_floor_alerts';
const MAX_IN_FLIGHT = 4;
const MAX_BATCH = 500;

const UPSERT = `
INSERT INTO ${TABLE} (routing_key, dedup_key, occurrences, last_at, payload)
SELECT r, k, 1, now(), p::jsonb FROM unnest($1::text[], $2::text[], $3::text[]) AS x(r, k, p)
ON CONFLICT (routing_key, dedup_key) DO UPDATE SET
  occurrences = ${TABLE}.occurrences + 1, last_at = EXCLUDED.last_at, payload = EXCLUDED.payload`;

interface Pending {
  routingKey: string;
  dedupKey: string;
  payload: string;
  done: (err?: unknown) => void;
}

interface EventsV2Body {
  routing_key?: unknown;
  dedup_key?: unknown;
  event_action?: unknown;
  payload?: unknown;
}

export async function serveFloor(databaseUrl: string, port: number): Promise<() => Promise<void>> {
  const pool = new Pool({ connectionString: databaseUrl, max: MAX_IN_FLIGHT });
  await pool.query(`DROP TABLE IF EXISTS ${TABLE}`);
  await pool.query(
    `CREATE TABLE ${TABLE} (routing_key text NOT NULL, dedup_key text NOT NULL, occurrences int NOT NULL,
       last_at timestamptz NOT NULL, payload jsonb NOT NULL, PRIMARY KEY (routing_key, dedup_key))`,
  );
  // A key repeated twice in one batch would make ON CONFLICT touch a row twice: those wait for the next batch.
  let queue: Pending[] = [];
  let inFlight = 0;
  let scheduled = false;
  const pump = (): void => {
    while (inFlight < MAX_IN_FLIGHT && queue.length) {
      const seen = new Set<string>();
      const batch: Pending[] = [];
      const later: Pending[] = [];
      for (const p of queue) {
        const key = `${p.routingKey}\n${p.dedupKey}`;
        if (batch.length < MAX_BATCH && !seen.has(key)) {
          seen.add(key);
          batch.push(p);
        } else later.push(p);
      }
      queue = later;
      inFlight++;
      pool
        .query(UPSERT, [batch.map((p) => p.routingKey), batch.map((p) => p.dedupKey), batch.map((p) => p.payload)])
        .then(
          () => batch.forEach((p) => p.done()),
          (err: unknown) => batch.forEach((p) => p.done(err)),
        )
        .finally(() => {
          inFlight--;
          pump();
        });
    }
  };
  const app = Fastify({ logger: false, bodyLimit: 512 * 1024 });
  app.get('/readyz', async () => ({ status: 'ok' }));
  app.post('/v2/enqueue', async (req, reply) => {
    const body = (req.body ?? {}) as EventsV2Body;
    if (typeof body.routing_key !== 'string' || typeof body.dedup_key !== 'string' || body.event_action !== 'trigger') {
      return reply.code(400).send({ status: 'invalid event', message: 'Event object is invalid' });
    }
    const routingKey = body.routing_key;
    const dedupKey = body.dedup_key;
    await new Promise<void>((resolve, reject) => {
      queue.push({ routingKey, dedupKey, payload: JSON.stringify(body.payload ?? null), done: (err) => (err ? reject(err) : resolve()) });
      if (!scheduled) {
        scheduled = true;
        setImmediate(() => {
          scheduled = false;
          pump();
        });
      }
    });
    return reply.code(202).send({ status: 'success', message: 'Event processed', dedup_key: dedupKey });
  });
  await app.listen({ port, host: '127.0.0.1' });
  return async () => {
    await app.close();
    await pool.query(`DROP TABLE IF EXISTS ${TABLE}`).catch(() => undefined);
    await pool.end();
  };
}

/** The floor server as a process of its own, as Klaxon and Alertmanager are, its output in `logDir/floor.log`. */
export class FloorProcess extends ServerProcess {
  private constructor(
    private readonly databaseUrl: string,
    private readonly logDir: string,
    port: number,
  ) {
    super(port);
  }

  static async create(databaseUrl: string, logDir: string): Promise<FloorProcess> {
    return new FloorProcess(databaseUrl, logDir, await freePort());
  }

  start(timeoutMs = 60_000): Promise<number> {
    return this.spawnUntilReady(
      {
        label: 'durable floor',
        command: process.execPath,
        args: ['-r', 'ts-node/register/transpile-only', __filename],
        cwd: REPO_ROOT,
        env: { PATH: process.env.PATH, FLOOR_DATABASE_URL: this.databaseUrl, FLOOR_PORT: String(this.port) },
        logFile: path.join(this.logDir, 'floor.log'),
        readyUrl: `${this.url}/readyz`,
      },
      timeoutMs,
    );
  }

  stop(graceMs = 10_000): Promise<void> {
    return this.terminate(graceMs);
  }
}

if (require.main === module) {
  serveFloor(process.env.FLOOR_DATABASE_URL ?? '', Number(process.env.FLOOR_PORT))
    .then((close) => {
      process.on('SIGTERM', () => void close().finally(() => process.exit(0)));
    })
    .catch((e: unknown) => {
      process.stderr.write(`floor server failed: ${e instanceof Error ? e.stack : String(e)}\n`);
      process.exit(1);
    });
}
