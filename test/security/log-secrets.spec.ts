import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { createHmac } from 'node:crypto';
import pino from 'pino';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { configureApp, createHttpAdapter } from '../../src/app.setup';
import { ApiKeysService } from '../../src/auth/api-keys.service';
import { AppConfig, maskedConfig, parseEnv } from '../../src/config/app-config';
import { createTestDatabase, TestDatabase } from '../support/database';
import { loadSample } from '../support/factories';
import { signedTwilioRequest, slackSignature } from '../fakes/signing';

/**
 * An app at LOG_LEVEL=trace whose logs go to a stream this test reads. Requests
 * carry every kind of secret Klaxon handles (API keys, integration and
 * heartbeat keys in URLs, signing secrets and signatures, provider tokens,
 * calendar and email-action tokens); none may appear in any log line.
 */
const SECRETS = {
  KLAXON_ADMIN_API_KEY: 'env-admin-SECRET-key-0123456789',
  KLAXON_SECRET: 'klaxon-SECRET-signing-0123456789',
  TWILIO_AUTH_TOKEN: 'twilio-SECRET-auth-token-0123',
  SLACK_BOT_TOKEN: 'xoxb-SECRET-slack-bot-token-0123',
  SLACK_SIGNING_SECRET: 'slack-SECRET-signing-secret-0123',
  SMTP_PASSWORD: 'smtp-SECRET-password-0123',
};

describe('secrets never appear in logs (LOG_LEVEL=trace, real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let config: AppConfig;
  const lines: string[] = [];
  const found: string[] = [];
  const stream = { write: (line: string) => void lines.push(line) };
  // Libraries with their own loggers (Slack's Bolt) write to the console: captured too.
  const consoleLines: string[] = [];
  const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
    jest.spyOn(console, m).mockImplementation((...args: unknown[]) => void consoleLines.push(args.map((a) => (a instanceof Error ? `${a.stack} ${JSON.stringify(a)}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '))),
  );

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = parseEnv({
      LOG_LEVEL: 'trace',
      KLAXON_ROLE: 'api',
      PUBLIC_URL: 'https://klaxon.example.com',
      KLAXON_ADMIN_API_KEY: SECRETS.KLAXON_ADMIN_API_KEY,
      KLAXON_SECRET: SECRETS.KLAXON_SECRET,
      TWILIO_ACCOUNT_SID: 'AC0123456789abcdef0123456789abcdef',
      TWILIO_AUTH_TOKEN: SECRETS.TWILIO_AUTH_TOKEN,
      TWILIO_FROM: '+14155550000',
      TWILIO_API_URL: 'http://127.0.0.1:9',
      SLACK_BOT_TOKEN: SECRETS.SLACK_BOT_TOKEN,
      SLACK_SIGNING_SECRET: SECRETS.SLACK_SIGNING_SECRET,
      SLACK_API_URL: 'http://127.0.0.1:9/',
      SMTP_URL: `smtp://klaxon:${SECRETS.SMTP_PASSWORD}@127.0.0.1:9`,
      SMTP_FROM: 'klaxon@example.com',
    });
    config = { ...env, databaseUrl: db.url };
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config, { logStream: stream })] }).compile();
    app = moduleRef.createNestApplication(createHttpAdapter(), { bodyParser: false, bufferLogs: true });
    configureApp(app);
    await app.init();
    // What main.ts logs at boot, through the same kind of logger.
    pino({ level: 'trace' }, stream).info({ config: maskedConfig(config) }, 'configuration');
  });
  afterAll(async () => {
    for (const spy of spies) spy.mockRestore();
    await app.close();
    await db.drop();
  });

  it('exercises every secret-bearing path and finds none of them in the logs', async () => {
    const http = () => request(app.getHttpServer());
    const admin = (t: request.Test) => t.set('Authorization', `Bearer ${SECRETS.KLAXON_ADMIN_API_KEY}`);
    const secrets: Record<string, string> = { ...SECRETS };
    const dbPassword = new URL(db.url).password;
    if (dbPassword) secrets.DATABASE_PASSWORD = decodeURIComponent(dbPassword);

    // API keys: the env admin key, a created key, an unknown key, a malformed header.
    const created = await app.get(ApiKeysService).create('log test', 'admin');
    secrets.API_KEY = created.key;
    secrets.UNKNOWN_KEY = 'klx_unknownSECRETkey0123456789';
    await admin(http().get('/api/v1/users')).expect(200);
    await http().get('/api/v1/users').set('Authorization', `Bearer ${created.key}`).expect(200);
    await http().get('/api/v1/users').set('Authorization', `Bearer ${secrets.UNKNOWN_KEY}`).expect(401);
    await http().get('/api/v1/users').set('Authorization', secrets.UNKNOWN_KEY).expect(401);
    const createdKey = await admin(http().post('/api/v1/api-keys')).send({ name: 'ci', role: 'read-only' }).expect(201);
    secrets.API_KEY_IN_RESPONSE = createdKey.body.key;

    // Integrations: keys come back in responses and travel in URLs; a signing secret goes in a body.
    const [policy] = await app.get(DataSource).query(
      `INSERT INTO escalation_policies (name, repeat, levels, version) VALUES ('p', 0, '[]', 1) RETURNING id`,
    );
    const svc = await admin(http().post('/api/v1/services')).send({ name: 'Logs', escalationPolicyId: policy.id }).expect(201);
    const integration = async (type: string, extra: object = {}) =>
      (await admin(http().post(`/api/v1/services/${svc.body.id}/integrations`)).send({ type, ...extra }).expect(201)).body.key as string;
    secrets.EVENTS_V2_KEY = await integration('events-v2');
    secrets.ALERTMANAGER_KEY = await integration('alertmanager');
    secrets.GENERIC_KEY = await integration('generic');
    secrets.GRAFANA_SIGNING_SECRET = 'grafana-SECRET-signing-0123';
    secrets.GRAFANA_KEY = await integration('grafana', { signingSecret: secrets.GRAFANA_SIGNING_SECRET });
    const hb = await admin(http().post(`/api/v1/services/${svc.body.id}/heartbeats`)).send({ name: 'hb', intervalMinutes: 5 }).expect(201);
    secrets.HEARTBEAT_KEY = hb.body.key;

    const post = (url: string, body: unknown) => http().post(url).set('Content-Type', 'application/json').send(JSON.stringify(body));
    await post('/v2/enqueue', { routing_key: secrets.EVENTS_V2_KEY, event_action: 'trigger', payload: { summary: 's', source: 's', severity: 'info' } }).expect(202);
    await post('/v2/enqueue', { routing_key: secrets.EVENTS_V2_KEY, event_action: 'explode' }).expect(400);
    await post(`/integrations/${secrets.ALERTMANAGER_KEY}/alertmanager`, loadSample('alertmanager-webhook-firing.json')).expect(202);
    await post(`/integrations/${secrets.ALERTMANAGER_KEY}/alertmanager`, { version: 'x' }).expect(400);
    await http().get(`/integrations/${secrets.GENERIC_KEY}/generic`).query({ summary: 'via GET' }).expect(202);
    await post(`/integrations/${secrets.GENERIC_KEY}/grafana`, {}).expect(404);
    await http().post(`/heartbeats/${secrets.HEARTBEAT_KEY}`).expect(202);
    secrets.UNKNOWN_HEARTBEAT_KEY = 'hbSECRETunknown0123456789';
    await http().post(`/heartbeats/${secrets.UNKNOWN_HEARTBEAT_KEY}`).expect(404);

    // Opsgenie: the key in an Authorization header (GenieKey), accepted, unknown and refused for its body.
    secrets.OPSGENIE_KEY = await integration('opsgenie');
    secrets.UNKNOWN_GENIE_KEY = 'genieSECRETunknown0123456789';
    const genie = (key: string) => (t: request.Test) => t.set('Authorization', `GenieKey ${key}`);
    await genie(secrets.OPSGENIE_KEY)(post('/v2/alerts', { message: 'disk full', alias: 'logs' })).expect(202);
    await genie(secrets.OPSGENIE_KEY)(post('/v2/alerts', { message: '' })).expect(422);
    await genie(secrets.OPSGENIE_KEY)(post('/v2/alerts/logs/close?identifierType=alias', {})).expect(202);
    await genie(secrets.UNKNOWN_GENIE_KEY)(post('/v2/alerts', { message: 'x' })).expect(401);

    // Grafana, signed and forged.
    const grafanaBody = JSON.stringify(loadSample('grafana-webhook-firing.json'));
    secrets.GRAFANA_SIGNATURE = createHmac('sha256', secrets.GRAFANA_SIGNING_SECRET).update(grafanaBody).digest('hex');
    await http()
      .post(`/integrations/${secrets.GRAFANA_KEY}/grafana`)
      .set('Content-Type', 'application/json')
      .set('X-Grafana-Alerting-Signature', secrets.GRAFANA_SIGNATURE)
      .send(grafanaBody)
      .expect(202);
    await post(`/integrations/${secrets.GRAFANA_KEY}/grafana`, {}).set('X-Grafana-Alerting-Signature', 'deadbeef').expect(401);

    // Twilio, signed with the auth token, and forged.
    const twilio = signedTwilioRequest(secrets.TWILIO_AUTH_TOKEN, 'https://klaxon.example.com/twilio/sms', { From: '+14155550100', Body: 'help' });
    secrets.TWILIO_SIGNATURE = twilio.headers['X-Twilio-Signature'];
    const signed = await http().post('/twilio/sms').set(twilio.headers).send(twilio.body);
    expect(signed.status).toBeLessThan(500);
    await http().post('/twilio/sms').set('X-Twilio-Signature', 'forgedSECRETsignature=').type('form').send({ From: '+1', Body: 'x' }).expect(403);

    // Slack, signed with the signing secret.
    const slackBody = new URLSearchParams({ command: '/oncall', text: '', user_id: 'U1', team_id: 'T1', channel_id: 'C1' }).toString();
    const ts = Math.floor(Date.now() / 1000);
    secrets.SLACK_SIGNATURE = slackSignature(secrets.SLACK_SIGNING_SECRET, ts, slackBody);
    const slack = await http()
      .post('/slack/events')
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .set('X-Slack-Signature', secrets.SLACK_SIGNATURE)
      .set('X-Slack-Request-Timestamp', String(ts))
      .send(slackBody);
    expect(slack.status).toBeLessThan(500);
    // Bolt authorises the request against the (unreachable) Slack API with retries and logs the failure later.
    for (let waited = 0; waited < 8000 && !consoleLines.some((l) => /bolt/i.test(l)); waited += 200) await new Promise((r) => setTimeout(r, 200));

    // Calendar and email-action tokens in URLs.
    const schedule = await admin(http().post('/api/v1/schedules')).send({ name: 'S', timeZone: 'UTC', layers: [] }).expect(201);
    secrets.ICAL_TOKEN = new URL(schedule.body.icalUrl, 'http://x').searchParams.get('token') ?? '';
    expect(secrets.ICAL_TOKEN.length).toBeGreaterThan(8);
    await http().get(`/api/v1/schedules/${schedule.body.id}/ical?token=${secrets.ICAL_TOKEN}`).expect(200);
    secrets.ACTION_TOKEN = 'actionSECRETtoken0123456789';
    await http().get(`/actions/${secrets.ACTION_TOKEN}`);
    secrets.SHORT_LINK_TOKEN = 'SECRETshortLinkToken01';
    await http().get(`/i/${secrets.SHORT_LINK_TOKEN}`).expect(404);
    await http().post(`/i/${secrets.SHORT_LINK_TOKEN}/resolve`).expect(404);

    // The capture works: request lines are there, with keys masked.
    const log = lines.join('') + consoleLines.join('\n');
    expect(log).toContain('"url":"/integrations/***/alertmanager"');
    expect(log).toContain('"url":"/heartbeats/***"');
    expect(log).toContain('"msg":"request completed"');
    expect(log).toContain('"msg":"configuration"');

    for (const [name, value] of Object.entries(secrets)) if (value && log.includes(value)) found.push(name);
    for (const spy of spies) spy.mockRestore();
    console.log(`log-secrets: ${lines.length} log lines and ${consoleLines.length} console lines, ${Object.keys(secrets).length} secrets checked, ${found.length} found`);
    expect(found).toEqual([]);
  });
});
