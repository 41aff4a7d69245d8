import { DateTime } from 'luxon';
import { slackInteractionBody } from '../fakes/signing';
import { createPolicy, createSchedule, createServiceWithEventsV2, createUser, layerBody } from '../support/factories';
import { ChannelsHarness, SLACK_SIGNING_SECRET, buttonPayload } from './channels-harness';

describe('Slack buttons and /oncall', () => {
  const h = new ChannelsHarness();

  beforeAll(async () => {
    await h.start();
    // Request timestamps are checked against the app's clock; it starts at the wall time so that
    // these tests mean the same to a verifier that reads the system clock (Bolt's default).
    h.t.clock.set(new Date());
  });
  afterAll(() => h.stop());
  beforeEach(() => h.reset());

  /** Judy, paged on Slack as U0JUDY, on a service that posts to C0INCIDENTS. */
  const slackIncident = (key: string) => h.paged({ type: 'slack', address: 'U0JUDY' }, key, { name: 'Judy', slackChannelId: 'C0INCIDENTS' });

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

  it('/oncall says when a service is in maintenance, and until when', async () => {
    const { service } = await slackIncident('slack-oncall-maint');
    const svc = (await h.t.api().get(`/api/v1/services/${service.serviceId}`).expect(200)).body;
    const end = new Date(h.t.clock.now().getTime() + 3_600_000);
    await h.t.api().post('/api/v1/maintenance-windows', { description: 'Deploy', end: end.toISOString(), serviceIds: [service.serviceId] }).expect(201);
    const res = await h.slackCommand({ command: '/oncall', text: svc.name, user_id: 'U0JUDY', channel_id: 'C0X', team_id: 'T0FAKE' }).expect(200);
    expect(res.body.text).toContain('Level 1: Judy');
    expect(res.body.text).toContain(`In maintenance until <!date^${Math.floor(end.getTime() / 1000)}^`);
    expect(res.body.text).toContain(`new incidents of ${svc.name} page nobody until then`);
  });

  it('/oncall says until when each person a schedule puts on call is on call', async () => {
    // The app's clock is the wall time here (see beforeAll): the rotation is laid out around it.
    const zone = 'America/New_York';
    const handoff = DateTime.fromJSDate(h.t.clock.now(), { zone }).startOf('hour').minus({ hours: 1 });
    const olga = await createUser(h.t, { name: 'Olga Oncall' });
    const pete = await createUser(h.t, { name: 'Pete Next' });
    // Daily: Pete's turn, then Olga's from `handoff` until the same local time the next day.
    const schedule = await createSchedule(h.t, {
      name: `Rota ${olga.id.slice(0, 8)}`,
      timeZone: zone,
      layers: [
        layerBody([olga.id, pete.id], {
          start: handoff.minus({ days: 1 }).toISO(),
          rotation: { unit: 'day', length: 1, handoff: handoff.toISO() },
        }),
      ],
    });
    const end = handoff.plus({ days: 1 });
    const until = `until <!date^${end.toSeconds()}^{date_short_pretty} {time}|${end.toFormat('ccc d LLL HH:mm ZZZZ')}>`;
    const command = (text: string) => h.slackCommand({ command: '/oncall', text, user_id: 'U0JUDY', channel_id: 'C0X', team_id: 'T0FAKE' }).expect(200);

    const bySchedule = await command(schedule.name.toUpperCase());
    expect(bySchedule.body.text).toBe(`*${schedule.name}*: Olga Oncall is on call now, ${until}`);

    const policy = await createPolicy(h.t, [
      { delayMinutes: 5, targets: [{ type: 'schedule', id: schedule.id }] },
      { delayMinutes: 5, targets: [{ type: 'user', id: pete.id }] },
    ]);
    const service = await createServiceWithEventsV2(h.t, policy.id);
    const svc = (await h.t.api().get(`/api/v1/services/${service.serviceId}`).expect(200)).body;
    const byService = await command(svc.name);
    expect(byService.body.text).toBe(
      [`*On call now for ${svc.name}*`, `• Level 1: Olga Oncall ${until}`, '• Level 2: Pete Next (named in the policy)'].join('\n'),
    );

    const everything = await command('');
    expect(everything.body.text).toContain(`• ${schedule.name}: Olga Oncall ${until}`);
  });

  it('acts on each (action_ts, user) once: a replayed press is a 200 that changes and posts nothing', async () => {
    const { incident } = await slackIncident('slack-replay');
    const press = buttonPayload('incident_escalate', incident.id, 'U0JUDY');
    const at = h.slackNow();
    await h.slackAction(press, SLACK_SIGNING_SECRET, at).expect(200);
    expect(await h.manualEscalations(incident.id, 'slack')).toBe(1);

    h.reset();
    await h.slackAction(press, SLACK_SIGNING_SECRET, at).expect(200);
    await h.slackAction(press, SLACK_SIGNING_SECRET, at + 60).expect(200);
    expect(await h.manualEscalations(incident.id, 'slack')).toBe(1);
    expect(h.slack.callsTo('chat.postEphemeral')).toHaveLength(0);

    // The next press of the same button has an action_ts of its own.
    await h.slackAction(buttonPayload('incident_escalate', incident.id, 'U0JUDY')).expect(200);
    expect(await h.manualEscalations(incident.id, 'slack')).toBe(2);
  });

  it('of concurrent deliveries of one press exactly one acts', async () => {
    const { incident } = await slackIncident('slack-concurrent');
    const press = buttonPayload('incident_escalate', incident.id, 'U0JUDY');
    const at = h.slackNow();
    await Promise.all(Array.from({ length: 6 }, () => h.slackAction(press, SLACK_SIGNING_SECRET, at).expect(200)));
    expect(await h.manualEscalations(incident.id, 'slack')).toBe(1);
  });

  it('refuses request timestamps more than 5 minutes from the app clock, either way, with 401', async () => {
    const { incident } = await slackIncident('slack-window');
    const now = h.slackNow();
    await h.slackAction(buttonPayload('incident_ack', incident.id, 'U0JUDY'), SLACK_SIGNING_SECRET, now + 6 * 60).expect(401);
    await h.slackAction(buttonPayload('incident_ack', incident.id, 'U0JUDY'), SLACK_SIGNING_SECRET, now - 6 * 60).expect(401);
    expect((await h.incident(incident.id)).status).toBe('triggered');
    await h.slackAction(buttonPayload('incident_ack', incident.id, 'U0JUDY'), SLACK_SIGNING_SECRET, now + 4 * 60).expect(200);
    expect((await h.incident(incident.id)).status).toBe('acknowledged');
  });

  it('refuses a timestamp header that is not plain decimal seconds, even when it reads as the signed time', async () => {
    const { incident } = await slackIncident('slack-decimal');
    const now = h.slackNow();
    for (const spelling of [`${now}.0`, `0x${now.toString(16)}`, `${now / 1e9}e9`, `+${now}`, `0${now}`]) {
      const body = slackInteractionBody(buttonPayload('incident_ack', incident.id, 'U0JUDY'));
      const res = await h.slackPost(body, SLACK_SIGNING_SECRET, now, spelling);
      expect({ spelling, status: res.status }).toEqual({ spelling, status: 401 });
    }
    expect((await h.incident(incident.id)).status).toBe('triggered');
  });

  it('a button value that is not an incident id is a 400 naming it', async () => {
    const { incident } = await slackIncident('slack-bad-value');
    for (const value of ['-'.repeat(36), 'not-an-incident']) {
      const res = await h.slackAction(buttonPayload('incident_ack', value, 'U0JUDY')).expect(400);
      expect(JSON.stringify(res.body)).toContain('value');
    }
    expect((await h.incident(incident.id)).status).toBe('triggered');
  });
});
