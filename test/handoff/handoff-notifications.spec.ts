import { ChannelsHarness } from '../channels/channels-harness';
import { createSchedule, createUser, layerBody, phoneNumber } from '../support/factories';
import { handoffMessages, travel } from './handoff-world';

/**
 * Handoff notifications end to end with the fake clock: a weekly rotation in
 * Europe/London, a user in America/New_York told an hour ahead by SMS,
 * across the US (14 March 2027) and UK (28 March 2027) clock changes.
 */
describe('handoff notifications (fake clock)', () => {
  jest.setTimeout(120_000);
  const h = new ChannelsHarness();
  const START = new Date('2027-03-08T00:00:00Z');

  beforeAll(async () => {
    await h.start();
    h.t.clock.set(START);
  });
  afterAll(() => h.stop());

  it('sends exactly the expected messages over four weeks across both clock changes, with an override moved, the horizon carried on by the daily pass, and the Slack channel posts', async () => {
    const phone = phoneNumber();
    const ada = await createUser(h.t, { name: 'Ada', timeZone: 'America/New_York' }, [{ type: 'sms', address: phone }]);
    const bee = await createUser(h.t, { name: 'Bee', timeZone: 'Europe/London' });
    const schedule = await createSchedule(h.t, {
      name: 'Primary',
      timeZone: 'Europe/London',
      layers: [layerBody([ada.id, bee.id], { start: '2027-03-01T00:00:00Z', rotation: { unit: 'week', length: 1, handoff: '2027-03-01T09:00:00Z' } })],
    });
    await h.t.api().patch(`/api/v1/schedules/${schedule.id}`, { slackChannelId: 'C0PRIMARY' }).expect(200);
    const rule = await h.t
      .api()
      .post(`/api/v1/users/${ada.id}/handoff-rules`, { contactMethodId: ada.contactMethods[0].id, handoffType: 'both', advanceMinutes: 60 })
      .expect(201);
    expect(rule.body).toMatchObject({ userId: ada.id, handoffType: 'both', advanceMinutes: 60 });

    // Bee covers a day of Ada's second week.
    await h.t.api().post(`/api/v1/schedules/${schedule.id}/overrides`, { userId: bee.id, start: '2027-03-17T09:00:00Z', end: '2027-03-18T09:00:00Z' }).expect(201);
    // Ada covers a day of Bee's week; the override is then deleted and made again two days later.
    const moved = await h.t
      .api()
      .post(`/api/v1/schedules/${schedule.id}/overrides`, { userId: ada.id, start: '2027-03-23T09:00:00Z', end: '2027-03-24T09:00:00Z' })
      .expect(201);
    await h.t.api().delete(`/api/v1/schedules/${schedule.id}/overrides/${moved.body.id}`).expect(204);
    await h.t.api().post(`/api/v1/schedules/${schedule.id}/overrides`, { userId: ada.id, start: '2027-03-25T09:00:00Z', end: '2027-03-26T09:00:00Z' }).expect(201);

    // 20 days with no edits: the daily pass has carried the horizon on.
    await travel(h.t.dataSource, h.t.clock, () => h.drain(), new Date('2027-03-28T00:00:00Z'));
    const [{ latest }] = await h.t.dataSource.query(`SELECT max(due_at) AS latest FROM handoff_timers WHERE kind = 'rule'`);
    expect(latest.toISOString()).toBe('2027-04-05T07:00:00.000Z');

    await travel(h.t.dataSource, h.t.clock, () => h.drain(), new Date('2027-04-05T09:00:00Z'));
    const sent = await handoffMessages(h.t.dataSource);
    expect(sent.map((m) => [m.kind, m.dueAt, m.text])).toEqual([
      ['offcall', '2027-03-08T08:00:00.000Z', 'You are off call for Primary from Mon 8 Mar 04:00 (America/New_York); your shift began Mon 1 Mar 04:00'],
      ['oncall', '2027-03-15T08:00:00.000Z', 'You are on call for Primary from Mon 15 Mar 05:00 to Wed 17 Mar 05:00 (America/New_York)'],
      ['offcall', '2027-03-17T08:00:00.000Z', 'You are off call for Primary from Wed 17 Mar 05:00 (America/New_York); your shift began Mon 15 Mar 05:00'],
      ['oncall', '2027-03-18T08:00:00.000Z', 'You are on call for Primary from Thu 18 Mar 05:00 to Mon 22 Mar 05:00 (America/New_York)'],
      ['offcall', '2027-03-22T08:00:00.000Z', 'You are off call for Primary from Mon 22 Mar 05:00 (America/New_York); your shift began Thu 18 Mar 05:00'],
      ['oncall', '2027-03-25T08:00:00.000Z', 'You are on call for Primary from Thu 25 Mar 05:00 to Fri 26 Mar 05:00 (America/New_York)'],
      ['offcall', '2027-03-26T08:00:00.000Z', 'You are off call for Primary from Fri 26 Mar 05:00 (America/New_York); your shift began Thu 25 Mar 05:00'],
      ['oncall', '2027-03-29T07:00:00.000Z', 'You are on call for Primary from Mon 29 Mar 04:00 to Mon 5 Apr 04:00 (America/New_York)'],
      ['offcall', '2027-04-05T07:00:00.000Z', 'You are off call for Primary from Mon 5 Apr 04:00 (America/New_York); your shift began Mon 29 Mar 04:00'],
    ]);
    expect(sent.every((m) => m.state === 'sent' && m.sentAt === m.dueAt && m.address === phone)).toBe(true);
    // Each went out once, by SMS, in that order; none for the deleted override (23-24 March).
    expect(h.twilio.messages.filter((m) => m.To === phone).map((m) => m.Body)).toEqual(sent.map((m) => m.text));

    // The schedule's channel hears every change of the final on-call user, in the schedule's zone.
    const posts = h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0PRIMARY').map((c) => c.args.text);
    expect(posts).toEqual([
      'On call now: Bee until Mon 15 Mar 09:00 (Europe/London), next: Ada',
      'On call now: Ada until Wed 17 Mar 09:00 (Europe/London), next: Bee',
      'On call now: Bee until Thu 18 Mar 09:00 (Europe/London), next: Ada',
      'On call now: Ada until Mon 22 Mar 09:00 (Europe/London), next: Bee',
      'On call now: Bee until Thu 25 Mar 09:00 (Europe/London), next: Ada',
      'On call now: Ada until Fri 26 Mar 09:00 (Europe/London), next: Bee',
      'On call now: Bee until Mon 29 Mar 09:00 (Europe/London), next: Ada',
      'On call now: Ada until Mon 5 Apr 09:00 (Europe/London), next: Bee',
      'On call now: Bee until Mon 12 Apr 09:00 (Europe/London), next: Ada',
    ]);

    const listed = await h.t.api('readOnly').get(`/api/v1/users/${ada.id}/handoff-messages`).expect(200);
    expect(listed.body.items).toHaveLength(9);
    expect(listed.body.items[0]).toMatchObject({ kind: 'offcall', state: 'sent', channel: 'sms' });
  });

  it('tells each email and Slack contact method once when an override moves more than an hour of a user\'s on-call time', async () => {
    h.reset();
    const cee = await createUser(h.t, { name: 'Cee', timeZone: 'Asia/Kolkata', email: 'cee@example.com' }, [
      { type: 'email', address: 'cee@example.com' },
      { type: 'slack', address: 'U0CEE' },
      { type: 'sms', address: phoneNumber() },
    ]);
    const dee = await createUser(h.t, { name: 'Dee' });
    const now = h.t.clock.now();
    const schedule = await createSchedule(h.t, {
      name: 'Secondary',
      timeZone: 'UTC',
      layers: [layerBody([cee.id, dee.id], { start: '2027-01-04T00:00:00Z', rotation: { unit: 'day', length: 1, handoff: '2027-01-04T00:00:00Z' } })],
    });
    const day = (n: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + n)).toISOString();
    // 30 minutes of Dee's time for Cee: no notice (1 hour or less).
    const small = new Date(new Date(day(3)).getTime() + 30 * 60_000).toISOString();
    await h.t.api().post(`/api/v1/schedules/${schedule.id}/overrides`, { userId: cee.id, start: day(3), end: small }).expect(201);
    await h.drain();
    expect(await handoffMessages(h.t.dataSource, ['shift-change'])).toEqual([]);

    // Dee takes a whole day: Cee loses 24 hours (and Dee gains them).
    const start = (await h.t.api().get(`/api/v1/schedules/${schedule.id}/oncall?at=${day(4)}`).expect(200)).body;
    const ceeDay = start.userId === cee.id ? day(4) : day(5);
    const ceeDayEnd = new Date(new Date(ceeDay).getTime() + 86_400_000).toISOString();
    await h.t.api().post(`/api/v1/schedules/${schedule.id}/overrides`, { userId: dee.id, start: ceeDay, end: ceeDayEnd }).expect(201);
    await h.drain();
    const notices = (await handoffMessages(h.t.dataSource, ['shift-change'])).filter((m) => m.address === 'cee@example.com' || m.address === 'U0CEE');
    expect(notices.map((m) => m.channel).sort()).toEqual(['email', 'slack']);
    expect(notices[0].text).toContain('Your on-call shifts for Secondary in the next 14 days changed: 0 h added, 24 h removed (times in Asia/Kolkata).');
    const mail = h.smtp.messages.filter((m) => m.to === 'cee@example.com' || JSON.stringify(m.to).includes('cee@example.com'));
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toBe('Your on-call shifts for Secondary changed');
    expect(mail[0].text).toContain('Before:');
    const dms = h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'U0CEE');
    expect(dms).toHaveLength(1);
    expect(String(dms[0].args.text)).toContain('After:');
  });

  it('refuses a contact method of another user, naming contactMethodId', async () => {
    const a = await createUser(h.t, {}, [{ type: 'email', address: 'a-handoff@example.com' }]);
    const b = await createUser(h.t, {}, [{ type: 'voice', address: phoneNumber() }]);
    const res = await h.t.api().post(`/api/v1/users/${b.id}/handoff-rules`, { contactMethodId: a.contactMethods[0].id, handoffType: 'oncall', advanceMinutes: 0 }).expect(400);
    expect(JSON.stringify(res.body)).toContain('contactMethodId');
    const voice = await h.t.api().post(`/api/v1/users/${b.id}/handoff-rules`, { contactMethodId: b.contactMethods[0].id, handoffType: 'oncall', advanceMinutes: 0 }).expect(400);
    expect(JSON.stringify(voice.body)).toContain('contactMethodId');
    await h.t.api().post(`/api/v1/users/${a.id}/handoff-rules`, { contactMethodId: a.contactMethods[0].id, handoffType: 'oncall', advanceMinutes: 10081 }).expect(400);
    const created = await h.t.api().post(`/api/v1/users/${a.id}/handoff-rules`, { contactMethodId: a.contactMethods[0].id, handoffType: 'oncall', advanceMinutes: 5 }).expect(201);
    const patched = await h.t.api().patch(`/api/v1/users/${a.id}/handoff-rules/${created.body.id}`, { handoffType: 'both' }).expect(200);
    expect(patched.body).toMatchObject({ handoffType: 'both', advanceMinutes: 5 });
    expect((await h.t.api('readOnly').get(`/api/v1/users/${a.id}/handoff-rules`).expect(200)).body.items).toHaveLength(1);
    await h.t.api('responder').delete(`/api/v1/users/${a.id}/handoff-rules/${created.body.id}`).expect(403);
    await h.t.api().delete(`/api/v1/users/${a.id}/handoff-rules/${created.body.id}`).expect(204);
    await h.t.api().get(`/api/v1/users/${a.id}/handoff-rules/${created.body.id}`).expect(404);
  });

  it('checks a schedule\'s slackChannelId like a service\'s, and null removes it', async () => {
    const schedule = await createSchedule(h.t, { name: 'Channel check' });
    expect(schedule.slackChannelId).toBeNull();
    const bad = await h.t.api().patch(`/api/v1/schedules/${schedule.id}`, { slackChannelId: 'general' }).expect(400);
    expect(JSON.stringify(bad.body)).toContain('slackChannelId');
    expect((await h.t.api().patch(`/api/v1/schedules/${schedule.id}`, { slackChannelId: 'C0CHECK' }).expect(200)).body.slackChannelId).toBe('C0CHECK');
    expect((await h.t.api().patch(`/api/v1/schedules/${schedule.id}`, { name: 'Renamed' }).expect(200)).body.slackChannelId).toBe('C0CHECK');
    expect((await h.t.api().patch(`/api/v1/schedules/${schedule.id}`, { slackChannelId: null }).expect(200)).body.slackChannelId).toBeNull();
  });
});
