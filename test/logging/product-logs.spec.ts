import { AsyncLocalStorage } from 'node:async_hooks';
import { maskAddress } from '../../src/notifications/contact-address.mask';
import { FakeTwilioServer, TWILIO_INVALID_NUMBER } from '../fakes/fake-twilio.server';
import { signedTwilioRequest } from '../fakes/signing';
import { WorkerService } from '../../src/worker/worker.service';
import { createPolicy, createService, createServiceWithEventsV2, createUser, phoneNumber, trigger } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

const INFO = 30;
const WARN = 40;

/**
 * What the logs say about the product's work, read from the app's own log
 * stream (LOG_LEVEL=debug) while an alert goes through its life: opened,
 * paged (sent, failed, skipped), escalated, acknowledged, resolved; and what a
 * refused webhook leaves. Real engine and outbox on PostgreSQL, the fake
 * Twilio, a fake clock.
 */
describe('product log lines', () => {
  let t: TestApp;
  let worker: WorkerService;
  const twilio = new FakeTwilioServer();
  const raw: string[] = [];
  const lines = (): LogLine[] => raw.flatMap((chunk) => chunk.split('\n').filter(Boolean).map((l) => JSON.parse(l) as LogLine));
  /** Lines written while `work` ran. */
  const during = async (work: () => Promise<unknown>): Promise<LogLine[]> => {
    const from = lines().length;
    await work();
    return lines().slice(from);
  };
  const product = (ls: LogLine[]) => ls.filter((l) => l.level >= INFO);

  beforeAll(async () => {
    const twilioUrl = await twilio.start();
    t = await createTestApp({
      env: {
        LOG_LEVEL: 'debug',
        PUBLIC_URL: 'https://klaxon.example.com',
        TWILIO_ACCOUNT_SID: twilio.accountSid,
        TWILIO_AUTH_TOKEN: twilio.authToken,
        TWILIO_FROM: '+15550109999',
        TWILIO_API_URL: twilioUrl,
      },
      logStream: { write: (chunk: string) => void raw.push(chunk) },
    });
    worker = t.get(WorkerService);
  });
  afterAll(async () => {
    if (process.env.PRINT_LOGS) process.stdout.write(lines().filter((l) => l.level >= INFO).map((l) => JSON.stringify(l)).join('\n'));
    await t.close();
    await twilio.stop();
  });

  it("writes Nest's route mapping at debug, never at info", () => {
    const mapped = lines().filter((l) => typeof l.msg === 'string' && l.msg.startsWith('Mapped {'));
    expect(mapped.length).toBeGreaterThan(50);
    expect(mapped.every((l) => l.level === 20)).toBe(true);
    expect(lines().filter((l) => l.context === 'InstanceLoader' && l.level >= INFO)).toEqual([]);
  });

  it('one line per state change and per page outcome, with the incident number, user and channel, never a full address', async () => {
    const alicePhone = phoneNumber();
    const bobPhone = phoneNumber();
    const alice = await createUser(t, { name: 'Alice' }, [
      { type: 'sms', address: alicePhone },
      { type: 'email', address: 'alice.logs@example.com' },
    ]);
    const bob = await createUser(t, { name: 'Bob' }, [{ type: 'sms', address: bobPhone }]);
    const policy = await createPolicy(t, [
      { delayMinutes: 5, targets: [{ type: 'user', id: alice.id }] },
      { delayMinutes: 5, targets: [{ type: 'user', id: bob.id }] },
    ]);
    const { serviceId, routingKey } = await createServiceWithEventsV2(t, policy.id);

    let incident!: { id: string; number: number };
    const opened = await during(async () => (incident = await trigger(t, routingKey, 'logs-1', 'Disk full')));
    expect(product(opened).filter((l) => l.msg === 'incident opened')).toEqual([
      expect.objectContaining({ level: INFO, incident: incident.number, incidentId: incident.id, serviceId, severity: 'critical', source: 'events-v2' }),
    ]);

    // A repeated trigger changes nothing: no line at info or above (the hot path of ingest).
    const repeat = { routing_key: routingKey, event_action: 'trigger', dedup_key: 'logs-1', payload: { summary: 'Disk full', source: 'test', severity: 'critical' } };
    const repeated = await during(() => t.http().post('/v2/enqueue').send(repeat).expect(202));
    expect(product(repeated)).toEqual([]);
    expect(repeated.filter((l) => l.msg === 'request completed' && (l.req as { url: string }).url === '/v2/enqueue').map((l) => l.level)).toEqual([20]);

    // Level 1: Alice's SMS is sent, her email skipped (no SMTP configured).
    const firstLevel = await during(() => worker.drain());
    const sent = product(firstLevel).filter((l) => l.msg === 'page sent');
    expect(sent).toEqual([
      expect.objectContaining({ level: INFO, incident: incident.number, userId: alice.id, channel: 'sms', to: maskAddress('sms', alicePhone), provider: 'twilio' }),
    ]);
    expect(product(firstLevel).filter((l) => l.msg === 'page skipped')).toEqual([
      expect.objectContaining({ level: INFO, incident: incident.number, userId: alice.id, channel: 'email', to: expect.stringMatching(/^a•••@example\.com$/), reason: 'not configured' }),
    ]);
    // Twilio's status callback says it was delivered.
    const callback = signedTwilioRequest(twilio.authToken, 'https://klaxon.example.com/twilio/sms/status', {
      MessageSid: String(sent[0].providerMessageId),
      MessageStatus: 'delivered',
    });
    const delivered = await during(() => t.http().post('/twilio/sms/status').set(callback.headers).send(callback.body).expect(204));
    expect(product(delivered).filter((l) => l.msg === 'page delivered')).toEqual([
      expect.objectContaining({ level: INFO, incident: incident.number, userId: alice.id, channel: 'sms', status: 'delivered', to: maskAddress('sms', alicePhone) }),
    ]);
    // The escalation start has no line of its own: "incident opened" said it.
    expect(firstLevel.filter((l) => l.msg === 'incident escalated')).toEqual([]);

    // Level 2 after 5 minutes: Bob's number is refused by Twilio.
    twilio.setFailure(TWILIO_INVALID_NUMBER);
    t.clock.advanceMinutes(5);
    const secondLevel = await during(() => worker.drain());
    twilio.setFailure(null);
    expect(product(secondLevel).filter((l) => l.msg === 'incident escalated')).toEqual([
      expect.objectContaining({ level: INFO, incident: incident.number, incidentId: incident.id, escalationLevel: 2, loop: 0 }),
    ]);
    const failed = product(secondLevel).filter((l) => l.msg === 'page failed');
    expect(failed).toEqual([
      expect.objectContaining({ level: WARN, incident: incident.number, userId: bob.id, channel: 'sms', to: maskAddress('sms', bobPhone) }),
    ]);
    expect(String(failed[0].reason)).toContain('not a valid phone number');

    const acked = await during(() => t.api().post(`/api/v1/incidents/${incident.id}/acknowledge`).expect(200));
    expect(product(acked).filter((l) => l.msg === 'incident acknowledged')).toEqual([
      expect.objectContaining({ level: INFO, incident: incident.number, by: 'api-key', name: 'test admin', channel: 'api' }),
    ]);
    const resolved = await during(() => t.api().post(`/api/v1/incidents/${incident.id}/resolve`).expect(200));
    expect(product(resolved).filter((l) => l.msg === 'incident resolved')).toEqual([
      expect.objectContaining({ level: INFO, incident: incident.number, by: 'api-key', channel: 'api' }),
    ]);

    // No line holds a full address.
    const all = raw.join('');
    for (const address of [alicePhone, bobPhone, 'alice.logs@example.com']) expect(all).not.toContain(address);
  });

  it('one warn line per refused webhook request, with the status, the reason and the key prefix only', async () => {
    const unknownKey = 'R0123456789abcdef0123456789abcde';
    const refused = await during(() =>
      t
        .http()
        .post('/v2/enqueue')
        .send({ routing_key: unknownKey, event_action: 'trigger', payload: { summary: 's', source: 's', severity: 'info' } })
        .expect(404),
    );
    expect(product(refused)).toEqual([
      expect.objectContaining({ level: WARN, msg: 'webhook refused', status: 404, reason: 'Unknown routing_key', key: 'R01234…', url: '/v2/enqueue' }),
    ]);

    const pathKey = 'P0123456789abcdef0123456789abcdef';
    const byPath = await during(() => t.http().post(`/integrations/${pathKey}/alertmanager`).send({ version: '4' }).expect(404));
    expect(product(byPath)).toEqual([
      expect.objectContaining({ level: WARN, msg: 'webhook refused', status: 404, key: 'P01234…', url: '/integrations/***/alertmanager' }),
    ]);

    const invalid = await during(() => t.http().post('/v2/enqueue').set('Content-Type', 'application/json').send('{"routing_key": "K0123').expect(400));
    expect(product(invalid)).toEqual([expect.objectContaining({ level: WARN, msg: 'webhook refused', status: 400, reason: 'Event object is invalid' })]);

    const all = raw.join('');
    expect(all).not.toContain(unknownKey);
    expect(all).not.toContain(pathKey);
  });
  it("names a request by Fastify's id, the audit log's, and runs no request inside an AsyncLocalStorage", async () => {
    const als = [jest.spyOn(AsyncLocalStorage.prototype, 'run'), jest.spyOn(AsyncLocalStorage.prototype, 'enterWith')];
    try {
      let teamId = '';
      const created = await during(async () => {
        teamId = (await t.api().post('/api/v1/teams', { name: 'log request ids' }).expect(201)).body.id;
      });
      const completed = created.find((l) => l.msg === 'request completed' && (l.req as { url: string }).url === '/api/v1/teams');
      expect(completed).toEqual(expect.objectContaining({ level: INFO, req: expect.objectContaining({ id: expect.any(String), method: 'POST' }) }));
      const [audit] = (await t.dataSource.query('SELECT request_id FROM audit_log WHERE resource_id = $1', [teamId])) as { request_id: string }[];
      expect(audit.request_id).toBe((completed?.req as { id: string }).id);

      const refused = await during(() => t.http().post('/v2/enqueue').send({ routing_key: 'R0123456789abcdef0123456789abcde' }).expect(404));
      const refusal = refused.find((l) => l.msg === 'webhook refused');
      const line = refused.find((l) => l.msg === 'request completed');
      expect(refusal?.req).toEqual({ id: (line?.req as { id: string }).id, method: 'POST', url: '/v2/enqueue' });
      for (const spy of als) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of als) spy.mockRestore();
    }
  });

  it('an event dropped by a router rule is one debug line with the router and rule, never the key', async () => {
    const service = await createService(t);
    const router = await t
      .api()
      .post('/api/v1/event-routers', {
        name: 'logs router',
        rules: [{ name: 'noise', when: [{ field: 'severity', op: 'equals', value: 'info' }], then: { drop: true } }],
        fallback: { serviceId: service.id },
      })
      .expect(201);
    const key: string = router.body.routingKey;
    const dropped = await during(() =>
      t
        .http()
        .post('/v2/enqueue')
        .send({ routing_key: key, event_action: 'trigger', dedup_key: 'noisy', payload: { summary: 's', source: 's', severity: 'info' } })
        .expect(202),
    );
    expect(product(dropped)).toEqual([]);
    expect(dropped).toContainEqual(
      expect.objectContaining({ level: 20, msg: 'event dropped by router rule', router: router.body.id, rule: '0', ruleName: 'noise', dedupKey: 'noisy' }),
    );
    expect(raw.join('')).not.toContain(key);
  });
});
