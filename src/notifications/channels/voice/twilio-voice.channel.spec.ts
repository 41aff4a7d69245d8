import { FakeTwilioServer } from '../../../../test/fakes/fake-twilio.server';
import type { OutgoingNotification } from '../notification-channel';
import { TwilioVoiceChannel } from './twilio-voice.channel';

const notification: OutgoingNotification = {
  notificationId: 'n-7',
  address: '+15550100001',
  userId: 'u-1',
  content: {
    incidentId: 'inc-1',
    incidentNumber: 42,
    status: 'triggered',
    title: 'CPU above 90%',
    severity: 'critical',
    serviceName: 'billing',
  },
};

describe('TwilioVoiceChannel against the fake Twilio server', () => {
  const fake = new FakeTwilioServer();
  let baseUrl: string;

  beforeAll(async () => {
    baseUrl = await fake.start();
  });
  afterEach(() => fake.reset());
  afterAll(() => fake.stop());

  const channelFor = (apiBaseUrl: string) =>
    new TwilioVoiceChannel({
      accountSid: fake.accountSid,
      authToken: fake.authToken,
      from: '+15550109999',
      publicUrl: 'https://klaxon.example/',
      apiBaseUrl,
      timeoutMs: 2000,
    });

  it('creates a call whose TwiML URL names the notification, and returns the call SID', async () => {
    const result = await channelFor(baseUrl).send(notification);

    expect(result).toEqual({ provider: 'twilio', providerMessageId: expect.stringMatching(/^CA[0-9a-f]{32}$/) });
    const call = await fake.waitForCall();
    expect(call).toMatchObject({
      sid: result.providerMessageId,
      To: '+15550100001',
      From: '+15550109999',
      Url: 'https://klaxon.example/twilio/voice?notification=n-7',
      StatusCallback: 'https://klaxon.example/twilio/voice/status?notification=n-7',
    });
  });

  it('maps a 503 to a retryable error and a 400 to a permanent one', async () => {
    fake.failNext(1, 503);
    fake.failNext(1, 400, { code: 21215, message: 'Geo permission not enabled' });
    const channel = channelFor(baseUrl);

    await expect(channel.send(notification)).rejects.toMatchObject({ name: 'ChannelError', retryable: true });
    await expect(channel.send(notification)).rejects.toMatchObject({ retryable: false, providerCode: '21215' });
    expect(fake.calls).toHaveLength(0);
  });

  it('needs a public URL to be configured', () => {
    expect(
      new TwilioVoiceChannel({ accountSid: fake.accountSid, authToken: fake.authToken, from: '+15550109999' }).isConfigured(),
    ).toBe(false);
    expect(channelFor(baseUrl).isConfigured()).toBe(true);
  });
});
