import { SendError } from '../../../common/outbound-http/http-sender';
import type { OutboundSender } from '../../../common/outbound-http/outbound-sender';

/** What a chat webhook answered: the HTTP status and the start of the body (for errors and the record). */
export interface ChatWebhookAnswer {
  status: number;
  body: string;
}

/** Posts a body to a webhook URL; throws when no answer came. */
export type ChatWebhookPoster = (url: string, body: unknown) => Promise<ChatWebhookAnswer>;

/** Each post waits this long for the whole answer. */
const TIMEOUT_MS = 10_000;
const USER_AGENT = 'Klaxon';

/** The address policy refused the URL: retrying cannot help. */
export class ChatWebhookRefused extends Error {}

/**
 * The one HTTP POST of the Teams and Mattermost channels: JSON to the
 * incoming-webhook URL through the sender of outgoing webhooks, so the same
 * address policy and resolver apply (docs/webhooks.md, "Private addresses"):
 * the name is resolved once, every address checked, the connection made to
 * the checked address; no redirects followed (a 3xx is an answer, not a hop to
 * somewhere else); bounded in time; the first 1 KB of the answer kept. The
 * poster throws ChatWebhookRefused when the policy refuses the URL, and the
 * sender's error when no answer came (reset, DNS, timeout).
 */
export function chatWebhookPoster(sender: OutboundSender): ChatWebhookPoster {
  return async (url, body) => {
    try {
      const answer = await sender.postJson(url, body, { timeoutMs: TIMEOUT_MS, headers: { 'User-Agent': USER_AGENT } });
      return { status: answer.status, body: answer.bodyPrefix };
    } catch (e) {
      if (e instanceof SendError && e.kind === 'refused') throw new ChatWebhookRefused(e.message);
      throw e;
    }
  };
}
