import { FakeTwilioServer, TWILIO_INVALID_NUMBER } from '../../../../test/fakes/fake-twilio.server';
import { ChannelError, type OutgoingNotification } from '../notification-channel';
import { TwilioSmsChannel } from './twilio-sms.channel';

const notification: OutgoingNotification = {
  notificationId: 'n-1',
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

describe('TwilioSmsChannel against the fake Twilio server', () => {
  const fake = new FakeTwilioServer();
  let baseUrl: string;
  let channel: TwilioSmsChannel;

  beforeAll(async () => {
    baseUrl = await fake.start();
    channel = new TwilioSmsChannel({
      accountSid: fake.accountSid,
      authToken: fake.authToken,
      from: '+15550109999',
      apiBaseUrl: baseUrl,
      timeoutMs: 2000,
    });
  });
  afterEach(() => fake.reset());
  afterAll(() => fake.stop());

  it('sends the SMS through the real SDK and returns the message SID', async () => {
    const result = await channel.send(notification);

    expect(result.provider).toBe('twilio');
    expect(result.providerMessageId).toMatch(/^SM[0-9a-f]{32}$/);
    expect(fake.messages).toEqual([
      expect.objectContaining({
        sid: result.providerMessageId,
        To: '+15550100001',
        From: '+15550109999',
        Body: 'Klaxon #42 CRITICAL billing: CPU above 90%. Reply "ack 42" or "resolve 42"',
      }),
    ]);
  });

  it('maps a 500 to a retryable ChannelError', async () => {
    fake.failNext(1, 500);

    const error = await channel.send(notification).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ChannelError);
    expect(error).toMatchObject({ retryable: true });
    expect(fake.messages).toHaveLength(0);
    await expect(channel.send(notification)).resolves.toMatchObject({ provider: 'twilio' });
  });

  it('maps an invalid number (400, 21211) to a permanent ChannelError with the Twilio code', async () => {
    fake.setFailure(TWILIO_INVALID_NUMBER);

    const error = await channel.send(notification).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ChannelError);
    expect(error).toMatchObject({ retryable: false, providerCode: '21211' });
  });

  it('maps rejected credentials (401) to a permanent ChannelError', async () => {
    const wrongToken = new TwilioSmsChannel({
      accountSid: fake.accountSid,
      authToken: 'not-the-token',
      from: '+15550109999',
      apiBaseUrl: baseUrl,
    });

    await expect(wrongToken.send(notification)).rejects.toMatchObject({ retryable: false, providerCode: '20003' });
    expect(fake.requests[0]).toMatchObject({ authorized: false, answeredStatus: 401 });
  });

  it('maps a timeout to a retryable ChannelError', async () => {
    fake.setResponseDelay(500);
    const impatient = new TwilioSmsChannel({
      accountSid: fake.accountSid,
      authToken: fake.authToken,
      from: '+15550109999',
      apiBaseUrl: baseUrl,
      timeoutMs: 100,
    });

    await expect(impatient.send(notification)).rejects.toMatchObject({ name: 'ChannelError', retryable: true });
  });

  it('maps a refused connection to a retryable ChannelError', async () => {
    const down = new FakeTwilioServer();
    const downUrl = await down.start();
    await down.stop();
    const unreachable = new TwilioSmsChannel({
      accountSid: fake.accountSid,
      authToken: fake.authToken,
      from: '+15550109999',
      apiBaseUrl: downUrl,
    });

    await expect(unreachable.send(notification)).rejects.toMatchObject({ retryable: true, providerCode: 'ECONNREFUSED' });
  });

  it('is not configured without credentials, and then refuses to send', async () => {
    const unconfigured = new TwilioSmsChannel({ from: '+15550109999' });

    expect(unconfigured.isConfigured()).toBe(false);
    expect(channel.isConfigured()).toBe(true);
    await expect(unconfigured.send(notification)).rejects.toMatchObject({ retryable: false, providerCode: 'not_configured' });
  });
});
