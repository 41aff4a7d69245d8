import type http from 'node:http';
import { LoopbackHttpServer, parseBody, readBody, sendJson } from './http-fake';
import { waitFor } from './wait-for';

export type FakeSlackMethod =
  | 'auth.test'
  | 'chat.postMessage'
  | 'chat.update'
  | 'chat.postEphemeral'
  | 'conversations.open'
  | 'users.info'
  | 'users.lookupByEmail';

export interface FakeSlackCall {
  method: string;
  /** The arguments, with JSON-encoded form fields (blocks, attachments) decoded. */
  args: Record<string, unknown>;
  token: string | undefined;
  /** What the fake answered (body of a 200, or the HTTP status of a failure). */
  response: unknown;
}

/** One injected failure: an `ok: false` error name, or an HTTP status (429 with Retry-After). */
export interface SlackFailure {
  /** Only calls to this method fail; any method when absent. */
  method?: string;
  error?: string;
  httpStatus?: number;
  retryAfterSec?: number;
}

export interface FakeSlackOptions {
  botToken?: string;
  teamId?: string;
  botUserId?: string;
  botId?: string;
}

const JSON_FIELDS = new Set(['blocks', 'attachments', 'metadata']);

/**
 * The Slack Web API methods Klaxon and Bolt call, at `${baseUrl}/api/<method>`, with a
 * Bearer-token check answered the Slack way (HTTP 200, `ok: false, error: invalid_auth`).
 * Posting to a user id (`U...`/`W...`) opens a DM: the answer's channel is a stable `D...` id.
 */
export class FakeSlackServer {
  readonly calls: FakeSlackCall[] = [];
  readonly botToken: string;
  readonly teamId: string;
  readonly botUserId: string;
  readonly botId: string;
  private readonly http = new LoopbackHttpServer((req, res) => this.handle(req, res));
  private readonly failures: SlackFailure[] = [];
  private lastTs = 1_700_000_000_000_000;
  /** Slack users' profile emails (users.info, users.lookupByEmail); a user without one has no visible email. */
  private readonly emails = new Map<string, string | null>();

  constructor(options: FakeSlackOptions = {}) {
    this.botToken = options.botToken ?? 'xoxb-fake-slack-token';
    this.teamId = options.teamId ?? 'T0FAKE';
    this.botUserId = options.botUserId ?? 'U0KLAXON';
    this.botId = options.botId ?? 'B0KLAXON';
  }

  /** Resolves with the Web API base URL, ending with `/`, for `slackApiUrl`. */
  async start(): Promise<string> {
    return `${await this.http.start()}/api/`;
  }

  stop(): Promise<void> {
    return this.http.stop();
  }

  /** The next `count` matching calls fail this way. */
  failNext(failure: SlackFailure, count = 1): void {
    for (let i = 0; i < count; i++) this.failures.push(failure);
  }

  reset(): void {
    this.calls.length = 0;
    this.failures.length = 0;
    this.emails.clear();
  }

  callsTo(method: FakeSlackMethod | string): FakeSlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  waitFor<T>(predicate: (fake: FakeSlackServer) => T | undefined | null | false, timeoutMs = 5000): Promise<T> {
    return waitFor(() => predicate(this), timeoutMs, 'fake Slack condition');
  }

  waitForCall(method: FakeSlackMethod | string, predicate: (c: FakeSlackCall) => boolean = () => true, timeoutMs = 5000): Promise<FakeSlackCall> {
    return this.waitFor((fake) => fake.callsTo(method).find(predicate), timeoutMs);
  }

  /** The DM channel id the fake uses for a user id. */
  /** A Slack user of the fake workspace, with the profile email Slack shows (null: hidden, as without users:read.email). */
  addUser(slackUserId: string, email: string | null): void {
    this.emails.set(slackUserId, email);
  }

  dmChannelFor(userId: string): string {
    return `D${userId.slice(1)}`;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const method = (req.url ?? '').split('?')[0].replace(/^\/api\//, '');
    const args = decodeJsonFields(parseBody(req.headers['content-type'], raw));
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const token = bearer ?? (typeof args.token === 'string' ? args.token : undefined);
    const call: FakeSlackCall = { method, args, token, response: undefined };
    this.calls.push(call);

    const answer = (body: Record<string, unknown>): void => {
      call.response = body;
      sendJson(res, 200, body);
    };

    if (req.method !== 'POST') {
      call.response = 405;
      sendJson(res, 405, { ok: false, error: 'method_not_allowed' });
      return;
    }
    if (!token) return answer({ ok: false, error: 'not_authed' });
    if (token !== this.botToken) return answer({ ok: false, error: 'invalid_auth' });

    const index = this.failures.findIndex((f) => !f.method || f.method === method);
    if (index >= 0) {
      const [failure] = this.failures.splice(index, 1);
      if (failure.httpStatus) {
        call.response = failure.httpStatus;
        const headers: Record<string, string> = failure.retryAfterSec !== undefined ? { 'Retry-After': String(failure.retryAfterSec) } : {};
        sendJson(res, failure.httpStatus, { ok: false, error: failure.error ?? 'http_error' }, headers);
        return;
      }
      return answer({ ok: false, error: failure.error ?? 'internal_error' });
    }

    switch (method) {
      case 'auth.test':
        return answer({
          ok: true,
          url: 'https://fake.slack.com/',
          team: 'Fake',
          user: 'klaxon',
          team_id: this.teamId,
          user_id: this.botUserId,
          bot_id: this.botId,
          is_enterprise_install: false,
        });
      case 'chat.postMessage': {
        const channel = this.resolveChannel(args.channel);
        if (!channel) return answer({ ok: false, error: 'channel_not_found' });
        const ts = this.nextTs();
        return answer({ ok: true, channel, ts, message: { type: 'message', text: args.text, ts, bot_id: this.botId, blocks: args.blocks } });
      }
      case 'chat.update': {
        const channel = this.resolveChannel(args.channel);
        if (!channel || typeof args.ts !== 'string') return answer({ ok: false, error: 'message_not_found' });
        return answer({ ok: true, channel, ts: args.ts, text: args.text, message: { text: args.text, blocks: args.blocks } });
      }
      case 'chat.postEphemeral':
        if (!this.resolveChannel(args.channel)) return answer({ ok: false, error: 'channel_not_found' });
        return answer({ ok: true, message_ts: this.nextTs() });
      case 'conversations.open': {
        const users = typeof args.users === 'string' ? args.users.split(',') : [];
        if (users.length !== 1) return answer({ ok: false, error: 'users_list_not_supplied' });
        return answer({ ok: true, channel: { id: this.dmChannelFor(users[0]) } });
      }
      case 'users.info': {
        if (typeof args.user !== 'string' || !this.emails.has(args.user)) return answer({ ok: false, error: 'user_not_found' });
        const email = this.emails.get(args.user);
        return answer({ ok: true, user: { id: args.user, profile: email ? { email } : {} } });
      }
      case 'users.lookupByEmail': {
        const wanted = typeof args.email === 'string' ? args.email.toLowerCase() : '';
        const found = [...this.emails].find(([, email]) => email !== null && email.toLowerCase() === wanted);
        if (!found) return answer({ ok: false, error: 'users_not_found' });
        return answer({ ok: true, user: { id: found[0], profile: { email: found[1] } } });
      }
      default:
        return answer({ ok: false, error: 'unknown_method' });
    }
  }

  /** Channel ids start with C/G/D; user ids with U/W become their DM channel; anything else is not found. */
  private resolveChannel(value: unknown): string | undefined {
    if (typeof value !== 'string' || !/^[CGDUW][A-Z0-9]+$/.test(value)) return undefined;
    return /^[UW]/.test(value) ? this.dmChannelFor(value) : value;
  }

  /** Slack timestamps: seconds with six decimals, unique and increasing per workspace. */
  private nextTs(): string {
    this.lastTs = Math.max(this.lastTs + 1, Date.now() * 1000);
    const text = String(this.lastTs);
    return `${text.slice(0, -6)}.${text.slice(-6)}`;
  }
}

function decodeJsonFields(args: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...args };
  for (const key of Object.keys(out)) {
    const value = out[key];
    if (JSON_FIELDS.has(key) && typeof value === 'string') {
      try {
        out[key] = JSON.parse(value);
      } catch {
        // leave it as sent: the test will see the raw text
      }
    }
  }
  return out;
}
