import { createPolicy, createServiceWithEventsV2, createUser, trigger } from '../support/factories';
import { ChannelsHarness, buttonPayload } from './channels-harness';

describe('Slack buttons and /oncall', () => {
  const h = new ChannelsHarness();

  beforeAll(async () => {
    await h.start();
  });
  afterAll(() => h.stop());
  beforeEach(() => h.reset());

  async function slackIncident(key: string) {
    const judy = await createUser(h.t, { name: 'Judy' }, [{ type: 'slack', address: 'U0JUDY' }]);
    const policy = await createPolicy(h.t, [{ delayMinutes: 5, targets: [{ type: 'user', id: judy.id }] }]);
    const service = await createServiceWithEventsV2(h.t, policy.id, { slackChannelId: 'C0INCIDENTS' });
    const incident = await trigger(h.t, service.routingKey, key);
    await h.drain();
    return { judy, incident, service };
  }

  it('rejects forged and unsigned requests with 401 and changes nothing', async () => {
    const { incident } = await slackIncident('slack-forged');
    await h.slackAction(buttonPayload('incident_ack', incident.id, 'U0JUDY'), 'not-the-signing-secret').expect(401);
    await h.t.http().post('/slack/events').type('form').send({ payload: JSON.stringify(buttonPayload('incident_ack', incident.id, 'U0JUDY')) }).expect(401);
    expect((await h.incident(incident.id)).status).toBe('triggered');
  });

  it('a linked user acknowledges with the button and every message is updated', async () => {
    const { incident } = await slackIncident('slack-ack');
    await h.slackAction(buttonPayload('incident_ack', incident.id, 'U0JUDY')).expect(200);
    const detail = await h.incident(incident.id);
    expect(detail.status).toBe('acknowledged');
    expect(detail.timeline.find((e) => e.type === 'acknowledged')).toMatchObject({ channel: 'slack' });
    await h.drain();
    const updates = h.slack.callsTo('chat.update');
    expect(updates).toHaveLength(2);
    expect(updates[0].args.text).toContain('ACKNOWLEDGED by Judy (via Slack)');

    await h.slackAction(buttonPayload('incident_resolve', incident.id, 'U0JUDY')).expect(200);
    expect((await h.incident(incident.id)).status).toBe('resolved');
  });

  it('tells an unlinked Slack user how to link, privately, and changes nothing', async () => {
    const { incident } = await slackIncident('slack-unlinked');
    await h.slackAction(buttonPayload('incident_ack', incident.id, 'U0STRANGER')).expect(200);
    const ephemeral = await h.slack.waitForCall('chat.postEphemeral');
    expect(ephemeral.args).toMatchObject({ channel: 'C0INCIDENTS', user: 'U0STRANGER' });
    expect(String(ephemeral.args.text)).toContain('`slack` contact method');
    expect((await h.incident(incident.id)).status).toBe('triggered');
  });

  it('/oncall answers who is on call now for a service', async () => {
    const { service } = await slackIncident('slack-oncall');
    const svc = (await h.t.api().get(`/api/v1/services/${service.serviceId}`).expect(200)).body;
    const res = await h.slackCommand({ command: '/oncall', text: svc.name, user_id: 'U0JUDY', channel_id: 'C0INCIDENTS', team_id: 'T0FAKE' }).expect(200);
    expect(res.body).toMatchObject({ response_type: 'ephemeral' });
    expect(res.body.text).toContain(`On call now for ${svc.name}`);
    expect(res.body.text).toContain('Level 1: Judy');
    const unknown = await h.slackCommand({ command: '/oncall', text: 'no such thing', user_id: 'U0JUDY', channel_id: 'C0X', team_id: 'T0FAKE' }).expect(200);
    expect(unknown.body.text).toContain('No service or schedule');
  });
});
