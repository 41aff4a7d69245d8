import { Client } from 'pg';
import { ChannelListener } from '../../src/database/channel-listener.repository';
import { waitFor } from '../fakes/wait-for';
import { createTestDatabase, TestDatabase } from '../support/database';

/**
 * The LISTEN connection the worker's wake-ups and the console's live events
 * share (src/database/channel-listener.repository.ts), on real PostgreSQL:
 * it hears its channel only, comes back after its connection is killed and
 * says so (what was notified meanwhile is lost, so the caller catches up),
 * and after `stop` it neither hears nor reconnects.
 */
describe('ChannelListener', () => {
  let db: TestDatabase;
  let sql: Client;
  const warnings: string[] = [];
  const logger = { warn: (_fields: unknown, msg: string) => void warnings.push(msg) };

  beforeAll(async () => {
    db = await createTestDatabase();
    sql = new Client({ connectionString: db.url });
    await sql.connect();
  });

  afterAll(async () => {
    await sql?.end();
    await db?.drop();
  });

  function listener(events: string[]): ChannelListener {
    return new ChannelListener({
      url: db.url,
      channel: 'klaxon_test_channel',
      logger,
      purpose: 'test',
      onNotification: (payload) => events.push(`notified ${payload}`),
      onListening: (reconnected) => events.push(reconnected ? 'reconnected' : 'listening'),
    });
  }

  /** The backends listening on the test channel (pg_stat_activity shows the last statement of each). */
  const LISTENING = `datname = current_database() AND query = 'LISTEN klaxon_test_channel'`;

  async function listeners(): Promise<number> {
    const { rows } = await sql.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE ${LISTENING}`);
    return rows[0].n;
  }

  /** Kills the listening connection from the server's side and waits until the listener has noticed (its warning). */
  async function killConnection(): Promise<void> {
    warnings.length = 0;
    await sql.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE ${LISTENING}`);
    await waitFor(() => warnings.length, 5000, 'the lost connection');
  }

  /** A started listener and what it told, for `body`; stopped afterwards whatever happened. */
  async function withListener(body: (events: string[], l: ChannelListener) => Promise<void>): Promise<void> {
    const events: string[] = [];
    const l = listener(events);
    await l.start();
    try {
      await body(events, l);
    } finally {
      await l.stop();
    }
  }

  it('hears its own channel, not another', async () => {
    await withListener(async (events) => {
      expect(events).toEqual(['listening']);
      await sql.query(`SELECT pg_notify('klaxon_other_channel', 'x'), pg_notify('klaxon_test_channel', 'a,b')`);
      await waitFor(() => events.length === 2, 5000, 'the notification');
      expect(events).toEqual(['listening', 'notified a,b']);
    });
  });

  it('reopens a killed connection, says it was away, and hears again', async () => {
    await withListener(async (events) => {
      await killConnection();
      await waitFor(() => events.includes('reconnected'), 10_000, 'the reconnection');
      expect(warnings).toEqual(['test: LISTEN connection lost; reconnecting']);
      await sql.query(`SELECT pg_notify('klaxon_test_channel', 'after')`);
      await waitFor(() => events.includes('notified after'), 5000, 'the notification after the reconnection');
      expect(await listeners()).toBe(1);
    });
  });

  it('after stop, neither hears nor reconnects, even when stopped while its connection was lost', async () => {
    await withListener(async (events, l) => {
      await killConnection();
      await l.stop();
      await sql.query(`SELECT pg_notify('klaxon_test_channel', 'late')`);
      // Past the reconnection delay (1 s): nothing came back.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(events).toEqual(['listening']);
      expect(await listeners()).toBe(0);
    });
  });

  it('started again while a reconnection was pending, keeps one connection: the stale retry does nothing', async () => {
    await withListener(async (events, l) => {
      await killConnection();
      await l.stop();
      await l.start();
      // Past the first start's reconnection delay (1 s).
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(events).toEqual(['listening', 'listening']);
      expect(await listeners()).toBe(1);
      await sql.query(`SELECT pg_notify('klaxon_test_channel', 'once')`);
      await waitFor(() => events.includes('notified once'), 5000, 'the notification');
      expect(events.filter((e) => e === 'notified once')).toHaveLength(1);
    });
  });

  it('refuses a channel name that is not one of ours', () => {
    expect(() => new ChannelListener({ url: db.url, channel: 'x; DROP TABLE incidents', logger, purpose: 'test', onNotification: () => undefined, onListening: () => undefined })).toThrow(
      'not a channel name',
    );
  });
});
