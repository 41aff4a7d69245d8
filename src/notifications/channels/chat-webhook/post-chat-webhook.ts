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
}

const DEFAULT_TIMEOUT_MS = 10_000;
/** Enough of the receiver's answer to say why it refused; never the whole of a large page. */
const MAX_ANSWER_CHARS = 1024;

/**
 * The one HTTP POST of the Teams and Mattermost channels: JSON to the
 * incoming-webhook URL, no redirects followed (a 3xx is an answer, not a hop
 * to somewhere else), bounded in time. Throws only when no answer came
 * (refused, reset, DNS, timeout). Kept alone so that every chat webhook post
 * can go through one sender (e.g. one that checks where the URL resolves).
 */
export async function postChatWebhook(url: string, body: unknown, options: ChatWebhookPostOptions = {}): Promise<ChatWebhookAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': options.userAgent ?? 'Klaxon' },
    body: JSON.stringify(body),
    redirect: 'manual',
    signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
  });
  const text = await response.text();
  return { status: response.status, body: text.slice(0, MAX_ANSWER_CHARS) };
}
