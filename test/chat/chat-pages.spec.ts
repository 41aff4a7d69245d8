import { ChannelsHarness, PUBLIC_URL, buttonPayload } from '../channels/channels-harness';
import { FakeMattermostServer, FakeTeamsServer } from '../fakes/fake-chat-webhooks.server';
import { checkAdaptiveCard } from '../support/adaptive-card-check';
import { createPolicy, createServiceWithEventsV2, createUser, trigger } from '../support/factories';

/**
 * Chat destinations paged by escalation, end to end: a real Klaxon app, its
 * worker drained by hand, Teams and Mattermost webhooks and the Slack Web API
 * played by fake servers on loopback.
 */
describe('paging chat destinations', () => {
  const h = new ChannelsHarness();
  const teams = new FakeTeamsServer();
  const mattermost = new FakeMattermostServer();

  beforeAll(async () => {
    await Promise.all([teams.start(), mattermost.start()]);
    await h.start({ KLAXON_WEBHOOK_ALLOW_PRIVATE: 'true' });
    // Slack request timestamps are checked against the app's clock: keep it at the wall time.
    h.t.clock.set(new Date());
  });
  afterAll(async () => {
    await h.stop();
    await Promise.all([teams.stop(), mattermost.stop()]);
  });
  beforeEach(() => {
    h.reset();
    teams.reset();
    mattermost.reset();
  });

  /** A room of `type` on a one-level policy (with Ada, by email, beside it); triggers `key` and drains the worker. */
  async function pageRoom(destination: object, key: string, summary = 'Checkout errors above 5%') {
    const room = (await h.t.api().post('/api/v1/chat-destinations', { name: 'Payments room', ...destination }).expect(201)).body;
    const ada = await createUser(h.t, { name: 'Ada' }, [{ type: 'email', address: `ada-${key}@example.test` }]);
    const policy = await createPolicy(h.t, [{ delayMinutes: 30, targets: [{ type: 'chat', id: room.id }, { type: 'user', id: ada.id }] }]);
    const service = await createServiceWithEventsV2(h.t, policy.id);
    const incident = await trigger(h.t, service.routingKey, key, summary);
    await h.drain();
    return { room, incident, ada };
  }

  const roomPages = async (incidentId: string, as: 'admin' | 'readOnly' = 'admin') =>
    ((await h.t.api(as).get(`/api/v1/incidents/${incidentId}/notifications`).expect(200)).body.items as { channel: string; state: string; reason: string | null; attempts: number; contactMethod: { address: string }; user: unknown }[]).filter(
      (p) => p.channel !== 'email',
    );

  it('posts an Adaptive Card to a Teams Workflows webhook; its link acknowledges the incident', async () => {
    const url = teams.hookUrl();
    const { incident } = await pageRoom({ type: 'teams', url }, 'teams-1');
    const request = await teams.waitForRequest();
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.body).toMatchObject({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null }] });
    const [card] = teams.cards();
    const check = checkAdaptiveCard(card);
    expect(check.problems).toEqual([]);
    expect(check.actionTypes).toEqual(['Action.OpenUrl']);
    const text = JSON.stringify(card);
    expect(text).toContain(`\\\\#${incident.number} Checkout errors above 5%`);
    for (const fact of ['"title":"Severity","value":"critical"', '"title":"Paging","value":"Ada"', '"title":"Source","value":"test \\\\(Events v2\\\\)"']) {
      expect(text).toContain(fact);
    }

    const pages = await roomPages(incident.id);
    expect(pages).toEqual([expect.objectContaining({ channel: 'teams', state: 'sent', user: null })]);
    const timeline = (await h.incident(incident.id)).timeline;
    expect(timeline.find((e) => e.type === 'notified' && e.message.includes('chat destination'))?.message).toBe('Paging chat destination "Payments room" (teams)');
    expect(timeline.find((e) => e.type === 'notification' && e.data.channel === 'teams')?.message).toMatch(/^Microsoft Teams card to http:\/\/127\.0\.0\.1:\d+\/•••: sent$/);

    // "Open incident" is a short link whose page acknowledges, as an SMS's does.
    const open = (card as { actions: { url: string }[] }).actions[0].url;
    expect(open.startsWith(`${PUBLIC_URL}/i/`)).toBe(true);
    const path = open.slice(PUBLIC_URL.length);
    await h.t.http().post(`${path}/acknowledge`).type('form').send('').expect(200);
    const acked = await h.incident(incident.id);
    expect(acked.status).toBe('acknowledged');
    const entry = acked.timeline.find((e) => e.type === 'acknowledged');
    expect(entry).toMatchObject({ channel: 'teams' });
    expect(JSON.stringify(entry)).toContain('Microsoft Teams room link');
  });

  it('posts a message with Slack-compatible attachments to a Mattermost incoming webhook', async () => {
    const url = mattermost.hookUrl();
    const { incident } = await pageRoom({ type: 'mattermost', url }, 'mm-1', 'Disk *full* on db-01');
    const request = await mattermost.waitForRequest();
    expect(request.status).toBe(200);
    const body = request.body as { text: string; attachments: { title: string; title_link: string; color: string; fields: { title: string; value: string }[] }[] };
    expect(body.text).toBe(`Triggered: \\#${incident.number} Disk \\*full\\* on db-01`);
    expect(body.attachments).toHaveLength(1);
    expect(body.attachments[0]).toMatchObject({ color: '#D0021B', title: `\\#${incident.number} Disk \\*full\\* on db-01` });
    expect(body.attachments[0].title_link.startsWith(`${PUBLIC_URL}/i/`)).toBe(true);
    expect(body.attachments[0].fields.slice(0, 3).map((f) => [f.title, f.value])).toEqual([
      ['Status', 'Triggered'],
      ['Severity', 'critical'],
      ['Service', expect.any(String)],
    ]);
    expect(await roomPages(incident.id)).toEqual([expect.objectContaining({ channel: 'mattermost', state: 'sent' })]);
  });

  it('posts the Slack page blocks to a Slack channel; Acknowledge there acknowledges and the message is rewritten', async () => {
    await createUser(h.t, { name: 'Judy' }, [{ type: 'slack', address: 'U0JUDY' }]);
    const { incident } = await pageRoom({ type: 'slack-channel', channelId: 'C0PAYMENTS' }, 'slack-room-1');
    const post = await h.slack.waitForCall('chat.postMessage', (c) => c.args.channel === 'C0PAYMENTS');
    const blocks = post.args.blocks as { type: string; elements?: { action_id: string; value: string }[] }[];
    expect(blocks.find((b) => b.type === 'actions')?.elements?.map((e) => [e.action_id, e.value])).toEqual([
      ['incident_ack', incident.id],
      ['incident_resolve', incident.id],
      ['incident_escalate', incident.id],
    ]);
    expect(String(post.args.text)).toContain(`#${incident.number} TRIGGERED`);

    await h.slackAction(buttonPayload('incident_ack', incident.id, 'U0JUDY', 'C0PAYMENTS')).expect(200);
    const detail = await h.incident(incident.id);
    expect(detail.status).toBe('acknowledged');
    expect(detail.timeline.find((e) => e.type === 'acknowledged')).toMatchObject({ channel: 'slack' });
    await h.drain();
    const update = await h.slack.waitForCall('chat.update', (c) => String(c.args.channel).startsWith('C0PAYMENTS'));
    expect(String(update.args.text)).toContain('ACKNOWLEDGED by Judy (via Slack)');
  });

  it('retries a receiver that fails with 503 and records the page sent once it recovers', async () => {
    const url = teams.hookUrl();
    teams.failNext({ status: 503, body: 'Service Unavailable' }, 2);
    const { incident } = await pageRoom({ type: 'teams', url }, 'teams-retry');
    for (let i = 0; i < 3; i++) {
      h.t.clock.advanceMinutes(1);
      await h.drain();
    }
    expect(teams.requests.map((r) => r.status)).toEqual([503, 503, 202]);
    const attempts = (await h.incident(incident.id)).timeline.filter((e) => e.type === 'notification' && e.data.channel === 'teams');
    expect(attempts.map((e) => e.data.outcome)).toEqual(['retrying', 'retrying', 'sent']);
    expect(attempts[0].message).toContain('teams webhook answered HTTP 503: Service Unavailable');
    expect(await roomPages(incident.id)).toEqual([expect.objectContaining({ state: 'sent', attempts: 3 })]);
  });

  it('shows a refused post as failed, in the pages list and on the timeline, without the webhook URL for read-only keys', async () => {
    const url = mattermost.hookUrl();
    mattermost.failNext({ status: 400, body: 'Unable to parse incoming data' });
    const { incident } = await pageRoom({ type: 'mattermost', url }, 'mm-fail');
    const [page] = await roomPages(incident.id, 'readOnly');
    expect(page).toMatchObject({ channel: 'mattermost', state: 'failed', reason: 'mattermost webhook answered HTTP 400: Unable to parse incoming data' });
    expect(page.contactMethod.address).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/•••$/);
    const failed = (await h.incident(incident.id)).timeline.find((e) => e.type === 'notification' && e.data.channel === 'mattermost');
    expect(failed?.data.outcome).toBe('failed');
    const token = new URL(url).pathname.split('/').pop()!;
    const asReader = JSON.stringify((await h.t.api('readOnly').get(`/api/v1/incidents/${incident.id}`).expect(200)).body) + JSON.stringify(await roomPages(incident.id, 'readOnly'));
    expect(asReader).not.toContain(token);
    // The rest of the level is paged all the same.
    await h.smtp.waitForMessage((m) => m.to.includes('ada-mm-fail@example.test'));
  });

  it('skips a disabled destination, says so on the timeline, and pages the rest of the level', async () => {
    const url = teams.hookUrl();
    const room = (await h.t.api().post('/api/v1/chat-destinations', { name: 'Quiet room', type: 'teams', url, enabled: false }).expect(201)).body;
    const ada = await createUser(h.t, { name: 'Ada' }, [{ type: 'email', address: 'ada-quiet@example.test' }]);
    const policy = await createPolicy(h.t, [{ delayMinutes: 30, targets: [{ type: 'chat', id: room.id }, { type: 'user', id: ada.id }] }]);
    const service = await createServiceWithEventsV2(h.t, policy.id);
    const incident = await trigger(h.t, service.routingKey, 'quiet-1');
    await h.drain();
    await h.smtp.waitForMessage((m) => m.to.includes('ada-quiet@example.test'));
    expect(teams.requests).toEqual([]);
    const entry = (await h.incident(incident.id)).timeline.find((e) => e.type === 'chat-unavailable');
    expect(entry?.message).toBe(`Chat destination "Quiet room" (${room.id}) is disabled`);
  });
});
