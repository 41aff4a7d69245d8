import { postJson, SendError } from '../../../common/outbound-http/http-sender';

/** What a chat webhook answered: the HTTP status and the start of the body (for errors and the record). */
export interface ChatWebhookAnswer {
  status: number;
  body: string;
}

export interface ChatWebhookPostOptions {
  /** Per-request timeout; default 10 s. */
  timeoutMs?: number;
  /** Sent as User-Agent. */
  userAgent?: string;
  /** KLAXON_WEBHOOK_ALLOW_PRIVATE: reach loopback, private and link-local addresses too. */
  allowPrivate?: boolean;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/** The address policy refused the URL: retrying cannot help. */
export class ChatWebhookRefused extends Error {}

/**
 * The one HTTP POST of the Teams and Mattermost channels: JSON to the
 * incoming-webhook URL through the same sender as outgoing webhooks, so the
 * same address policy applies (docs/webhooks.md, "Private addresses"): the
 * name is resolved once, every address checked, the connection made to the
 * checked address; no redirects followed (a 3xx is an answer, not a hop to
 * somewhere else); bounded in time; the first 1 KB of the answer kept.
 * Throws when no answer came (refused by the policy, reset, DNS, timeout).
 */
export async function postChatWebhook(url: string, body: unknown, options: ChatWebhookPostOptions = {}): Promise<ChatWebhookAnswer> {
  try {
    const answer = await postJson(url, body, {
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      headers: { 'User-Agent': options.userAgent ?? 'Klaxon' },
      allowPrivate: options.allowPrivate ?? false,
    });
    return { status: answer.status, body: answer.bodyPrefix };
  } catch (e) {
    if (e instanceof SendError && e.kind === 'refused') throw new ChatWebhookRefused(e.message);
    throw e;
  }
}
