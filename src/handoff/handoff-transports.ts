import type { WebClient } from '@slack/web-api';
import type twilio from 'twilio';
import type { AppConfig } from '../config/app-config';
import { ChannelError } from '../notifications/channels/notification-channel';
import { toSmtpChannelError } from '../notifications/channels/email/smtp-email.channel';
import { createSmtpTransport, SmtpTransport } from '../notifications/channels/email/smtp-transport';
import { slackWebClient, toSlackChannelError } from '../notifications/channels/slack/slack-chat.channel';
import { createTwilioClient, toTwilioChannelError } from '../notifications/channels/sms/twilio-request-client';
import type { HandoffChannel } from './handoff-messages.repository';

/** A plain-text message to one address. */
export interface TextMessage {
  id: string;
  address: string;
  subject: string;
  text: string;
}

/**
 * Sends a plain-text message through one provider and returns its message id,
 * or throws a ChannelError that says whether a retry can help. The same
 * providers, clients and error rules as pages (notifications/channels/).
 */
export interface TextTransport {
  send(message: TextMessage): Promise<string | null>;
}

class SmsTransport implements TextTransport {
  constructor(
    private readonly client: twilio.Twilio,
    private readonly from: string,
  ) {}

  async send(m: TextMessage): Promise<string | null> {
    try {
      const message = await this.client.messages.create({ to: m.address, from: this.from, body: m.text });
      return message.sid ?? null;
    } catch (e) {
      throw toTwilioChannelError(e);
    }
  }
}

class EmailTransport implements TextTransport {
  private readonly transporter: SmtpTransport;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transporter = createSmtpTransport(smtpUrl, { pooled: true });
  }

  async send(m: TextMessage): Promise<string | null> {
    const domain = /@([^\s>]+)/.exec(this.from)?.[1] ?? 'klaxon.invalid';
    try {
      // The Message-ID is the outbox row's: a resend after a crash carries the same one.
      const info = await this.transporter.sendMail({ from: this.from, to: m.address, subject: m.subject, text: m.text, messageId: `<${m.id}@${domain}>` });
      return typeof info.messageId === 'string' ? info.messageId : null;
    } catch (e) {
      throw toSmtpChannelError(e);
    }
  }

  close(): void {
    this.transporter.close();
  }
}

class SlackTransport implements TextTransport {
  constructor(private readonly client: WebClient) {}

  async send(m: TextMessage): Promise<string | null> {
    try {
      const result = await this.client.chat.postMessage({ channel: m.address, text: m.text, unfurl_links: false, unfurl_media: false });
      return result.ts ? `${result.channel ?? m.address}:${result.ts}` : null;
    } catch (e) {
      throw toSlackChannelError(e);
    }
  }
}

/** The transports of the configured providers; a channel without credentials has none (its messages fail as not configured). */
export class HandoffTransports {
  private readonly byChannel = new Map<HandoffChannel, TextTransport>();

  constructor(config: AppConfig) {
    if (config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN && config.TWILIO_FROM) {
      const client = createTwilioClient(config.TWILIO_ACCOUNT_SID, config.TWILIO_AUTH_TOKEN, { apiBaseUrl: config.TWILIO_API_URL });
      this.byChannel.set('sms', new SmsTransport(client, config.TWILIO_FROM));
    }
    if (config.SMTP_URL && config.SMTP_FROM) this.byChannel.set('email', new EmailTransport(config.SMTP_URL, config.SMTP_FROM));
    if (config.SLACK_BOT_TOKEN) this.byChannel.set('slack', new SlackTransport(slackWebClient(config.SLACK_BOT_TOKEN, { apiBaseUrl: config.SLACK_API_URL })));
  }

  send(channel: HandoffChannel, message: TextMessage): Promise<string | null> {
    const transport = this.byChannel.get(channel);
    if (!transport) return Promise.reject(new ChannelError(`${channel} is not configured`, false, 'not-configured'));
    return transport.send(message);
  }

  close(): void {
    for (const t of this.byChannel.values()) if (t instanceof EmailTransport) t.close();
  }
}
