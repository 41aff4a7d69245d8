import type twilio from 'twilio';
import {
  ChannelError,
  type NotificationChannel,
  type OutgoingNotification,
  type SendResult,
} from '../notification-channel';
import { createTwilioClient, toTwilioChannelError } from '../sms/twilio-request-client';

export { renderVoiceResultTwiml, renderVoiceTwiml } from './voice-twiml.renderer';

export interface TwilioVoiceChannelOptions {
  accountSid?: string;
  authToken?: string;
  /** Calling number (E.164). */
  from?: string;
  /** Klaxon's public base URL: Twilio fetches the call's TwiML and posts its status there. */
  publicUrl?: string;
  apiBaseUrl?: string;
  timeoutMs?: number;
}

/** The path (under publicUrl) that answers Twilio with the call's TwiML. */
export const VOICE_TWIML_PATH = '/twilio/voice';
/** The path (under publicUrl) that receives call status callbacks. */
export const VOICE_STATUS_PATH = '/twilio/voice/status';

/**
 * Voice pages through the Twilio Calls API. The call itself carries no text: Twilio
 * fetches `${publicUrl}/twilio/voice?notification=<id>` when the callee answers, and
 * that route renders `renderVoiceTwiml` for the notification, so the message reflects
 * the incident at answer time.
 */
export class TwilioVoiceChannel implements NotificationChannel {
  readonly type = 'voice' as const;
  readonly provider = 'twilio';
  private readonly client: twilio.Twilio | undefined;

  constructor(private readonly options: TwilioVoiceChannelOptions) {
    if (this.isConfigured()) {
      this.client = createTwilioClient(options.accountSid ?? '', options.authToken ?? '', {
        apiBaseUrl: options.apiBaseUrl,
        timeoutMs: options.timeoutMs,
      });
    }
  }

  /** A call also needs a public URL: without one Twilio has nowhere to fetch the TwiML from. */
  isConfigured(): boolean {
    const o = this.options;
    return Boolean(o.accountSid && o.authToken && o.from && o.publicUrl);
  }

  async send(notification: OutgoingNotification): Promise<SendResult> {
    const { from, publicUrl } = this.options;
    if (!this.client || !from || !publicUrl) {
      throw new ChannelError('Twilio voice is not configured', false, 'not_configured');
    }
    const base = publicUrl.replace(/\/+$/, '');
    const query = `notification=${encodeURIComponent(notification.notificationId)}`;
    try {
      const call = await this.client.calls.create({
        to: notification.address,
        from,
        url: `${base}${VOICE_TWIML_PATH}?${query}`,
        method: 'POST',
        statusCallback: `${base}${VOICE_STATUS_PATH}?${query}`,
        statusCallbackMethod: 'POST',
        statusCallbackEvent: ['completed'],
      });
      return { provider: this.provider, providerMessageId: call.sid ?? null };
    } catch (error) {
      throw toTwilioChannelError(error);
    }
  }
}
