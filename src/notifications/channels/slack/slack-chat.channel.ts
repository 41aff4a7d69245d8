import {
  LogLevel,
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebAPIRequestError,
  WebClient,
} from '@slack/web-api';
import {
  ChannelError,
  type NotificationChannel,
  type OutgoingNotification,
  type PageContent,
  type SendResult,
} from '../notification-channel';
import { type SlackActor, renderIncidentBlocks, renderIncidentText } from './slack-blocks.renderer';

export { renderIncidentBlocks } from './slack-blocks.renderer';

export interface SlackChatChannelOptions {
  /** Bot token (`xoxb-...`). */
  botToken?: string;
  /** Web API base URL, default `https://slack.com/api/`; a trailing `/` is added when missing. */
  apiBaseUrl?: string;
  /** Per-request timeout; default 10 s. */
  timeoutMs?: number;
}

/** Where a posted message lives, as `chat.update` needs it. */
export interface SlackMessageRef {
  channel: string;
  ts: string;
}

const DEFAULT_SLACK_TIMEOUT_MS = 10_000;

/** Slack errors that a later attempt can get past; every other `ok: false` error is permanent. */
const RETRYABLE_PLATFORM_ERRORS = new Set([
  'ratelimited',
  'rate_limited',
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'team_added_to_org',
]);

/**
 * Slack pages: `chat.postMessage` to a channel id, or to a user id, which Slack delivers
 * as a DM from the app. The provider message id is `<channel>:<ts>` using the channel
 * Slack answers with (a DM's `D...` id, not the user id), which is what `chat.update`
 * needs later. The WebClient's own retries and rate-limit waits are off: the outbox
 * retries with backoff and records every attempt.
 */
export class SlackChatChannel implements NotificationChannel {
  readonly type = 'slack' as const;
  readonly provider = 'slack';
  private readonly client: WebClient | undefined;

  constructor(private readonly options: SlackChatChannelOptions) {
    if (this.isConfigured()) {
      this.client = slackWebClient(options.botToken!, options);
    }
  }

  isConfigured(): boolean {
    return Boolean(this.options.botToken);
  }

  async send(notification: OutgoingNotification): Promise<SendResult> {
    const client = this.requireClient();
    try {
      const result = await client.chat.postMessage({
        channel: notification.address,
        text: renderIncidentText(notification.content),
        blocks: renderIncidentBlocks(notification.content),
        unfurl_links: false,
        unfurl_media: false,
      });
      const channel = result.channel ?? notification.address;
      return { provider: this.provider, providerMessageId: result.ts ? formatSlackMessageRef({ channel, ts: result.ts }) : null };
    } catch (error) {
      throw toSlackChannelError(error);
    }
  }

  /** Rewrites a posted incident message for the incident's new state (buttons follow the state). */
  async updateIncidentMessage(channel: string, ts: string, content: PageContent, actedBy?: SlackActor): Promise<void> {
    const client = this.requireClient();
    try {
      await client.chat.update({
        channel,
        ts,
        text: renderIncidentText(content, actedBy),
        blocks: renderIncidentBlocks(content, actedBy),
      });
    } catch (error) {
      throw toSlackChannelError(error);
    }
  }

  /** A reply in a message's thread (a note on the incident); plain text, links not unfurled. */
  async postThreadReply(channel: string, threadTs: string, text: string): Promise<void> {
    const client = this.requireClient();
    try {
      await client.chat.postMessage({ channel, thread_ts: threadTs, text, unfurl_links: false, unfurl_media: false });
    } catch (error) {
      throw toSlackChannelError(error);
    }
  }

  private requireClient(): WebClient {
    if (!this.client) throw new ChannelError('Slack is not configured', false, 'not_configured');
    return this.client;
  }
}

export function formatSlackMessageRef(ref: SlackMessageRef): string {
  return `${ref.channel}:${ref.ts}`;
}

/** Reads back a provider message id written by `SlackChatChannel.send`; null when it is not one. */
export function parseSlackMessageRef(providerMessageId: string | null | undefined): SlackMessageRef | null {
  const match = /^([A-Z0-9]+):(\d+\.\d+)$/.exec(providerMessageId ?? '');
  return match ? { channel: match[1], ts: match[2] } : null;
}

/**
 * Slack answers HTTP 200 with `ok: false` and an error name for most failures; those
 * are permanent (channel_not_found, not_in_channel, invalid_auth, ...) unless listed as
 * transient. HTTP 429 and 5xx and transport failures (refused, reset, timeout) are retryable.
 */
export function toSlackChannelError(error: unknown): ChannelError {
  if (error instanceof ChannelError) return error;
  if (error instanceof WebAPIPlatformError) {
    const code = String(error.data.error);
    return new ChannelError(`Slack refused the call: ${code}`, RETRYABLE_PLATFORM_ERRORS.has(code), code);
  }
  if (error instanceof WebAPIRateLimitedError) {
    return new ChannelError(`Slack rate limit, retry after ${error.retryAfter} s`, true, 'ratelimited');
  }
  if (error instanceof WebAPIHTTPError) {
    const retryable = error.statusCode >= 500 || error.statusCode === 429;
    return new ChannelError(`Slack answered HTTP ${error.statusCode}`, retryable, `http_${error.statusCode}`);
  }
  if (error instanceof WebAPIRequestError) {
    const cause = error.original as Error & { cause?: { code?: unknown } };
    const code = typeof cause.cause?.code === 'string' ? cause.cause.code : cause.name;
    return new ChannelError(`Slack request failed: ${cause.message}`, true, code);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ChannelError(`Slack call failed: ${message}`, true);
}

/**
 * The Web API client every Slack call of Klaxon's uses: the configured API URL (a
 * fake in tests), a timeout, and no retries or rate-limit waits of its own (the
 * callers retry, or answer the person).
 */
export function slackWebClient(botToken: string, options: { apiBaseUrl?: string; timeoutMs?: number }): WebClient {
  return new WebClient(botToken, {
    slackApiUrl: withTrailingSlash(options.apiBaseUrl ?? 'https://slack.com/api/'),
    timeout: options.timeoutMs ?? DEFAULT_SLACK_TIMEOUT_MS,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logLevel: LogLevel.ERROR,
  });
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
