import { maskCredentialUrl } from '../../../common/credential-redaction';
import { ChatWebhookAnswer, ChatWebhookPoster, ChatWebhookRefused } from './chat-webhook-poster';
import { ChannelError, type NotificationChannel, type OutgoingNotification, type PageContent, type SendResult } from '../notification-channel';

export type ChatWebhookType = 'teams' | 'mattermost';

/**
 * A room reached through its incoming webhook (Microsoft Teams Workflows,
 * Mattermost): the page's address is the webhook URL, the body is what the
 * type's pure renderer makes of the page. The URL is the credential, so the
 * channel needs no configuration of its own and is always configured.
 *
 * A 2xx is sent (webhooks give no message id); 408, 425, 429 and 5xx, and no
 * answer at all, are retried by the outbox with backoff; any other answer
 * (a 4xx, a redirect) is a permanent failure of that page, with the
 * receiver's status and the start of its answer as the reason. A URL the
 * address policy refuses (a private address, KLAXON_WEBHOOK_ALLOW_PRIVATE
 * unset) is a permanent failure too. The poster is chatWebhookPoster on
 * CoreModule's OutboundSender in production, a fake in unit tests.
 */
export class ChatWebhookChannel implements NotificationChannel {
  readonly provider: string;

  constructor(
    readonly type: ChatWebhookType,
    private readonly render: (content: PageContent) => unknown,
    private readonly poster: ChatWebhookPoster,
  ) {
    this.provider = type;
  }

  isConfigured(): boolean {
    return true;
  }

  async send(notification: OutgoingNotification): Promise<SendResult> {
    const body = this.render(notification.content);
    let answer: ChatWebhookAnswer;
    try {
      answer = await this.poster(notification.address, body);
    } catch (e) {
      throw transportError(this.type, notification.address, e);
    }
    if (answer.status >= 200 && answer.status < 300) return { provider: this.provider, providerMessageId: null };
    throw answerError(this.type, answer);
  }
}

const RETRYABLE_STATUS = new Set([408, 425, 429]);

function answerError(type: ChatWebhookType, answer: ChatWebhookAnswer): ChannelError {
  const retryable = answer.status >= 500 || RETRYABLE_STATUS.has(answer.status);
  const said = answer.body.replace(/\s+/g, ' ').trim().slice(0, 200);
  return new ChannelError(`${type} webhook answered HTTP ${answer.status}${said ? `: ${said}` : ''}`, retryable, `http_${answer.status}`);
}

/** No answer: the reason without the URL (a credential), retried. */
function transportError(type: ChatWebhookType, url: string, e: unknown): ChannelError {
  if (e instanceof ChatWebhookRefused) {
    return new ChannelError(`${type} webhook ${maskCredentialUrl(url)} refused: ${e.message.split(url).join(maskCredentialUrl(url))}`, false, 'address_refused');
  }
  const err = e as Error & { cause?: { code?: unknown; message?: unknown } };
  const code = typeof err.cause?.code === 'string' ? err.cause.code : err.name === 'TimeoutError' ? 'timeout' : 'request_failed';
  const why = typeof err.cause?.message === 'string' ? err.cause.message : (err.message ?? String(e));
  return new ChannelError(`${type} webhook ${maskCredentialUrl(url)} unreachable: ${why.split(url).join(maskCredentialUrl(url))}`, true, code);
}
