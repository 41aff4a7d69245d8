import { createPolicy, createServiceWithEventsV2, createUser, phoneNumber, trigger } from '../support/factories';
import { ChannelsHarness, TWILIO_FROM } from './channels-harness';

/**
 * The whole path with the real SDKs: Events v2 trigger -> Twilio SMS and Slack
 * messages at the fakes -> a signed SMS reply acknowledges -> every Slack message is
 * rewritten -> the next level is never paged.
 */
describe('SMS and Slack end to end', () => {
  const h = new ChannelsHarness();

  beforeAll(async () => {
    await h.start();
  });
  afterAll(() => h.stop());
  beforeEach(() => h.reset());

  it('pages by SMS and Slack, a signed "ack <n>" acknowledges, Slack messages update, level 1 is not paged', async () => {
    const alicePhone = phoneNumber();
    const bobPhone = phoneNumber();
    const alice = await createUser(t(), { name: 'Alice' }, [
      { type: 'sms', address: alicePhone },
      { type: 'slack', address: 'U0ALICE' },
    ]);
    const bob = await createUser(t(), { name: 'Bob' }, [{ type: 'sms', address: bobPhone }]);
    const policy = await createPolicy(t(), [
      { delayMinutes: 5, targets: [{ type: 'user', id: alice.id }] },
      { delayMinutes: 5, targets: [{ type: 'user', id: bob.id }] },
    ]);
    const { routingKey } = await createServiceWithEventsV2(t(), policy.id, { slackChannelId: 'C0INCIDENTS' });
    const incident = await trigger(t(), routingKey, 'e2e-1', 'Checkout latency above 2s');
    await h.drain();

    const sms = await h.twilio.waitForMessage((m) => m.To === alicePhone);
    expect(sms.From).toBe(TWILIO_FROM);
    expect(sms.Body).toContain(`#${incident.number}`);
    expect(sms.Body).toContain(`ack ${incident.number}`);
    expect(sms.params.StatusCallback).toBe('https://klaxon.example.test/twilio/sms/status');
    const posts = h.slack.callsTo('chat.postMessage');
    expect(posts.map((c) => c.args.channel).sort()).toEqual(['C0INCIDENTS', 'U0ALICE']);
    expect(JSON.stringify(posts[0].args.blocks)).toContain('incident_ack');

    const reply = await h.sms(alicePhone, `ack ${incident.number}`).expect(200);
    expect(reply.headers['content-type']).toMatch(/xml/);
    expect(reply.text).toContain(`<Message>Klaxon: Incident #${incident.number} acknowledged.</Message>`);
    const acked = await h.incident(incident.id);
    expect(acked.status).toBe('acknowledged');
    expect(acked.timeline.find((e) => e.type === 'acknowledged')).toMatchObject({ channel: 'sms' });

    await h.drain();
    const updates = h.slack.callsTo('chat.update');
    expect(updates.map((c) => c.args.channel).sort()).toEqual(['C0INCIDENTS', h.slack.dmChannelFor('U0ALICE')]);
    for (const u of updates) {
      expect(u.args.text).toContain('ACKNOWLEDGED by Alice (via SMS)');
      expect(JSON.stringify(u.args.blocks)).not.toContain('incident_ack');
    }

    t().clock.advanceMinutes(6);
    await h.drain();
    expect(h.twilio.messages.filter((m) => m.To === bobPhone)).toHaveLength(0);

    // Twilio's delivery status callback lands on the page by its message SID.
    await h.twilioPost('/twilio/sms/status', { MessageSid: sms.sid, MessageStatus: 'delivered' }).expect(204);
    const [row] = await t().dataSource.query(`SELECT delivery_status FROM notifications WHERE provider_message_id = $1`, [sms.sid]);
    expect(row.delivery_status).toBe('delivered');
  });

  it('bare "resolve" acts on the latest incident paged to the number; a state change from the API updates Slack too', async () => {
    const phone = phoneNumber();
    const carol = await createUser(t(), { name: 'Carol' }, [{ type: 'sms', address: phone }]);
    const policy = await createPolicy(t(), [{ delayMinutes: 5, targets: [{ type: 'user', id: carol.id }] }]);
    const { routingKey } = await createServiceWithEventsV2(t(), policy.id, { slackChannelId: 'C0OPS' });
    const first = await trigger(t(), routingKey, 'bare-1');
    await h.drain();
    t().clock.advanceMinutes(1);
    const second = await trigger(t(), routingKey, 'bare-2');
    await h.drain();

    await t().api('responder').post(`/api/v1/incidents/${first.id}/acknowledge`, {}).expect(200);
    await h.drain();
    expect(h.slack.callsTo('chat.update')).toHaveLength(1);
    expect(h.slack.callsTo('chat.update')[0].args.text).toContain('ACKNOWLEDGED');

    const reply = await h.sms(phone, 'resolve').expect(200);
    expect(reply.text).toContain(`Incident #${second.number} resolved.`);
    expect((await h.incident(second.id)).status).toBe('resolved');
    expect((await h.incident(first.id)).status).toBe('acknowledged');
  });

  it('rejects forged or unsigned Twilio webhooks with 403 and changes nothing', async () => {
    const phone = phoneNumber();
    const dave = await createUser(t(), { name: 'Dave' }, [{ type: 'sms', address: phone }]);
    const policy = await createPolicy(t(), [{ delayMinutes: 5, targets: [{ type: 'user', id: dave.id }] }]);
    const { routingKey } = await createServiceWithEventsV2(t(), policy.id);
    const incident = await trigger(t(), routingKey, 'forged-1');
    await h.drain();

    const params = { From: phone, To: TWILIO_FROM, Body: `ack ${incident.number}` };
    await h.twilioPost('/twilio/sms', params, 'not-the-auth-token').expect(403);
    await t().http().post('/twilio/sms').type('form').send(params).expect(403);
    await h.twilioPost('/twilio/voice/gather?notification=00000000-0000-0000-0000-000000000000', { Digits: '4' }, 'wrong').expect(403);
    expect((await h.incident(incident.id)).status).toBe('triggered');
  });

  it('STOP disables the number\'s contact methods and START enables them again', async () => {
    const phone = phoneNumber();
    const erin = await createUser(t(), { name: 'Erin' }, [
      { type: 'sms', address: phone },
      { type: 'voice', address: phone },
    ]);
    const enabled = async () =>
      (await t().dataSource.query(`SELECT enabled FROM contact_methods WHERE user_id = $1`, [erin.id])).map((r: { enabled: boolean }) => r.enabled);

    const stop = await h.sms(phone, 'STOP').expect(200);
    expect(stop.text).not.toContain('<Message>');
    expect(await enabled()).toEqual([false, false]);

    const start = await h.sms(phone, 'start').expect(200);
    expect(start.text).toContain('enabled again');
    expect(await enabled()).toEqual([true, true]);
  });

  it('answers unknown replies with help at most 5 times until a valid reply', async () => {
    const phone = phoneNumber();
    await createUser(t(), { name: 'Frank' }, [{ type: 'sms', address: phone }]);
    const answers: string[] = [];
    for (let i = 0; i < 7; i++) answers.push((await h.sms(phone, 'what is this?').expect(200)).text);
    expect(answers.filter((a) => a.includes('<Message>'))).toHaveLength(5);
    expect(answers[0]).toContain('reply "ack 42"');
    expect(answers[6]).not.toContain('<Message>');

    // A valid reply resets the count.
    await h.sms(phone, 'ack 999999').expect(200);
    expect((await h.sms(phone, 'hello').expect(200)).text).toContain('<Message>');
  });

  function t() {
    return h.t;
  }
});
