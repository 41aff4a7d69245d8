import { renderEmailSubject } from '../email/email-message.renderer';
import {
  type ChannelError,
  type ChannelType,
  type NotificationChannel,
  type OutgoingNotification,
  type SendResult,
} from '../notification-channel';
import { renderIncidentText } from '../slack/slack-blocks.renderer';
import { renderSmsText } from '../sms/sms-text.renderer';

/** What the log channel recorded for one send. */
export interface LoggedPage {
  type: ChannelType;
  notificationId: string;
  address: string;
  userId: string | null;
  /** The one line the real channel would lead with: SMS text, email subject, Slack text. */
  summary: string;
  content: OutgoingNotification['content'];
  providerMessageId: string;
}

/** Receives one structured entry per send (e.g. a pino logger's `info` bound to its instance). */
export type LogChannelLogger = (entry: Record<string, unknown>, message: string) => void;

export interface LogChannelOptions {
  type: ChannelType;
  logger?: LogChannelLogger;
}

/**
 * A real channel that delivers to a log: chosen by config when a provider has no
 * credentials in development, and the recording channel of engine tests. It keeps every
 * send in `sent` and can be told to fail, so tests see the same ChannelError paths the
 * provider channels produce.
 */
export class LogChannel implements NotificationChannel {
  readonly type: ChannelType;
  readonly provider = 'log';
  readonly sent: LoggedPage[] = [];
  private readonly logger: LogChannelLogger | undefined;
  private readonly failures: ChannelError[] = [];
  private sequence = 0;

  constructor(options: LogChannelOptions) {
    this.type = options.type;
    this.logger = options.logger;
  }

  isConfigured(): boolean {
    return true;
  }

  async send(notification: OutgoingNotification): Promise<SendResult> {
    const failure = this.failures.shift();
    if (failure) throw failure;
    this.sequence += 1;
    const page: LoggedPage = {
      type: this.type,
      notificationId: notification.notificationId,
      address: notification.address,
      userId: notification.userId,
      summary: summarize(this.type, notification),
      content: notification.content,
      providerMessageId: `log-${this.type}-${this.sequence}`,
    };
    this.sent.push(page);
    this.logger?.(
      {
        channel: this.type,
        provider: this.provider,
        notificationId: page.notificationId,
        address: page.address,
        userId: page.userId,
        incidentId: notification.content.incidentId,
        incidentNumber: notification.content.incidentNumber,
        providerMessageId: page.providerMessageId,
      },
      // The short link's token acts on the incident: it is a credential, kept out of logs.
      `[${this.type}] ${page.summary.replace(/\/i\/[A-Za-z0-9_-]+/g, '/i/<token>')}`,
    );
    return { provider: this.provider, providerMessageId: page.providerMessageId };
  }

  /** The next `count` sends throw `error` (e.g. `new ChannelError('down', true)`). */
  failNext(error: ChannelError, count = 1): void {
    for (let i = 0; i < count; i++) this.failures.push(error);
  }

  clear(): void {
    this.sent.length = 0;
    this.failures.length = 0;
  }
}

function summarize(type: ChannelType, notification: OutgoingNotification): string {
  switch (type) {
    case 'sms':
    case 'voice':
      return renderSmsText(notification.content);
    case 'email':
      return renderEmailSubject(notification.content);
    case 'slack':
    case 'slack-channel':
    case 'teams':
    case 'mattermost':
      return renderIncidentText(notification.content);
  }
}
