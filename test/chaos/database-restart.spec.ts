import { Client } from 'pg';
import { runMigrations } from '../../src/database/run-migrations';
import { createPolicy, createServiceWithEventsV2, createUser, phoneNumber } from '../support/factories';
import { PgProcess } from '../support/pg-process';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * Chaos (2): PostgreSQL restarts under ingest load. While it is down the
 * service says not-ready; it is ready again within 5 s of the database coming
 * back; and every event that got a 202 is in the database.
 */
describe('chaos: PostgreSQL restart under ingest load', () => {
  const pg = new PgProcess();
  let t: TestApp;
  let routingKey: string;

  beforeAll(async () => {
    await pg.start();
    const admin = new Client({ connectionString: pg.adminUrl });
    await admin.connect();
    await admin.query('CREATE DATABASE klaxon');
    await admin.end();
    await runMigrations(pg.url('klaxon'));
    t = await createTestApp({ databaseUrl: pg.url('klaxon') });
    const user = await createUser(t, {}, [{ type: 'sms', address: phoneNumber() }]);
    const policy = await createPolicy(t, [{ delayMinutes: 5, targets: [{ type: 'user', id: user.id }] }]);
    ({ routingKey } = await createServiceWithEventsV2(t, policy.id));
  });

  afterAll(async () => {
    await t?.close();
    await pg.destroy();
  });

  const readyStatus = async () => (await t.http().get('/readyz')).status;

  async function waitFor(pred: () => Promise<boolean>, timeoutMs: number): Promise<number> {
    const start = Date.now();
    while (Date.now() - start < timeoutMs) {
      if (await pred()) return Date.now() - start;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('timed out');
  }

  it('reports not-ready while down, recovers within 5 s, and keeps every accepted event', async () => {
    const accepted: string[] = [];
    let rejected = 0;
    let seq = 0;
    let running = true;
    const load = async () => {
      while (running) {
        const key = `chaos-${seq++}`;
        const res = await t
          .http()
          .post('/v2/enqueue')
          .timeout(10_000)
          .send({ routing_key: routingKey, event_action: 'trigger', dedup_key: key, payload: { summary: key, source: 'chaos', severity: 'error' } })
          .catch(() => null);
        if (res?.status === 202) accepted.push(key);
        else rejected++;
      }
    };
    const loops = Array.from({ length: 8 }, load);

    await new Promise((r) => setTimeout(r, 1000));
    await pg.stop();
    await waitFor(async () => (await readyStatus()) === 503, 10_000);
    await new Promise((r) => setTimeout(r, 1500));
    await pg.start();
    const recoveryMs = await waitFor(async () => (await readyStatus()) === 200, 10_000);
    await new Promise((r) => setTimeout(r, 1000));
    running = false;
    await Promise.all(loops);

    expect(recoveryMs).toBeLessThan(5000);
    const rows: { dedup_key: string }[] = await t.dataSource.query('SELECT dedup_key FROM incidents');
    const stored = new Set(rows.map((r) => r.dedup_key));
    const missing = accepted.filter((k) => !stored.has(k));
    // eslint-disable-next-line no-console
    console.log(`chaos db-restart: ${accepted.length} accepted, ${rejected} refused while down, missing ${missing.length}, ready again ${recoveryMs} ms after the database`);
    expect(missing).toEqual([]);
    expect(accepted.length).toBeGreaterThan(0);
  });
});
