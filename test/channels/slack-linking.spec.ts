import { randomBytes } from 'node:crypto';
import { createUser } from '../support/factories';
import { ChannelsHarness, buttonPayload } from './channels-harness';

/**
 * Linking Slack users to Klaxon users by email (docs/channels.md): on an
 * unlinked button press or /oncall through `users.info`, and by the API
 * through `users.lookupByEmail`, against the fake Slack with the real Bolt
 * and Web API clients.
 */
describe('Slack user linking by email', () => {
  const h = new ChannelsHarness();

  beforeAll(async () => {
    await h.start();
    // Slack request timestamps are checked against the app's clock: wall time here, as in the other Slack tests.
    h.t.clock.set(new Date());
  });
  afterAll(() => h.stop());
  beforeEach(() => h.reset());

  const slackId = () => `U0${randomBytes(4).toString('hex').toUpperCase()}`;
  const email = () => `linked-${randomBytes(4).toString('hex')}@example.com`;
  const slackIncident = (key: string) => h.paged({ type: 'slack', address: 'U0JUDY' }, key, { name: 'Judy', slackChannelId: 'C0INCIDENTS' });
  const slackMethods = async (userId: string) => {
    const user = (await h.t.api().get(`/api/v1/users/${userId}`).expect(200)).body;
    return { methods: user.contactMethods.filter((c: { type: string }) => c.type === 'slack'), rules: user.notificationRules };
  };

  it('an unlinked press by a Slack user whose profile email is a Klaxon user links them and acknowledges', async () => {
    const { incident } = await slackIncident('link-press');
    const address = email();
    const kim = await createUser(h.t, { name: 'Kim', email: address });
    const kimSlack = slackId();
    h.slack.addUser(kimSlack, address.toUpperCase());

    await h.slackAction(buttonPayload('incident_ack', incident.id, kimSlack)).expect(200);
    const detail = await h.incident(incident.id);
    expect(detail.status).toBe('acknowledged');
    expect(detail.timeline.find((e: { type: string }) => e.type === 'acknowledged')).toMatchObject({ channel: 'slack', actor: { name: 'Kim' } });
    expect(h.slack.callsTo('users.info').map((c) => c.args.user)).toEqual([kimSlack]);
    // The link is a slack contact method without a notification rule: who they are, not how they are paged.
    const { methods, rules } = await slackMethods(kim.id);
    expect(methods).toEqual([expect.objectContaining({ address: kimSlack })]);
    expect(rules.filter((r: { contactMethodId: string }) => r.contactMethodId === methods[0].id)).toEqual([]);

    // Linked now: the next press needs no lookup.
    await h.slackAction(buttonPayload('incident_resolve', incident.id, kimSlack)).expect(200);
    expect((await h.incident(incident.id)).status).toBe('resolved');
    expect(h.slack.callsTo('users.info')).toHaveLength(1);
  });

  it('no visible email, or no Klaxon user with it: a private answer saying why, and nothing changes', async () => {
    const { incident } = await slackIncident('link-refused');
    const hidden = slackId();
    const nobody = slackId();
    h.slack.addUser(hidden, null);
    h.slack.addUser(nobody, email());

    await h.slackAction(buttonPayload('incident_ack', incident.id, hidden)).expect(200);
    const first = await h.slack.waitForCall('chat.postEphemeral', (c) => c.args.user === hidden);
    expect(String(first.args.text)).toContain('users:read.email');
    await h.slackAction(buttonPayload('incident_ack', incident.id, nobody)).expect(200);
    const second = await h.slack.waitForCall('chat.postEphemeral', (c) => c.args.user === nobody);
    expect(String(second.args.text)).toContain('No Klaxon user has the email of your Slack profile');
    expect(String(second.args.text)).toContain('`slack` contact method');
    expect((await h.incident(incident.id)).status).toBe('triggered');
  });

  it('/oncall from an unlinked Slack user links them on the way and answers as usual', async () => {
    const { service } = await slackIncident('link-oncall');
    const address = email();
    const lee = await createUser(h.t, { name: 'Lee', email: address });
    const leeSlack = slackId();
    h.slack.addUser(leeSlack, address);
    const svc = (await h.t.api().get(`/api/v1/services/${service.serviceId}`).expect(200)).body;
    const res = await h.slackCommand({ command: '/oncall', text: svc.name, user_id: leeSlack, channel_id: 'C0X', team_id: 'T0FAKE' }).expect(200);
    expect(res.body.text).toContain('Level 1: Judy');
    expect((await slackMethods(lee.id)).methods).toEqual([expect.objectContaining({ address: leeSlack })]);
  });

  it('POST /api/v1/users/{id}/slack-link links by users.lookupByEmail; its refusals name the reason; admin only; audited', async () => {
    const address = email();
    const max = await createUser(h.t, { name: 'Max', email: address });
    const maxSlack = slackId();
    h.slack.addUser(maxSlack, address);

    await h.t.api('responder').post(`/api/v1/users/${max.id}/slack-link`, {}).expect(403);
    const linked = await h.t.api().post(`/api/v1/users/${max.id}/slack-link`, {}).expect(200);
    expect(linked.body).toEqual({ userId: max.id, slackUserId: maxSlack });
    expect(h.slack.callsTo('users.lookupByEmail').map((c) => c.args.email)).toEqual([address]);
    // Again: already linked, nothing added.
    await h.t.api().post(`/api/v1/users/${max.id}/slack-link`, {}).expect(200);
    expect((await slackMethods(max.id)).methods).toHaveLength(1);

    const stranger = await createUser(h.t, { name: 'Stranger' });
    const missing = await h.t.api().post(`/api/v1/users/${stranger.id}/slack-link`, {}).expect(400);
    expect(JSON.stringify(missing.body)).toContain('email');

    // A Slack member already linked to someone else (by hand) is not taken over.
    const other = await createUser(h.t, { name: 'Other', email: email() });
    const taken = slackId();
    h.slack.addUser(taken, other.email);
    await createUser(h.t, { name: 'Holder' }, [{ type: 'slack', address: taken }]);
    const conflict = await h.t.api().post(`/api/v1/users/${other.id}/slack-link`, {}).expect(409);
    expect(conflict.body.message).toContain('already linked to another Klaxon user');

    await h.t.api().post('/api/v1/users/00000000-0000-4000-8000-000000000000/slack-link', {}).expect(404);
    const audit = (await h.t.api('readOnly').get(`/api/v1/audit-log?resourceType=user&resourceId=${max.id}`).expect(200)).body.items;
    expect(audit.map((e: { action: string }) => e.action)).toContain('slack-link');
  });
});
