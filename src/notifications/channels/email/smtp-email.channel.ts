import {
  ChannelError,
  type NotificationChannel,
  type OutgoingNotification,
  type SendResult,
} from '../notification-channel';
import { renderEmail } from './email-message.renderer';
import { createSmtpTransport, SmtpTransport } from './smtp-transport';

export interface SmtpEmailChannelOptions {
  /** `smtp://user:pass@host:port` or `smtps://...`. */
  smtpUrl?: string;
  /** Sender, e.g. `Klaxon <klaxon@example.com>`. */
  from?: string;
  /** Connection, greeting and socket timeout; default 10 s. */
  timeoutMs?: number;
}

const TRANSIENT_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS']);

/**
 * Email pages over SMTP through a pooled nodemailer transport. The Message-ID is
 * derived from the notification id, so a duplicate send after a crash carries the
 * same id and mail clients can fold the two.
 */
export class SmtpEmailChannel implements NotificationChannel {
  readonly type = 'email' as const;
  readonly provider = 'smtp';
  private readonly transporter: SmtpTransport | undefined;

  constructor(private readonly options: SmtpEmailChannelOptions) {
    if (options.smtpUrl && options.from) {
      this.transporter = createSmtpTransport(options.smtpUrl, { pooled: true, timeoutMs: options.timeoutMs });
    }
  }

  isConfigured(): boolean {
    return Boolean(this.options.smtpUrl && this.options.from);
  }

  async send(notification: OutgoingNotification): Promise<SendResult> {
    if (!this.transporter || !this.options.from) {
      throw new ChannelError('SMTP email is not configured', false, 'not_configured');
    }
    const { subject, text, html } = renderEmail(notification.content);
    try {
      const info = await this.transporter.sendMail({
        from: this.options.from,
        to: notification.address,
        subject,
        text,
        html,
        messageId: `<${notification.notificationId}@${senderDomain(this.options.from)}>`,
        headers: { 'X-Klaxon-Incident': notification.content.incidentId },
      });
      return { provider: this.provider, providerMessageId: typeof info.messageId === 'string' ? info.messageId : null };
    } catch (error) {
      throw toSmtpChannelError(error);
    }
  }

  /** Closes the pooled connections (application shutdown, end of a test). */
  close(): void {
    this.transporter?.close();
  }
}

/**
 * SMTP 4xx replies are transient by definition (RFC 5321), 5xx permanent (nodemailer
 * marks them `permanent`, except 503 bad sequence); connection-level failures are
 * retryable; anything else (a malformed message, a failed login) is permanent.
 */
export function toSmtpChannelError(error: unknown): ChannelError {
  if (error instanceof ChannelError) return error;
  const e = (error ?? {}) as { responseCode?: unknown; code?: unknown; permanent?: unknown; message?: unknown };
  const message = typeof e.message === 'string' ? e.message : String(error);
  const code = typeof e.code === 'string' ? e.code : undefined;
  if (typeof e.responseCode === 'number') {
    const permanent = e.permanent === true || (e.responseCode >= 500 && e.responseCode !== 503);
    return new ChannelError(`SMTP server answered ${e.responseCode}: ${message}`, !permanent, String(e.responseCode));
  }
  if (code && TRANSIENT_CODES.has(code)) return new ChannelError(`SMTP connection failed: ${message}`, true, code);
  return new ChannelError(`SMTP send failed: ${message}`, code === undefined, code);
}

function senderDomain(from: string): string {
  const match = /@([^\s>]+)/.exec(from);
  return match ? match[1] : 'klaxon.invalid';
}
