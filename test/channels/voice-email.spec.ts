import { phoneNumber } from '../support/factories';
import { ChannelsHarness } from './channels-harness';

describe('voice and email actions', () => {
  const h = new ChannelsHarness();

  beforeAll(async () => {
    await h.start();
  });
  afterAll(() => h.stop());
  beforeEach(() => h.reset());

  const pagedIncident = (contact: { type: 'voice' | 'email'; address: string }, key: string) =>
    h.paged(contact, key, { name: 'Grace', levels: 1, summary: 'Disk full on db-1' });

  it('reads the incident and gathers a digit; 4 acknowledges as the paged user', async () => {
    const phone = phoneNumber();
    const { user, incident } = await pagedIncident({ type: 'voice', address: phone }, 'voice-4');
    const { call, notificationId } = await h.callTo(phone);
    expect(call.Url).toBe(`https://klaxon.example.test/twilio/voice?notification=${notificationId}`);

    const twiml = await h.twilioPost(`/twilio/voice?notification=${notificationId}`, { CallSid: call.sid, Digits: '' }).expect(200);
    expect(twiml.text).toContain('Disk full on db-1');
    expect(twiml.text).toContain(`<Gather numDigits="1" action="https://klaxon.example.test/twilio/voice/gather?notification=${notificationId}"`);

    const other = await h.gather(notificationId, '9', call.sid).expect(200);
    expect(other.text).toContain('not an option');
    expect(other.text).toContain('<Gather');
    expect((await h.incident(incident.id)).status).toBe('triggered');

    const result = await h.gather(notificationId, '4', call.sid).expect(200);
    expect(result.text).toContain(`Incident number ${String(incident.number).split('').join(' ')} acknowledged.`);
    const detail = await h.incident(incident.id);
    expect(detail.status).toBe('acknowledged');
    expect(detail.timeline.find((e) => e.type === 'acknowledged')).toMatchObject({ channel: 'voice' });
    const byId = (await h.t.dataSource.query(`SELECT acknowledged_by FROM incidents WHERE id = $1`, [incident.id]))[0];
    expect(byId.acknowledged_by).toMatchObject({ id: user.id, channel: 'voice' });

    await h.twilioPost(`/twilio/voice/status?notification=${notificationId}`, { CallSid: call.sid, CallStatus: 'completed' }).expect(204);
    const [row] = await h.t.dataSource.query(`SELECT delivery_status FROM notifications WHERE id = $1`, [notificationId]);
    expect(row.delivery_status).toBe('completed');
  });

  it('6 resolves', async () => {
    const phone = phoneNumber();
    const { incident } = await pagedIncident({ type: 'voice', address: phone }, 'voice-6');
    const { notificationId } = await h.callTo(phone);
    const result = await h.gather(notificationId, '6').expect(200);
    expect(result.text).toContain('resolved');
    expect((await h.incident(incident.id)).status).toBe('resolved');
  });

  it('an email link confirms on GET, acknowledges once on POST, and refuses reuse and tampering', async () => {
    const { incident } = await pagedIncident({ type: 'email', address: 'grace@example.test' }, 'email-1');
    const mail = await h.smtp.waitForMessage((m) => m.to.includes('grace@example.test'));
    expect(mail.subject).toBe(`[#${incident.number}] TRIGGERED: Disk full on db-1`);
    const links = [...(mail.text ?? '').matchAll(/https:\/\/klaxon\.example\.test(\/actions\/[A-Za-z0-9._-]+)/g)].map((m) => m[1]);
    expect(links).toHaveLength(2);
    const [ackPath] = links;

    // A mail scanner fetching the link changes nothing.
    const page = await h.t.http().get(ackPath).expect(200);
    expect(page.text).toContain('<form method="post"');
    expect((await h.incident(incident.id)).status).toBe('triggered');

    const [v, body, sig] = ackPath.split('/').pop()!.split('.');
    const forged = Buffer.from(Buffer.from(body, 'base64url').toString().replace('"ack"', '"res"')).toString('base64url');
    await h.t.http().post(`/actions/${v}.${forged}.${sig}`).expect(403);
    await h.t.http().get(`/actions/${v}.${body}.${sig.slice(0, -2)}xx`).expect(403);
    expect((await h.incident(incident.id)).status).toBe('triggered');

    const done = await h.t.http().post(ackPath).expect(200);
    expect(done.text).toContain('acknowledged');
    const detail = await h.incident(incident.id);
    expect(detail.status).toBe('acknowledged');
    expect(detail.timeline.find((e) => e.type === 'acknowledged')).toMatchObject({ channel: 'email' });

    await h.t.http().post(ackPath).expect(409);
    await h.t.http().get(ackPath).expect(409);
  });

  it('refuses an expired link', async () => {
    const { incident } = await pagedIncident({ type: 'email', address: 'heidi@example.test' }, 'email-2');
    const mail = await h.smtp.waitForMessage((m) => m.to.includes('heidi@example.test'));
    const ackPath = /https:\/\/klaxon\.example\.test(\/actions\/[A-Za-z0-9._-]+)/.exec(mail.text ?? '')![1];
    h.t.clock.advanceMinutes(24 * 60 + 1);
    await h.t.http().post(ackPath).expect(410);
    expect((await h.incident(incident.id)).status).not.toBe('acknowledged');
  });
});
