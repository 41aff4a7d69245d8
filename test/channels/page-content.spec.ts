import { smsSize } from '../../src/notifications/channels/sms/sms-encoding';
import { createIntegration, createPolicy, createServiceWithEventsV2, createUser, loadSample, phoneNumber } from '../support/factories';
import { ChannelsHarness, PUBLIC_URL, buttonPayload } from './channels-harness';

/**
 * What a page says, with the real SDKs at the fake Twilio, Slack and SMTP servers:
 * the SMS names the source and carries a short link whose page acknowledges and
 * resolves; Slack and email show the source, the alert's details and links, and who
 * is paged. Also: Bolt asks Slack's auth.test once, not once per request.
 */
describe('page content', () => {
  const h = new ChannelsHarness();

  beforeAll(async () => {
    await h.start();
    // Slack request timestamps are checked against the app's clock.
    h.t.clock.set(new Date());
  });
  afterAll(() => h.stop());
  beforeEach(() => h.reset());

  const shortLinkIn = (body: string) => {
    const match = new RegExp(`${PUBLIC_URL.replace(/\./g, '\\.')}(/i/[A-Za-z0-9_-]{22})$`).exec(body);
    if (!match) throw new Error(`no short link at the end of: ${body}`);
    return match[1];
  };

  /** Events v2 with everything a sender can add. */
  const richTrigger = (routingKey: string, dedupKey: string) =>
    h.t
      .http()
      .post('/v2/enqueue')
      .send({
        routing_key: routingKey,
        event_action: 'trigger',
        dedup_key: dedupKey,
        payload: {
          summary: 'Replica lag above 30s',
          source: 'db-02.prod',
          severity: 'critical',
          component: 'postgres',
          custom_details: { lag_seconds: 42, replica: 'db-02', note: 'x'.repeat(500) },
        },
        links: [{ href: 'https://runbooks.example/replica-lag', text: 'Runbook' }],
      })
      .expect(202);

  it('an SMS names the source and carries a short link: GET shows the incident, POST acknowledges then resolves, once each', async () => {
    const phone = phoneNumber();
    const { incident, user } = await h.paged({ type: 'sms', address: phone }, 'link-1', { name: 'Ivan', summary: 'Checkout errors above 5%' });
    const sms = await h.twilio.waitForMessage((m) => m.To === phone);
    expect(sms.Body).toContain(`Klaxon #${incident.number} CRITICAL `);
    expect(sms.Body).toContain('Checkout errors above 5%. Src: test.');
    expect(sms.Body).toContain(`Reply "ack ${incident.number}"`);
    expect(smsSize(sms.Body)).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    const path = shortLinkIn(sms.Body);
    expect(path.length).toBeLessThanOrEqual(40);

    // Opening it (or a link preview fetching it) changes nothing.
    const page = await h.t.http().get(path).expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.text).toContain(`Incident #${incident.number}`);
    expect(page.text).toContain('Checkout errors above 5%');
    expect(page.text).toContain('<th align="left">Source</th><td>test (Events v2)</td>');
    expect(page.text).toContain('<th align="left">Paging</th><td>Ivan</td>');
    const token = path.split('/').pop()!;
    expect(page.text).toContain(`<form method="post" action="${token}/acknowledge"`);
    expect(page.text).toContain(`<form method="post" action="${token}/resolve"`);
    // The whole incident is in the web console, which asks to sign in; this page needs none.
    expect(page.text).toContain(`<a href="${PUBLIC_URL}/incidents/${incident.number}">Open incident #${incident.number} in the Klaxon console</a>`);
    expect((await h.incident(incident.id)).status).toBe('triggered');

    const acked = await h.t.http().post(`${path}/acknowledge`).type('form').send('').expect(200);
    expect(acked.text).toContain(`Incident #${incident.number} acknowledged.`);
    const detail = await h.incident(incident.id);
    expect(detail.status).toBe('acknowledged');
    expect(detail.timeline.find((e) => e.type === 'acknowledged')).toMatchObject({ channel: 'sms' });
    const [row] = await h.t.dataSource.query(`SELECT acknowledged_by FROM incidents WHERE id = $1`, [incident.id]);
    expect(row.acknowledged_by).toMatchObject({ type: 'user', id: user.id, name: 'Ivan', channel: 'sms' });

    // A replayed POST is refused; the page now offers Resolve only and says who acknowledged.
    await h.t.http().post(`${path}/acknowledge`).expect(409);
    const after = await h.t.http().get(path).expect(200);
    expect(after.text).not.toContain(`${token}/acknowledge`);
    expect(after.text).toContain(`${token}/resolve`);
    expect(after.text).toContain('acknowledged by Ivan (via SMS)');

    await h.t.http().post(`${path}/resolve`).expect(200);
    expect((await h.incident(incident.id)).status).toBe('resolved');
    await h.t.http().post(`${path}/resolve`).expect(409);
    expect((await h.t.http().get(path).expect(200)).text).toContain('Nothing left to do from this link.');

    // Stored hashed: the token itself is nowhere in the table.
    const stored = await h.t.dataSource.query(`SELECT token_hash FROM incident_links WHERE incident_id = $1`, [incident.id]);
    expect(stored).toHaveLength(1);
    expect(stored[0].token_hash).not.toContain(token);
  });

  it('refuses unknown and malformed tokens with 404, and expired links with 410, with a page that says so', async () => {
    const unknown = await h.t.http().get('/i/AAAAAAAAAAAAAAAAAAAAAA').expect(404);
    expect(unknown.headers['content-type']).toMatch(/^text\/html/);
    expect(unknown.text).toContain('This Klaxon link is not valid');
    await h.t.http().post('/i/AAAAAAAAAAAAAAAAAAAAAA/acknowledge').expect(404);
    await h.t.http().get('/i/not-a-token').expect(404);
    await h.t.http().post(`/i/${'x'.repeat(300)}/resolve`).expect(404);

    // Seven days after the page.
    const phone = phoneNumber();
    const { incident } = await h.paged({ type: 'sms', address: phone }, 'link-expired', { levels: 1 });
    const path = shortLinkIn((await h.twilio.waitForMessage((m) => m.To === phone)).Body);
    h.t.clock.advanceMinutes(7 * 24 * 60 - 1);
    await h.t.http().get(path).expect(200);
    h.t.clock.advanceMinutes(2);
    const expired = await h.t.http().get(path).expect(410);
    expect(expired.text).toContain('This Klaxon link has expired');
    await h.t.http().post(`${path}/acknowledge`).expect(410);
    expect((await h.incident(incident.id)).status).toBe('triggered');
  });

  it('a link stops working a day after its incident is resolved', async () => {
    const phone = phoneNumber();
    const { incident } = await h.paged({ type: 'sms', address: phone }, 'link-resolved', { levels: 1 });
    const path = shortLinkIn((await h.twilio.waitForMessage((m) => m.To === phone)).Body);
    await h.t.api('responder').post(`/api/v1/incidents/${incident.id}/resolve`, {}).expect(200);
    h.t.clock.advanceMinutes(23 * 60);
    await h.t.http().get(path).expect(200);
    h.t.clock.advanceMinutes(61);
    await h.t.http().get(path).expect(410);
  });

  it('Slack and email show the source, the details, the links and who is paged (Events v2)', async () => {
    const kim = await createUser(h.t, { name: 'Kim' }, [
      { type: 'email', address: 'kim@example.test' },
      { type: 'slack', address: 'U0KIM' },
    ]);
    const lee = await createUser(h.t, { name: 'Lee' }, [{ type: 'email', address: 'lee@example.test' }]);
    const policy = await createPolicy(h.t, [{ delayMinutes: 5, targets: [{ type: 'user', id: kim.id }, { type: 'user', id: lee.id }] }]);
    const { routingKey } = await createServiceWithEventsV2(h.t, policy.id);
    await richTrigger(routingKey, 'rich-1');
    await h.drain();

    const mail = await h.smtp.waitForMessage((m) => m.to.includes('kim@example.test'));
    const text = mail.text ?? '';
    expect(text).toContain('Source: db-02.prod (Events v2)');
    expect(text).toContain('Paging: Kim, Lee');
    expect(text).toContain('  lag_seconds: 42');
    expect(text).toContain('  replica: db-02');
    expect(text).toContain('  component: postgres');
    expect(text).toMatch(/ {2}note: x{197}\.\.\.\n/);
    expect(text).toContain('  Runbook: https://runbooks.example/replica-lag');
    expect(mail.html).toContain('<li><a href="https://runbooks.example/replica-lag">Runbook</a></li>');
    // Email and Slack pages open the incident in the web console.
    const number = (await h.t.api().get('/api/v1/incidents?limit=1').expect(200)).body.items[0].number;
    expect(text).toContain(`View: ${PUBLIC_URL}/incidents/${number}`);
    expect(mail.html).toContain(`<a href="${PUBLIC_URL}/incidents/${number}">View incident</a>`);

    const dm = await h.slack.waitForCall('chat.postMessage', (c) => c.args.channel === 'U0KIM');
    expect(dm.args.text).toContain('Replica lag above 30s');
    const blocks = JSON.stringify(dm.args.blocks);
    expect(blocks).toContain('*Source*\\ndb-02.prod (Events v2)');
    expect(blocks).toContain('*Paging*\\nKim, Lee');
    expect(blocks).toContain('*lag_seconds:* 42');
    expect(blocks).toContain('<https://runbooks.example/replica-lag|Runbook>');
    expect(blocks).toContain(`<${PUBLIC_URL}/incidents/${number}|View incident>`);
  });

  it('Slack and email show the labels, annotations and links of an Alertmanager alert', async () => {
    const mia = await createUser(h.t, { name: 'Mia' }, [
      { type: 'email', address: 'mia@example.test' },
      { type: 'slack', address: 'U0MIA' },
    ]);
    const policy = await createPolicy(h.t, [{ delayMinutes: 5, targets: [{ type: 'user', id: mia.id }] }]);
    const { serviceId } = await createServiceWithEventsV2(h.t, policy.id);
    const integration = await createIntegration(h.t, serviceId, 'alertmanager');
    await h.t.http().post(`/integrations/${integration.key}/alertmanager`).send(loadSample('alertmanager-webhook-firing.json')).expect(202);
    await h.drain();

    const text = (await h.smtp.waitForMessage((m) => m.to.includes('mia@example.test'))).text ?? '';
    expect(text).toContain('Source: db-1:9100 (Alertmanager)');
    expect(text).toContain('Paging: Mia');
    expect(text).toContain('  alertname: HighCPU');
    expect(text).toContain('  service: billing');
    expect(text).toContain('  Runbook: https://runbooks.example/high-cpu');
    expect(text).toContain('  Source: http://prometheus.local/graph?g0.expr=cpu');

    const blocks = JSON.stringify((await h.slack.waitForCall('chat.postMessage', (c) => c.args.channel === 'U0MIA')).args.blocks);
    expect(blocks).toContain('*Source*\\ndb-1:9100 (Alertmanager)');
    expect(blocks).toContain('*instance:* db-1:9100');
    expect(blocks).toContain('<https://runbooks.example/high-cpu|Runbook>');
  });

  it('N inbound button presses make at most one auth.test call', async () => {
    const { incident } = await h.paged({ type: 'slack', address: 'U0NOAH' }, 'auth-test-once', { name: 'Noah' });
    const presses = 6;
    for (let i = 0; i < presses; i++) {
      const action = i % 2 === 0 ? 'incident_escalate' : 'incident_ack';
      await h.slackAction(buttonPayload(action, incident.id, 'U0NOAH')).expect(200);
    }
    await Promise.all(
      Array.from({ length: presses }, () => h.slackAction(buttonPayload('incident_escalate', incident.id, 'U0NOAH')).expect(200)),
    );
    // No earlier test of this file sent Slack a request, so the first press is the app's first: exactly one call.
    expect(h.slack.callsTo('auth.test')).toHaveLength(1);
  });
});
