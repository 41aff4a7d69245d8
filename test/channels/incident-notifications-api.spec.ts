import { maskAddress } from '../../src/notifications/contact-address.mask';
import { TWILIO_INVALID_NUMBER } from '../fakes/fake-twilio.server';
import { createPolicy, createServiceWithEventsV2, createUser, phoneNumber, trigger } from '../support/factories';
import { ChannelsHarness } from './channels-harness';

interface PageView {
  id: string;
  incidentId: string;
  user: { id: string; name: string | null } | null;
  contactMethod: { id: string | null; type: string; address: string };
  channel: string;
  state: string;
  reason: string | null;
  deferredUntil: string | null;
  bundledInto: string | null;
  bundledCount: number;
  attempts: number;
  provider: string | null;
  providerMessageId: string | null;
  deliveryStatus: string | null;
  createdAt: string;
  dueAt: string;
  sentAt: string | null;
  updatedAt: string;
}

/**
 * GET /api/v1/incidents/{id}/notifications against the fake Twilio, Slack and SMTP
 * servers: every state a page can be in, the rate limit's deferrals and bundles
 * (with their timeline entries), Twilio's status callbacks, and addresses masked
 * for read-only keys. KLAXON_SMS_RATE_LIMIT_PER_MINUTE is the default, 5.
 */
describe('the pages of an incident (GET /api/v1/incidents/{id}/notifications)', () => {
  const h = new ChannelsHarness();

  beforeAll(async () => {
    await h.start();
  });
  afterAll(() => h.stop());
  beforeEach(() => h.reset());

  async function onCallBySms(name: string) {
    const phone = phoneNumber();
    const user = await createUser(h.t, { name }, [{ type: 'sms', address: phone }]);
    const policy = await createPolicy(h.t, [{ delayMinutes: 60, targets: [{ type: 'user', id: user.id }] }]);
    const { routingKey } = await createServiceWithEventsV2(h.t, policy.id);
    return { user, phone, routingKey };
  }

  async function pages(incidentId: string, role: 'admin' | 'responder' | 'readOnly' = 'admin'): Promise<PageView[]> {
    return (await h.t.api(role).get(`/api/v1/incidents/${incidentId}/notifications`).expect(200)).body.items;
  }

  it('shows an SMS deferred by the rate limit with its "deferred until" time, and the same page once sent', async () => {
    const { user, phone, routingKey } = await onCallBySms('Dana Deferred');
    for (let i = 0; i < 5; i++) await trigger(h.t, routingKey, `defer-first-${i}`);
    await h.drain();
    expect(h.twilio.messages.filter((m) => m.To === phone)).toHaveLength(5);
    const [firstSentAt] = (
      await h.t.dataSource.query(`SELECT min(sent_at) AS at FROM notifications WHERE address = $1 AND state = 'sent'`, [phone])
    ).map((r: { at: Date }) => r.at);

    // The minute's budget is used up: the sixth page waits until the first send leaves the window.
    const late = await trigger(h.t, routingKey, 'defer-late');
    await h.drain();
    expect(h.twilio.messages.filter((m) => m.To === phone)).toHaveLength(5);
    const until = new Date(firstSentAt.getTime() + 60_000).toISOString();
    const [deferred] = await pages(late.id);
    expect(deferred).toMatchObject({
      incidentId: late.id,
      user: { id: user.id, name: 'Dana Deferred' },
      contactMethod: { id: user.contactMethods[0].id, type: 'sms', address: phone },
      channel: 'sms',
      state: 'deferred',
      reason: 'rate limit',
      deferredUntil: until,
      dueAt: until,
      attempts: 0,
      sentAt: null,
      providerMessageId: null,
    });
    const timeline = (await h.incident(late.id)).timeline.filter((e) => e.data?.outcome === 'deferred');
    expect(timeline).toEqual([
      expect.objectContaining({ message: `SMS to ${maskAddress('sms', phone)}: deferred until ${until} (rate limit: 5 pages a minute)`, channel: 'system' }),
    ]);
    expect(timeline[0].data).toMatchObject({ notificationId: deferred.id, deferredUntil: until, userId: user.id });

    h.t.clock.advanceMinutes(1);
    await h.drain();
    const texts = h.twilio.messages.filter((m) => m.To === phone);
    expect(texts).toHaveLength(6);
    const sms = texts[5];
    const [sent] = await pages(late.id);
    expect(sent).toMatchObject({ id: deferred.id, state: 'sent', deferredUntil: until, attempts: 1, provider: 'twilio', providerMessageId: sms.sid });
  });

  it('shows the pages folded into one message as bundled, and the page that carried them', async () => {
    const { phone, routingKey } = await onCallBySms('Bo Bundle');
    const incidents = [];
    for (let i = 0; i < 7; i++) incidents.push(await trigger(h.t, routingKey, `bundle-${i}`));
    await h.drain();
    expect(h.twilio.messages.filter((m) => m.To === phone)).toHaveLength(5);

    const all = (await Promise.all(incidents.map((i) => pages(i.id)))).flat();
    const carrier = all.find((p) => p.bundledCount > 0)!;
    expect(carrier).toMatchObject({ state: 'sent', bundledCount: 2 });
    expect(all.filter((p) => p.state === 'sent')).toHaveLength(5);
    const bundled = all.filter((p) => p.state === 'bundled').sort((x, y) => x.id.localeCompare(y.id));
    expect(bundled).toHaveLength(2);
    for (const p of bundled) expect(p).toMatchObject({ bundledInto: carrier.id, reason: `bundled into ${carrier.id}`, sentAt: null });

    const carrierTimeline = (await h.incident(carrier.incidentId)).timeline.filter((e) => e.data?.outcome === 'bundle');
    expect(carrierTimeline).toEqual([expect.objectContaining({ message: `SMS to ${maskAddress('sms', phone)}: carries 2 more incidents in one page (rate limit)` })]);
    const carried = [...carrierTimeline[0].data.bundled].sort((x, y) => x.notificationId.localeCompare(y.notificationId));
    expect(carried).toEqual(bundled.map((p) => ({ notificationId: p.id, incidentId: p.incidentId })));
    const absorbed = (await h.incident(bundled[0].incidentId)).timeline.filter((e) => e.data?.outcome === 'bundled');
    expect(absorbed).toEqual([expect.objectContaining({ message: `SMS to ${maskAddress('sms', phone)}: bundled into one page with other incidents (rate limit)` })]);
  });

  it('reads Twilio’s status callbacks: delivered, and undelivered as failed', async () => {
    const { phone, routingKey } = await onCallBySms('Cal Callback');
    const delivered = await trigger(h.t, routingKey, 'status-delivered');
    const undelivered = await trigger(h.t, routingKey, 'status-undelivered');
    await h.drain();
    const [a] = await pages(delivered.id);
    const [b] = await pages(undelivered.id);
    expect(a).toMatchObject({ state: 'sent', deliveryStatus: null, provider: 'twilio', providerMessageId: expect.stringMatching(/^SM[0-9a-f]{32}$/) });
    const sids = h.twilio.messages.filter((m) => m.To === phone).map((m) => m.sid);
    expect(sids.sort()).toEqual([a.providerMessageId, b.providerMessageId].sort());

    await h.twilioPost('/twilio/sms/status', { MessageSid: a.providerMessageId!, MessageStatus: 'sent' }).expect(204);
    expect((await pages(delivered.id))[0]).toMatchObject({ state: 'sent', deliveryStatus: 'sent' });
    await h.twilioPost('/twilio/sms/status', { MessageSid: a.providerMessageId!, MessageStatus: 'delivered' }).expect(204);
    await h.twilioPost('/twilio/sms/status', { MessageSid: b.providerMessageId!, MessageStatus: 'undelivered' }).expect(204);
    expect((await pages(delivered.id))[0]).toMatchObject({ state: 'delivered', deliveryStatus: 'delivered', reason: null });
    expect((await pages(undelivered.id))[0]).toMatchObject({ state: 'failed', deliveryStatus: 'undelivered', reason: 'Twilio reported undelivered' });
  });

  it('shows a failed send with its reason, a pending page, and a page cancelled by the acknowledgement', async () => {
    const phone = phoneNumber();
    const user = await createUser(h.t, { name: 'Pat Pending' }, [
      { type: 'sms', address: phone },
      { type: 'email', address: 'pat@example.test' },
    ]);
    const email = user.contactMethods.find((c) => c.type === 'email')!;
    // A second rule: the email again five minutes after the first pages.
    await h.t.api().post(`/api/v1/users/${user.id}/notification-rules`, { contactMethodId: email.id, delayMinutes: 5 }).expect(201);
    const policy = await createPolicy(h.t, [{ delayMinutes: 60, targets: [{ type: 'user', id: user.id }] }]);
    const { routingKey } = await createServiceWithEventsV2(h.t, policy.id);
    h.twilio.setFailure(TWILIO_INVALID_NUMBER);
    const incident = await trigger(h.t, routingKey, 'states-1');
    await h.drain();
    await h.smtp.waitForMessage((m) => m.to.includes('pat@example.test'));

    const before = await pages(incident.id);
    expect(before).toHaveLength(3);
    const later = before.find((p) => p.channel === 'email' && p.state === 'pending')!;
    expect(later).toMatchObject({ reason: null, attempts: 0, sentAt: null, deferredUntil: null });
    const firstEmail = before.find((p) => p.channel === 'email' && p.state !== 'pending')!;
    expect(new Date(later.dueAt).getTime() - new Date(firstEmail.dueAt).getTime()).toBe(5 * 60_000);
    expect(before.find((p) => p.channel === 'sms')).toMatchObject({ state: 'failed', reason: expect.stringContaining('400'), attempts: 1 });
    expect(firstEmail).toMatchObject({
      state: 'sent',
      provider: 'smtp',
      sentAt: expect.any(String),
    });

    await h.t.api('responder').post(`/api/v1/incidents/${incident.id}/acknowledge`, {}).expect(200);
    const after = await pages(incident.id);
    expect(after.find((p) => p.id === later.id)).toMatchObject({ state: 'cancelled', reason: 'cancelled: incident acknowledged' });
  });

  it('masks addresses for read-only keys, lists newest first with a cursor, and 404s an unknown incident', async () => {
    const phone = phoneNumber();
    const user = await createUser(h.t, { name: 'Mo Mask' }, [
      { type: 'sms', address: phone },
      { type: 'email', address: 'mo.mask@example.test' },
    ]);
    const policy = await createPolicy(h.t, [{ delayMinutes: 60, targets: [{ type: 'user', id: user.id }] }]);
    const { routingKey } = await createServiceWithEventsV2(h.t, policy.id);
    const incident = await trigger(h.t, routingKey, 'mask-1');
    await h.drain();

    const full = await pages(incident.id, 'responder');
    expect(full.map((p) => p.contactMethod.address).sort()).toEqual(['mo.mask@example.test', phone].sort());
    const masked = await pages(incident.id, 'readOnly');
    expect(masked.map((p) => p.contactMethod.address).sort()).toEqual([`+•••••••${phone.slice(-4)}`, 'm•••@example.test'].sort());
    expect(JSON.stringify(masked)).not.toContain(phone);
    expect(JSON.stringify(masked)).not.toContain('mo.mask@');
    expect(masked.map((p) => p.user)).toEqual([
      { id: user.id, name: 'Mo Mask' },
      { id: user.id, name: 'Mo Mask' },
    ]);

    const first = (await h.t.api('readOnly').get(`/api/v1/incidents/${incident.id}/notifications?limit=1`).expect(200)).body;
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await h.t.api('readOnly').get(`/api/v1/incidents/${incident.id}/notifications?limit=1&cursor=${first.nextCursor}`).expect(200))
      .body;
    expect(second).toMatchObject({ items: [expect.anything()], nextCursor: null });
    expect([first.items[0].id, second.items[0].id]).toEqual(masked.map((p) => p.id));
    expect(new Date(first.items[0].createdAt).getTime()).toBeGreaterThanOrEqual(new Date(second.items[0].createdAt).getTime());

    const missing = await h.t.api('readOnly').get('/api/v1/incidents/7c9e6679-7425-40de-944b-e07fc1f90ae7/notifications').expect(404);
    expect(missing.body.message).toContain('incident');
    await h.t.api('readOnly').get(`/api/v1/incidents/${incident.id}/notifications?limit=0`).expect(400);
    await h.t.http().get(`/api/v1/incidents/${incident.id}/notifications`).expect(401);
  });
});
