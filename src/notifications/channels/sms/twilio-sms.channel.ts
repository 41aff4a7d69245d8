import type twilio from 'twilio';
import {
  ChannelError,
  type NotificationChannel,
  type OutgoingNotification,
  type SendResult,
} from '../notification-channel';
import { renderSmsText } from './sms-text.renderer';
import { createTwilioClient, toTwilioChannelError } from './twilio-request-client';

export interface TwilioSmsChannelOptions {
  accountSid?: string;
  authToken?: string;
  /** Sending number (E.164) or messaging service sender. */
  from?: string;
  /** Defaults to https://api.twilio.com; tests point it at the fake server. */
  apiBaseUrl?: string;
  /** Per-request timeout; default 10 s. */
  timeoutMs?: number;
  /** Where Twilio posts delivery status (MessageStatus); none when unset. */
  statusCallbackUrl?: string;
}

/** SMS pages through the Twilio Messages API. */
export class TwilioSmsChannel implements NotificationChannel {
  readonly type = 'sms' as const;
  readonly provider = 'twilio';
  private readonly client: twilio.Twilio | undefined;

  /** Throws at construction (boot) when the credentials are malformed, e.g. a SID not starting with AC. */
  constructor(private readonly options: TwilioSmsChannelOptions) {
    if (this.isConfigured()) {
      this.client = createTwilioClient(options.accountSid ?? '', options.authToken ?? '', {
        apiBaseUrl: options.apiBaseUrl,
        timeoutMs: options.timeoutMs,
      });
    }
  }

  isConfigured(): boolean {
    return Boolean(this.options.accountSid && this.options.authToken && this.options.from);
  }

  async send(notification: OutgoingNotification): Promise<SendResult> {
    const { from } = this.options;
    if (!this.client || !from) {
      throw new ChannelError('Twilio SMS is not configured', false, 'not_configured');
    }
    try {
      const message = await this.client.messages.create({
        to: notification.address,
        from,
        body: renderSmsText(notification.content),
        ...(this.options.statusCallbackUrl ? { statusCallback: this.options.statusCallbackUrl } : {}),
      });
      return { provider: this.provider, providerMessageId: message.sid ?? null };
    } catch (error) {
      throw toTwilioChannelError(error);
    }
  }
}
