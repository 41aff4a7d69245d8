import { ChannelError, type OutgoingNotification } from '../notification-channel';
import { LogChannel } from './log.channel';

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

describe('LogChannel', () => {
  it('records each send, logs one structured line and returns a unique id', async () => {
    const lines: Array<[Record<string, unknown>, string]> = [];
    const channel = new LogChannel({ type: 'sms', logger: (entry, message) => lines.push([entry, message]) });

    const first = await channel.send(notification);
    const second = await channel.send({ ...notification, notificationId: 'n-2' });

    expect(channel.isConfigured()).toBe(true);
    expect(first).toEqual({ provider: 'log', providerMessageId: 'log-sms-1' });
    expect(second.providerMessageId).toBe('log-sms-2');
    expect(channel.sent.map((p) => p.notificationId)).toEqual(['n-1', 'n-2']);
    expect(channel.sent[0].summary).toBe('Klaxon #42 CRITICAL billing: CPU above 90%. Reply "ack 42" or "resolve 42"');
    expect(lines[0]).toEqual([
      expect.objectContaining({ channel: 'sms', provider: 'log', notificationId: 'n-1', address: '+15550100001', incidentNumber: 42 }),
      '[sms] Klaxon #42 CRITICAL billing: CPU above 90%. Reply "ack 42" or "resolve 42"',
    ]);
  });

  it('keeps the short link token out of the log line', async () => {
    const lines: string[] = [];
    const channel = new LogChannel({ type: 'sms', logger: (_entry, message) => lines.push(message) });
    await channel.send({ ...notification, content: { ...notification.content, shortLink: 'https://k.example/i/q3Zb0mVb2W1xk8sLr1Xq9A' } });
    expect(channel.sent[0].summary).toContain('https://k.example/i/q3Zb0mVb2W1xk8sLr1Xq9A');
    expect(lines[0]).toContain('https://k.example/i/<token>');
    expect(lines[0]).not.toContain('q3Zb0mVb2W1xk8sLr1Xq9A');
  });

  it('summarises in the form of its channel type', async () => {
    const email = new LogChannel({ type: 'email' });
    const slack = new LogChannel({ type: 'slack' });
    await email.send(notification);
    await slack.send(notification);
    expect(email.sent[0].summary).toBe('[#42] TRIGGERED: CPU above 90%');
    expect(slack.sent[0].summary).toBe('#42 TRIGGERED [critical] billing: CPU above 90%');
  });

  it('throws injected failures in order, then sends again', async () => {
    const channel = new LogChannel({ type: 'voice' });
    channel.failNext(new ChannelError('provider down', true), 2);
    channel.failNext(new ChannelError('invalid number', false, '21211'));

    await expect(channel.send(notification)).rejects.toMatchObject({ retryable: true });
    await expect(channel.send(notification)).rejects.toMatchObject({ retryable: true });
    await expect(channel.send(notification)).rejects.toMatchObject({ retryable: false, providerCode: '21211' });
    await expect(channel.send(notification)).resolves.toEqual({ provider: 'log', providerMessageId: 'log-voice-1' });
    expect(channel.sent).toHaveLength(1);

    channel.clear();
    expect(channel.sent).toHaveLength(0);
  });
});
