import { SmtpCaptureServer } from '../../../../test/fakes/smtp-capture.server';
import { ChannelError, type OutgoingNotification } from '../notification-channel';
import { SmtpEmailChannel, toSmtpChannelError } from './smtp-email.channel';

const notification: OutgoingNotification = {
  notificationId: 'n-42',
  address: 'alice@example.com',
  userId: 'u-1',
  content: {
    incidentId: 'inc-1',
    incidentNumber: 42,
    status: 'triggered',
    title: 'Disk full on db-1 — “urgent”',
    severity: 'critical',
    serviceName: 'billing',
    actionLinks: { acknowledge: 'https://klaxon.example/a?t=1', resolve: 'https://klaxon.example/r?t=2' },
  },
};

describe('SmtpEmailChannel against the SMTP capture server', () => {
  const smtp = new SmtpCaptureServer({ auth: { user: 'klaxon', pass: 's3cret' } });
  let channel: SmtpEmailChannel;
  let smtpUrl: string;

  beforeAll(async () => {
    smtpUrl = await smtp.start();
    channel = new SmtpEmailChannel({ smtpUrl, from: 'Klaxon <klaxon@example.com>', timeoutMs: 2000 });
  });
  afterEach(() => smtp.reset());
  afterAll(async () => {
    channel.close();
    await smtp.stop();
  });

  it('delivers the page with the exact subject, both bodies and the SMTP message id', async () => {
    const result = await channel.send(notification);

    expect(result).toEqual({ provider: 'smtp', providerMessageId: '<n-42@example.com>' });
    const mail = await smtp.waitForMessage();
    expect(mail.subject).toBe('[#42] TRIGGERED: Disk full on db-1 — “urgent”');
    expect(mail.envelopeTo).toEqual(['alice@example.com']);
    expect(mail.envelopeFrom).toBe('klaxon@example.com');
    expect(mail.authUser).toBe('klaxon');
    expect(mail.messageId).toBe('<n-42@example.com>');
    expect(mail.text).toContain('Acknowledge: https://klaxon.example/a?t=1');
    expect(mail.html).toContain('<a href="https://klaxon.example/r?t=2"');
  });

  it('maps a 4xx reply to a retryable error and a 5xx reply to a permanent one', async () => {
    smtp.failNext(1, { code: 451, message: 'Try again later' });
    smtp.failNext(1, { code: 550, message: 'No such user', stage: 'rcpt' });

    await expect(channel.send(notification)).rejects.toMatchObject({ name: 'ChannelError', retryable: true, providerCode: '451' });
    await expect(channel.send(notification)).rejects.toMatchObject({ retryable: false, providerCode: '550' });
    expect(smtp.messages).toHaveLength(0);
  });

  it('maps a refusal after DATA the same way', async () => {
    smtp.failNext(1, { code: 552, stage: 'data' });

    await expect(channel.send(notification)).rejects.toMatchObject({ retryable: false, providerCode: '552' });
  });

  it('maps bad credentials to a permanent error', async () => {
    const wrong = new SmtpEmailChannel({ smtpUrl: smtpUrl.replace('s3cret', 'nope'), from: 'klaxon@example.com' });
    try {
      await expect(wrong.send(notification)).rejects.toMatchObject({ retryable: false, providerCode: '535' });
    } finally {
      wrong.close();
    }
  });

  it('maps a refused connection to a retryable error', async () => {
    const down = new SmtpCaptureServer();
    const downUrl = await down.start();
    await down.stop();
    const unreachable = new SmtpEmailChannel({ smtpUrl: downUrl, from: 'klaxon@example.com', timeoutMs: 1000 });
    try {
      await expect(unreachable.send(notification)).rejects.toMatchObject({ retryable: true });
    } finally {
      unreachable.close();
    }
  });

  it('is not configured without a URL or sender', async () => {
    const unconfigured = new SmtpEmailChannel({ from: 'klaxon@example.com' });
    expect(unconfigured.isConfigured()).toBe(false);
    expect(new SmtpEmailChannel({ smtpUrl }).isConfigured()).toBe(false);
    await expect(unconfigured.send(notification)).rejects.toBeInstanceOf(ChannelError);
  });
});

describe('toSmtpChannelError', () => {
  it('treats 503 (bad sequence) and connection errors as retryable, unknown coded errors as permanent', () => {
    expect(toSmtpChannelError(Object.assign(new Error('x'), { responseCode: 503 })).retryable).toBe(true);
    expect(toSmtpChannelError(Object.assign(new Error('x'), { code: 'ETIMEDOUT' })).retryable).toBe(true);
    expect(toSmtpChannelError(Object.assign(new Error('x'), { code: 'EMESSAGE' })).retryable).toBe(false);
  });
});
