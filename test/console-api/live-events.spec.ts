import { freePort } from '../../src/database/embedded-postgres';
import { waitFor } from '../fakes/wait-for';
import { incidentByDedupKey } from '../support/factories';
import { createProcessWorld, ProcessWorld } from '../support/process-world';
import type { KlaxonProcess } from '../support/worker-process';
import { signInWithKey } from './console-session-helpers';
import { SseClient } from './sse-client';

const PROCESS_ADMIN_KEY = 'worker-admin-key-0123456789';

/**
 * The console's live events (GET /api/v1/events, Server-Sent Events): a change
 * to an incident made by another process, an api process or a worker process
 * on the same database, reaches a stream on this process within a second.
 */
describe('live incident events across processes', () => {
  jest.setTimeout(240_000);
  let w: ProcessWorld;
  let base: string;
  const clients: SseClient[] = [];

  beforeAll(async () => {
    w = await createProcessWorld();
    await w.t.app.listen(0, '127.0.0.1');
    base = await w.t.app.getUrl();
    base = base.replace('[::1]', '127.0.0.1');
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await w.close();
  });

  async function stream(headers: Record<string, string>, url = `${base}/api/v1/events`): Promise<SseClient> {
    const c = new SseClient(url, headers);
    clients.push(c);
    expect(await c.open()).toBe(200);
    await waitFor(() => c.events.some((e) => e.event === 'ready'), 5000, 'the ready event');
    return c;
  }

  async function started(env: Record<string, string>): Promise<{ klaxon: KlaxonProcess; base: string }> {
    const port = await freePort();
    const klaxon = w.worker({ ...env, PORT: String(port) });
    await klaxon.start();
    return { klaxon, base: `http://127.0.0.1:${port}` };
  }

  const call = (processBase: string, method: string, path: string, body?: object) =>
    fetch(`${processBase}${path}`, {
      method,
      headers: { authorization: `Bearer ${PROCESS_ADMIN_KEY}`, 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });

  const enqueue = (processBase: string, dedupKey: string) =>
    fetch(`${processBase}/v2/enqueue`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ routing_key: w.routingKey, event_action: 'trigger', dedup_key: dedupKey, payload: { summary: 'live one', source: 't', severity: 'critical' } }),
    });

  it('needs a key or a session like any read; answers text/event-stream', async () => {
    const nobody = new SseClient(`${base}/api/v1/events`, {});
    clients.push(nobody);
    expect(await nobody.open()).toBe(401);
    const c = await stream({ authorization: `Bearer ${w.t.keys.readOnly}` });
    expect(c.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(c.headers['cache-control']).toMatch(/no-cache/);
  });

  it('an api process opens, acknowledges and annotates an incident: each change reaches this process within 1 s', async () => {
    const byKey = await stream({ authorization: `Bearer ${w.t.keys.readOnly}` });
    const session = await signInWithKey(w.t);
    const byCookie = await stream({ cookie: session.cookie });
    const api = await started({ KLAXON_ROLE: 'api' });

    expect((await enqueue(api.base, 'live-1')).status).toBe(202);
    const triggeredAt = Date.now();
    const opened = await waitFor(() => byKey.events.find((e) => e.event === 'incident' && (e.data as { status: string }).status === 'triggered'), 5000, 'the opened incident');
    expect(opened.receivedAt - triggeredAt).toBeLessThan(1000);
    const incident = opened.data as { id: string; number: number };
    expect(opened.data).toEqual({ id: incident.id, number: incident.number, status: 'triggered', level: expect.any(Number), updatedAt: expect.any(String) });

    const ack = await call(api.base, 'POST', `/api/v1/incidents/${incident.id}/acknowledge`, { note: 'on it' });
    expect(ack.ok).toBe(true);
    const ackedAt = Date.now();
    for (const c of [byKey, byCookie]) {
      const seen = await waitFor(() => c.incidentEvents(incident.id).find((e) => e.data.status === 'acknowledged'), 2000, 'the acknowledgement');
      expect(seen.receivedAt - ackedAt).toBeLessThan(1000);
    }

    const before = byKey.incidentEvents(incident.id).length;
    const note = await call(api.base, 'POST', `/api/v1/incidents/${incident.id}/notes`, { text: 'looking at the disk' });
    expect(note.ok).toBe(true);
    const notedAt = Date.now();
    const noted = await waitFor(() => byKey.incidentEvents(incident.id)[before], 2000, 'the note');
    expect(noted.receivedAt - notedAt).toBeLessThan(1000);

    // Repeats: the first starts a burst (it writes the incident row), the next writes its alert alone; each is a live event.
    for (const n of [1, 2]) {
      const seenBefore = byKey.incidentEvents(incident.id).length;
      expect((await enqueue(api.base, 'live-1')).status).toBe(202);
      const sentAt = Date.now();
      const seen = await waitFor(() => byKey.incidentEvents(incident.id)[seenBefore], 2000, `repeat ${n}`);
      expect(seen.receivedAt - sentAt).toBeLessThan(1000);
    }

    expect(await api.klaxon.stop()).toBe(0);
  });

  it('a worker process escalates an incident: the change reaches this process within 1 s of the worker writing it', async () => {
    const c = await stream({ authorization: `Bearer ${w.t.keys.readOnly}` });
    await w.t.http().post('/v2/enqueue').send({ routing_key: w.routingKey, event_action: 'trigger', dedup_key: 'live-2', payload: { summary: 'live two', source: 't', severity: 'critical' } }).expect(202);
    const { id } = await incidentByDedupKey(w.t, 'live-2');
    await waitFor(() => c.incidentEvents(id).length > 0, 5000, 'the new incident');
    const workerStart = Date.now();
    const worker = await started({ KLAXON_ROLE: 'worker' });
    // The worker starts the escalation and pages the user: timeline entries written by that process.
    await w.twilio.waitFor(() => w.twilio.messages.some((m) => /live two/.test(m.Body)), 60_000);
    const rows: { at: Date; type: string }[] = await w.t.dataSource.query(
      'SELECT at, type FROM incident_timeline WHERE incident_id = $1 AND at >= $2 ORDER BY at',
      [id, new Date(workerStart)],
    );
    expect(rows.length).toBeGreaterThan(0);
    const last = rows[rows.length - 1].at.getTime();
    const seen = await waitFor(() => c.incidentEvents(id).find((e) => e.receivedAt >= last), 2000, 'the event of the worker\'s change');
    expect(seen.receivedAt - last).toBeLessThan(1000);
    expect(await worker.klaxon.stop()).toBe(0);
  });

  it('heartbeat comments keep the stream open, and shutdown closes streams cleanly', async () => {
    const api = await started({ KLAXON_ROLE: 'api' });
    const c = new SseClient(`${api.base}/api/v1/events`, { authorization: `Bearer ${PROCESS_ADMIN_KEY}` });
    clients.push(c);
    expect(await c.open()).toBe(200);
    await waitFor(() => c.events.some((e) => e.event === 'ready'), 5000, 'ready');
    await waitFor(() => c.comments > 0, 20_000, 'a heartbeat comment (every 15 s)', 100);
    expect(c.ended).toBe(false);
    expect(await api.klaxon.stop()).toBe(0);
    await waitFor(() => c.ended, 5000, 'the stream closed by the shutdown');
  });
});
