import { createUser, phoneNumber, trigger } from '../support/factories';
import { ChannelsHarness, TWILIO_FROM, twilioSid } from './channels-harness';

/**
 * Twilio's signature covers the URL and the form but no time, so a captured request
 * stays valid forever: each MessageSid acts once on /twilio/sms, each (CallSid,
 * Digits) once on the voice gather. Malformed signed forms are 400s naming the field.
 */
describe('Twilio inbound: replays and malformed forms', () => {
  const h = new ChannelsHarness();

  beforeAll(async () => {
    await h.start();
  });
  afterAll(() => h.stop());
  beforeEach(() => h.reset());

  async function pagedBySms(key: string) {
    const phone = phoneNumber();
    const { routingKey, incident } = await h.paged({ type: 'sms', address: phone }, key, { name: 'Ivan' });
    return { phone, routingKey, incident };
  }

  async function pagedByVoice(key: string) {
    const phone = phoneNumber();
    const { incident } = await h.paged({ type: 'voice', address: phone }, key, { name: 'Judy' });
    return { incident, ...(await h.callTo(phone)) };
  }

  it('a replayed "ack" (same MessageSid) gets empty TwiML and does not acknowledge a newer incident', async () => {
    const { phone, routingKey, incident: first } = await pagedBySms('replay-sms-1');
    const sid = twilioSid('SM');
    const reply = await h.sms(phone, 'ack', sid).expect(200);
    expect(reply.text).toContain(`Incident #${first.number} acknowledged.`);
    await h.t.api('responder').post(`/api/v1/incidents/${first.id}/resolve`, {}).expect(200);

    h.t.clock.advanceMinutes(30);
    const second = await trigger(h.t, routingKey, 'replay-sms-2');
    await h.drain();
    const replay = await h.sms(phone, 'ack', sid).expect(200);
    expect(replay.headers['content-type']).toMatch(/xml/);
    expect(replay.text).not.toContain('<Message>');
    expect((await h.incident(second.id)).status).toBe('triggered');

    // A new message with the same text is a new answer, and acts.
    expect((await h.sms(phone, 'ack').expect(200)).text).toContain(`Incident #${second.number} acknowledged.`);
  });

  it('a replayed STOP does not silence a number that sent START since', async () => {
    const phone = phoneNumber();
    const user = await createUser(h.t, { name: 'Kim' }, [{ type: 'sms', address: phone }]);
    const stopSid = twilioSid('SM');
    await h.sms(phone, 'STOP', stopSid).expect(200);
    await h.sms(phone, 'START').expect(200);
    await h.sms(phone, 'STOP', stopSid).expect(200);
    const rows = await h.t.dataSource.query(`SELECT enabled FROM contact_methods WHERE user_id = $1`, [user.id]);
    expect(rows).toEqual([{ enabled: true }]);
  });

  it('of concurrent deliveries of one MessageSid exactly one acts', async () => {
    const { phone, incident } = await pagedBySms('replay-sms-concurrent');
    const sid = twilioSid('SM');
    const answers = await Promise.all(Array.from({ length: 6 }, () => h.sms(phone, `escalate ${incident.number}`, sid).expect(200)));
    expect(answers.filter((a) => a.text.includes('<Message>'))).toHaveLength(1);
    expect(await h.manualEscalations(incident.id, 'sms')).toBe(1);
  });

  it('acts on each (CallSid, Digits) once on the voice gather', async () => {
    const { incident, call, notificationId } = await pagedByVoice('replay-voice');
    expect((await h.gather(notificationId, '5', call.sid).expect(200)).text).toContain('escalated');
    const replay = await h.gather(notificationId, '5', call.sid).expect(200);
    expect(replay.text).toContain('<Response>');
    expect(replay.text).not.toContain('escalated');
    expect(await h.manualEscalations(incident.id, 'voice')).toBe(1);

    // Another digit in the same call, and the same digit in another call, are answers of their own.
    await h.gather(notificationId, '4', call.sid).expect(200);
    expect((await h.incident(incident.id)).status).toBe('acknowledged');
    await h.gather(notificationId, '5', twilioSid('CA')).expect(200);
    expect(await h.manualEscalations(incident.id, 'voice')).toBe(2);
  });

  it('status callbacks stay idempotent updates', async () => {
    const { call, notificationId } = await pagedByVoice('replay-status');
    const status = { CallSid: call.sid, CallStatus: 'completed' };
    await h.twilioPost(`/twilio/voice/status?notification=${notificationId}`, status).expect(204);
    await h.twilioPost(`/twilio/voice/status?notification=${notificationId}`, status).expect(204);
    const [row] = await h.t.dataSource.query(`SELECT delivery_status FROM notifications WHERE id = $1`, [notificationId]);
    expect(row.delivery_status).toBe('completed');
  });

  it('a signed SMS whose Body is repeated is a 400 naming Body, and acts on nothing', async () => {
    const { phone, incident } = await pagedBySms('array-body');
    const res = await h
      .twilioPost('/twilio/sms', { From: phone, To: TWILIO_FROM, Body: [`ack ${incident.number}`, 'resolve'], MessageSid: twilioSid('SM') })
      .expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body.message).toContain('Body');
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'Body' })]);
    expect((await h.incident(incident.id)).status).toBe('triggered');
  });

  it('a repeated field on a status callback is a 400 naming it', async () => {
    const { call, notificationId } = await pagedByVoice('array-status');
    const voice = await h
      .twilioPost(`/twilio/voice/status?notification=${notificationId}`, { CallSid: call.sid, CallStatus: ['completed', 'busy'] })
      .expect(400);
    expect(voice.body.errors).toEqual([expect.objectContaining({ field: 'CallStatus' })]);
    const sms = await h.twilioPost('/twilio/sms/status', { MessageSid: [twilioSid('SM'), twilioSid('SM')], MessageStatus: 'delivered' }).expect(400);
    expect(sms.body.errors).toEqual([expect.objectContaining({ field: 'MessageSid' })]);
  });

  it('a signed SMS or gather without the id it is deduplicated by is a 400 naming it', async () => {
    const { phone } = await pagedBySms('missing-sid');
    const sms = await h.twilioPost('/twilio/sms', { From: phone, To: TWILIO_FROM, Body: 'ack' }).expect(400);
    expect(sms.body.errors).toEqual([expect.objectContaining({ field: 'MessageSid' })]);
    const { notificationId } = await pagedByVoice('missing-call-sid');
    const gather = await h.twilioPost(`/twilio/voice/gather?notification=${notificationId}`, { Digits: '4' }).expect(400);
    expect(gather.body.errors).toEqual([expect.objectContaining({ field: 'CallSid' })]);
  });

  it('a notification id that is not a uuid is a page no longer available, not a 500', async () => {
    const notId = '-'.repeat(36);
    expect((await h.twilioPost(`/twilio/voice?notification=${notId}`, { CallSid: twilioSid('CA') }).expect(200)).text).toContain('no longer available');
    expect((await h.gather(notId, '4').expect(200)).text).toContain('no longer available');
  });
});
