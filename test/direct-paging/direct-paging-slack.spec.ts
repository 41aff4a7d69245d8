import { ChannelsHarness, PUBLIC_URL } from '../channels/channels-harness';
import { createPolicy, createSchedule, createServiceWithEventsV2, createUser, layerBody } from '../support/factories';
import { DIRECT_PAGES_SERVICE_ID } from '../../src/services/built-in-services';

/**
 * Slack `/page` and note replies end to end: signed slash commands through the
 * real Bolt app, the real engine and outbox, and the fake Slack Web API.
 */
describe('direct paging and notes in Slack', () => {
  const h = new ChannelsHarness();
  let judy: Awaited<ReturnType<typeof createUser>>;

  beforeAll(async () => {
    await h.start();
    // Slack request timestamps are checked against the app's clock (see slack-inbound.spec.ts).
    h.t.clock.set(new Date());
    judy = await createUser(h.t, { name: 'Judy Pager', email: 'judy.pager@example.com' }, [{ type: 'slack', address: 'U0JUDYP' }]);
  });
  afterAll(() => h.stop());
  beforeEach(() => h.reset());

  const page = async (text: string, userId = 'U0JUDYP') => {
    const res = await h.slackCommand({ command: '/page', text, user_id: userId, channel_id: 'C0ANY', team_id: 'T0FAKE' }).expect(200);
    expect(res.body.response_type).toBe('ephemeral');
    return String(res.body.text);
  };
  const openedNumber = (answer: string) => Number(/Opened incident #(\d+)/.exec(answer)?.[1]);
  const incidentByNumber = async (n: number) => {
    const list = await h.t.api().get('/api/v1/incidents?limit=500').expect(200);
    const found = list.body.items.find((i: { number: number }) => i.number === n);
    return h.incident(found.id).then((d) => ({ ...d, id: found.id as string, serviceId: found.serviceId as string }));
  };

  it('/page @user pages that user on Slack, names the Slack user who paged, and answers privately with the number and a link', async () => {
    await createUser(h.t, { name: 'Bob Paged' }, [{ type: 'slack', address: 'U0BOBP' }]);
    const answer = await page('<@U0BOBP|bob> the database is on fire');
    expect(answer).toMatch(/^Opened incident #\d+ \(the database is on fire\), paging Bob Paged\. <https:\/\/klaxon\.example\.test\/\S+\|Open it in Klaxon>$/);
    expect(answer).toContain(PUBLIC_URL);
    const incident = await incidentByNumber(openedNumber(answer));
    expect(incident.serviceId).toBe(DIRECT_PAGES_SERVICE_ID);
    expect(incident.timeline.find((e) => e.type === 'triggered')).toMatchObject({ message: 'Opened by hand by Judy Pager: the database is on fire', channel: 'slack' });

    await h.drain();
    const dm = await h.slack.waitForCall('chat.postMessage', (c) => c.args.channel === 'U0BOBP');
    expect(String(dm.args.text)).toContain('the database is on fire');
  });

  it('/page by email, by quoted schedule name and by service name', async () => {
    const carol = await createUser(h.t, { name: 'Carol Mail', email: 'carol.mail@example.com' }, [{ type: 'slack', address: 'U0CAROLM' }]);
    const byEmail = await page('carol.mail@example.com disk full\nsince 14:02');
    const first = await incidentByNumber(openedNumber(byEmail));
    expect(first).toMatchObject({ title: 'disk full' });

    const schedule = await createSchedule(h.t, { name: 'Payments primary rota', layers: [layerBody([carol.id])] });
    const bySchedule = await page('"payments PRIMARY rota" checkout 502s');
    expect(bySchedule).toContain(`paging whoever is on call on ${schedule.name}`);

    const policy = await createPolicy(h.t, [{ delayMinutes: 5, targets: [{ type: 'user', id: carol.id }] }]);
    const { serviceId } = await createServiceWithEventsV2(h.t, policy.id);
    const svc = (await h.t.api().get(`/api/v1/services/${serviceId}`).expect(200)).body;
    const byService = await page(`service:"${svc.name}" invoices stuck`);
    expect(byService).toContain(`paging the ${svc.name} service's escalation policy`);
    expect((await incidentByNumber(openedNumber(byService))).serviceId).toBe(serviceId);

    await h.drain();
    const dms = h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'U0CAROLM').map((c) => String(c.args.text));
    expect(dms.some((t) => t.includes('disk full'))).toBe(true);
    expect(dms.some((t) => t.includes('checkout 502s'))).toBe(true);
    expect(dms.some((t) => t.includes('invoices stuck'))).toBe(true);
  });

  it('/oncall for the Direct pages service says it has no policy of its own', async () => {
    const res = await h.slackCommand({ command: '/oncall', text: 'Direct pages', user_id: 'U0JUDYP', channel_id: 'C0ANY', team_id: 'T0FAKE' }).expect(200);
    expect(res.body.text).toBe('*Direct pages* has no escalation policy: each of its incidents pages whoever it was opened for (`/page`).');
  });

  it('answers mistakes privately and opens nothing', async () => {
    const before = (await h.t.dataSource.query(`SELECT count(*)::int AS n FROM incidents`))[0].n;
    expect(await page('')).toContain('Say who to page');
    expect(await page('judy.pager@example.com')).toContain('Add a message');
    expect(await page('nobody-by-that-name help')).toContain('No user, schedule or service is called "nobody-by-that-name"');
    expect(await page('<@U0UNLINKED> help')).toContain('is not linked to a Klaxon user');
    expect(await page('service:"Direct pages" help')).toContain('has no escalation policy');
    const stranger = await page('judy.pager@example.com help', 'U0STRANGER');
    expect(stranger).toContain('`slack` contact method');
    expect(stranger).toContain('U0STRANGER');
    expect((await h.t.dataSource.query(`SELECT count(*)::int AS n FROM incidents`))[0].n).toBe(before);
  });

  it('a note is replied, through the outbox, in the thread of the channel post and of every direct message', async () => {
    const dora = await createUser(h.t, { name: 'Dora Notes' }, [{ type: 'slack', address: 'U0DORAN' }]);
    const policy = await createPolicy(h.t, [{ delayMinutes: 5, targets: [{ type: 'user', id: dora.id }] }]);
    const { serviceId } = await createServiceWithEventsV2(h.t, policy.id, { slackChannelId: 'C0NOTES' });
    const { body: incident } = await h.t.api('responder').post('/api/v1/incidents', { title: 'Notes thread', serviceId }).expect(201);
    await h.drain();
    const post = await h.slack.waitForCall('chat.postMessage', (c) => c.args.channel === 'C0NOTES');
    const dm = await h.slack.waitForCall('chat.postMessage', (c) => c.args.channel === 'U0DORAN');
    const ts = (c: typeof post) => (c.response as { ts: string }).ts;

    await h.t.api('responder').post(`/api/v1/incidents/${incident.id}/notes`, { text: 'Rolled back <deploy> 42' }).expect(201);
    // Durable: queued in the note's transaction, sent by the worker.
    expect(h.slack.callsTo('chat.postMessage').filter((c) => c.args.thread_ts)).toHaveLength(0);
    const [queued] = await h.t.dataSource.query(`SELECT count(*)::int AS n FROM slack_message_updates WHERE kind = 'note-reply'`);
    expect(queued.n).toBe(2);
    await h.drain();
    const replies = h.slack.callsTo('chat.postMessage').filter((c) => c.args.thread_ts);
    expect(replies.map((r) => [r.args.channel, r.args.thread_ts]).sort()).toEqual(
      [
        ['C0NOTES', ts(post)],
        [h.slack.dmChannelFor('U0DORAN'), ts(dm)],
      ].sort(),
    );
    for (const r of replies) expect(r.args.text).toBe(':memo: *Note from test responder:*\nRolled back &lt;deploy&gt; 42');
    const [left] = await h.t.dataSource.query(`SELECT count(*)::int AS n FROM slack_message_updates`);
    expect(left.n).toBe(0);
  });

  it('a reply Slack refuses for a while is retried until it is posted', async () => {
    const erin = await createUser(h.t, { name: 'Erin Retry' }, [{ type: 'slack', address: 'U0ERINR' }]);
    const { body: incident } = await h.t.api('responder').post('/api/v1/incidents', { title: 'Retry thread', targets: [{ type: 'user', id: erin.id }] }).expect(201);
    await h.drain();
    await h.slack.waitForCall('chat.postMessage', (c) => c.args.channel === 'U0ERINR');
    h.slack.failNext({ method: 'chat.postMessage', error: 'internal_error' });
    await h.t.api('responder').post(`/api/v1/incidents/${incident.id}/notes`, { text: 'try again' }).expect(201);
    await h.drain();
    expect(h.slack.callsTo('chat.postMessage').filter((c) => c.args.thread_ts && (c.response as { ok?: boolean }).ok)).toHaveLength(0);
    h.t.clock.set(new Date(h.t.clock.now().getTime() + 60_000));
    await h.drain();
    const ok = h.slack.callsTo('chat.postMessage').filter((c) => c.args.thread_ts && (c.response as { ok?: boolean }).ok);
    expect(ok).toHaveLength(1);
    expect(String(ok[0].args.text)).toContain('try again');
  });
});
