import { FakeSlackServer } from '../../../../test/fakes/fake-slack.server';
import { ChannelError, type OutgoingNotification } from '../notification-channel';
import { SlackChatChannel, parseSlackMessageRef } from './slack-chat.channel';

const notification: OutgoingNotification = {
  notificationId: 'n-1',
  address: 'C0ONCALL',
  userId: null,
  content: {
    incidentId: 'inc-1',
    incidentNumber: 42,
    status: 'triggered',
    title: 'CPU above 90%',
    severity: 'critical',
    serviceName: 'billing',
  },
};

describe('SlackChatChannel against the fake Slack server', () => {
  const slack = new FakeSlackServer();
  let apiBaseUrl: string;
  let channel: SlackChatChannel;

  beforeAll(async () => {
    apiBaseUrl = await slack.start();
    channel = new SlackChatChannel({ botToken: slack.botToken, apiBaseUrl, timeoutMs: 2000 });
  });
  afterEach(() => slack.reset());
  afterAll(() => slack.stop());

  it('posts the incident with its buttons and returns channel:ts', async () => {
    const result = await channel.send(notification);

    const post = await slack.waitForCall('chat.postMessage');
    expect(post.token).toBe(slack.botToken);
    expect(post.args).toMatchObject({ channel: 'C0ONCALL', text: '#42 TRIGGERED [critical] billing: CPU above 90%' });
    const actions = (post.args.blocks as Array<{ type: string; elements?: Array<{ action_id: string }> }>).find((b) => b.type === 'actions');
    expect(actions?.elements?.map((e) => e.action_id)).toEqual(['incident_ack', 'incident_resolve', 'incident_escalate']);
    expect(result.provider).toBe('slack');
    expect(parseSlackMessageRef(result.providerMessageId)).toEqual({ channel: 'C0ONCALL', ts: (post.response as { ts: string }).ts });
  });

  it('DMs a user id and keeps the DM channel for later updates', async () => {
    const result = await channel.send({ ...notification, address: 'U0ALICE' });

    expect(parseSlackMessageRef(result.providerMessageId)?.channel).toBe(slack.dmChannelFor('U0ALICE'));
  });

  it('updates the message in place without the buttons once resolved', async () => {
    const first = await channel.send(notification);
    const second = await channel.send(notification);
    const ref = parseSlackMessageRef(first.providerMessageId);
    expect(ref).not.toBeNull();
    expect(Number(parseSlackMessageRef(second.providerMessageId)?.ts)).toBeGreaterThan(Number(ref?.ts));

    await channel.updateIncidentMessage(ref!.channel, ref!.ts, { ...notification.content, status: 'resolved' }, { slackUserId: 'U0BOB' });

    const update = await slack.waitForCall('chat.update');
    expect(update.args).toMatchObject({ channel: ref!.channel, ts: ref!.ts, text: '#42 RESOLVED by <@U0BOB> [critical] billing: CPU above 90%' });
    const blocks = update.args.blocks as Array<{ type: string }>;
    expect(blocks.some((b) => b.type === 'actions')).toBe(false);
  });

  it('maps a bad token to a permanent invalid_auth error', async () => {
    const wrong = new SlackChatChannel({ botToken: 'xoxb-wrong', apiBaseUrl });

    await expect(wrong.send(notification)).rejects.toMatchObject({ name: 'ChannelError', retryable: false, providerCode: 'invalid_auth' });
  });

  it.each([['channel_not_found'], ['not_in_channel']])('maps %s to a permanent error', async (error) => {
    slack.failNext({ method: 'chat.postMessage', error });

    await expect(channel.send(notification)).rejects.toMatchObject({ retryable: false, providerCode: error });
  });

  it('maps rate limiting (429), a 503 and a transient platform error to retryable errors', async () => {
    slack.failNext({ httpStatus: 429, retryAfterSec: 30 });
    slack.failNext({ httpStatus: 503 });
    slack.failNext({ error: 'internal_error' });

    await expect(channel.send(notification)).rejects.toMatchObject({ retryable: true, providerCode: 'ratelimited' });
    await expect(channel.send(notification)).rejects.toMatchObject({ retryable: true, providerCode: 'http_503' });
    await expect(channel.send(notification)).rejects.toMatchObject({ retryable: true, providerCode: 'internal_error' });
    expect(slack.callsTo('chat.postMessage')).toHaveLength(3);
  });

  it('maps a refused connection to a retryable error', async () => {
    const down = new FakeSlackServer();
    const downUrl = await down.start();
    await down.stop();
    const unreachable = new SlackChatChannel({ botToken: slack.botToken, apiBaseUrl: downUrl.replace(/\/$/, '') });

    const error = await unreachable.send(notification).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChannelError);
    expect(error).toMatchObject({ retryable: true });
  });

  it('is not configured without a token', async () => {
    const unconfigured = new SlackChatChannel({ apiBaseUrl });
    expect(unconfigured.isConfigured()).toBe(false);
    await expect(unconfigured.send(notification)).rejects.toMatchObject({ retryable: false, providerCode: 'not_configured' });
  });
});

describe('parseSlackMessageRef', () => {
  it('reads channel:ts and rejects anything else', () => {
    expect(parseSlackMessageRef('C1:1700000000.000100')).toEqual({ channel: 'C1', ts: '1700000000.000100' });
    expect(parseSlackMessageRef('SM123')).toBeNull();
    expect(parseSlackMessageRef(null)).toBeNull();
  });
});
