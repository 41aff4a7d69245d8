/**
 * `/page <who> <message>` (docs/direct-paging.md), read without I/O:
 *
 * - `<@U024BE7LH>` or `<@U024BE7LH|ada>`: a Slack user, as Slack escapes a mention;
 * - `user:`, `schedule:` or `service:` before a name says what it names;
 * - a name with spaces in double quotes (straight or curly): `"Payments primary"`;
 * - otherwise the first word (a leading `@` is dropped), matched against user
 *   emails and names, schedule names and service names.
 *
 * The rest is the message: its first line becomes the incident's title.
 */
export type PageWho =
  | { kind: 'mention'; slackUserId: string }
  | { kind: 'name'; name: string; only?: 'user' | 'schedule' | 'service' };

export type ParsedPage = { ok: true; who: PageWho; message: string } | { ok: false; problem: string };

export const PAGE_USAGE = 'Usage: `/page <user, schedule or service> <message>`, e.g. `/page "Payments primary" checkout is down` or `/page @ada disk full on db-1`';

const MENTION = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/;
const PREFIX = /^(user|schedule|service):/i;
const QUOTED = /^["“”]([^"“”]*)["“”]/;

export function parsePageCommand(text: string): ParsedPage {
  const input = text.trim();
  if (!input) return { ok: false, problem: 'Say who to page and what is wrong.' };
  const mention = MENTION.exec(input);
  if (mention) return withMessage({ kind: 'mention', slackUserId: mention[1] }, input.slice(mention[0].length));
  const prefix = PREFIX.exec(input);
  const only = prefix ? (prefix[1].toLowerCase() as 'user' | 'schedule' | 'service') : undefined;
  const rest = prefix ? input.slice(prefix[0].length) : input;
  const quoted = QUOTED.exec(rest);
  if (/^["“”]/.test(rest) && !quoted) return { ok: false, problem: 'A quoted name needs its closing quote.' };
  const [token, after] = quoted ? [quoted[1], rest.slice(quoted[0].length)] : splitWord(rest);
  const name = (quoted ? token : token.replace(/^@/, '')).trim();
  if (!name) return { ok: false, problem: 'Say who to page: a user, a schedule or a service.' };
  return withMessage(only ? { kind: 'name', name, only } : { kind: 'name', name }, after);
}

function splitWord(text: string): [string, string] {
  const match = /^(\S+)([\s\S]*)$/.exec(text);
  return match ? [match[1], match[2]] : ['', ''];
}

function withMessage(who: PageWho, rest: string): ParsedPage {
  const message = rest.trim();
  if (!message) return { ok: false, problem: 'Add a message after who to page: it is what they will read.' };
  return { ok: true, who, message };
}

/** The incident's title (the first line, control characters as spaces, at most `max` characters) and its details (the whole message, when longer). */
export function titleAndDetails(message: string, max = 1024): { title: string; details?: string } {
  const firstLine = message.split(/\r?\n/)[0].replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  const title = firstLine.length > max ? `${firstLine.slice(0, max - 1)}…` : firstLine;
  return title === message ? { title } : { title, details: message };
}
