import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import { LoopbackHttpServer, readBody } from './http-fake';
import { waitFor } from './wait-for';

export interface ChatWebhookRequest {
  /** Path and query, e.g. `/hooks/abc` (the token is part of it, as in the real services). */
  path: string;
  headers: http.IncomingHttpHeaders;
  /** The JSON body as parsed; undefined when it was not JSON. */
  body: unknown;
  raw: string;
  /** The HTTP status the fake answered. */
  status: number;
}

/** One injected failure: this status (and body) instead of the receiver's success. */
export interface ChatWebhookFailure {
  status: number;
  body?: string;
}

/**
 * An incoming-webhook receiver on loopback that records every request and
 * answers as its service does, unless told to fail. Only hooks it handed out
 * (`hookUrl()`) exist; any other path is a 404, as for a deleted hook.
 */
abstract class FakeChatWebhookServer {
  readonly requests: ChatWebhookRequest[] = [];
  private readonly http = new LoopbackHttpServer((req, res) => this.handle(req, res));
  private readonly failures: ChatWebhookFailure[] = [];
  private readonly hooks = new Set<string>();
  private baseUrl = '';

  /** The service's answer to a well-formed post, and the check of the body it accepts (null when fine). */
  protected abstract success(): { status: number; body: string; contentType: string };
  protected abstract problem(body: unknown): string | null;
  protected abstract hookPath(token: string): string;

  async start(): Promise<string> {
    this.baseUrl = await this.http.start();
    return this.baseUrl;
  }

  stop(): Promise<void> {
    return this.http.stop();
  }

  /** A new hook URL with its own secret token in it. */
  hookUrl(): string {
    const path = this.hookPath(randomBytes(12).toString('hex'));
    this.hooks.add(path);
    return `${this.baseUrl}${path}`;
  }

  /** The next `count` posts get `failure` instead of success. */
  failNext(failure: ChatWebhookFailure, count = 1): void {
    for (let i = 0; i < count; i++) this.failures.push(failure);
  }

  reset(): void {
    this.requests.length = 0;
    this.failures.length = 0;
  }

  waitForRequest(predicate: (r: ChatWebhookRequest) => boolean = () => true, timeoutMs = 5000): Promise<ChatWebhookRequest> {
    return waitFor(() => this.requests.find(predicate), timeoutMs, 'chat webhook request');
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = req.url ?? '/';
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      body = undefined;
    }
    const answer = (status: number, text: string, contentType = 'text/plain') => {
      this.requests.push({ path, headers: req.headers, body, raw, status });
      res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text) });
      res.end(text);
    };
    if (req.method !== 'POST' || !this.hooks.has(path)) return answer(404, 'Not Found');
    const failure = this.failures.shift();
    if (failure) return answer(failure.status, failure.body ?? '');
    const problem = body === undefined ? 'body is not JSON' : this.problem(body);
    if (problem) return answer(400, problem);
    const ok = this.success();
    return answer(ok.status, ok.body, ok.contentType);
  }
}

/**
 * A Microsoft Teams Workflows webhook ("When a Teams webhook request is
 * received"): a message whose attachments hold Adaptive Cards, answered 202
 * with an empty body.
 */
export class FakeTeamsServer extends FakeChatWebhookServer {
  protected success() {
    return { status: 202, body: '', contentType: 'text/plain' };
  }

  protected problem(body: unknown): string | null {
    const message = body as { type?: unknown; attachments?: { contentType?: unknown; content?: { type?: unknown } }[] };
    if (message.type !== 'message' || !Array.isArray(message.attachments) || message.attachments.length === 0) {
      return 'expected {"type":"message","attachments":[...]}';
    }
    const bad = message.attachments.find((a) => a.contentType !== 'application/vnd.microsoft.card.adaptive' || a.content?.type !== 'AdaptiveCard');
    return bad ? 'every attachment must be an Adaptive Card' : null;
  }

  protected hookPath(token: string): string {
    return `/workflows/${token.slice(0, 8)}/triggers/manual/paths/invoke?api-version=2016-06-01&sig=${token}`;
  }

  /** The Adaptive Cards the room received, in order. */
  cards(): Record<string, unknown>[] {
    return this.requests
      .filter((r) => r.status < 300)
      .flatMap((r) => ((r.body as { attachments: { content: Record<string, unknown> }[] }).attachments ?? []).map((a) => a.content));
  }
}

/** A Mattermost incoming webhook: `text` or `attachments` required, answered 200 "ok". */
export class FakeMattermostServer extends FakeChatWebhookServer {
  protected success() {
    return { status: 200, body: 'ok', contentType: 'text/plain' };
  }

  protected problem(body: unknown): string | null {
    const post = body as { text?: unknown; attachments?: unknown };
    return typeof post.text === 'string' || Array.isArray(post.attachments) ? null : 'Unable to parse incoming data';
  }

  protected hookPath(token: string): string {
    return `/hooks/${token}`;
  }
}
