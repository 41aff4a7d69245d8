import type http from 'node:http';
import { LoopbackHttpServer, readBody } from './http-fake';

/** One request the receiver got, and what it answered. */
export interface ReceivedDelivery {
  path: string;
  headers: http.IncomingHttpHeaders;
  rawBody: string;
  body: { id: string; type: string; occurredAt: string; sequence: number | null; data: Record<string, any> };
  /** The test's clock when it arrived (a FakeClock's time, so signatures can be checked at that instant). */
  receivedAt: Date;
  status: number;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * A real HTTP server standing in for webhook receivers: every path is a
 * receiver, and `respond` decides each answer (by default 200). It records
 * every request with its raw body, so tests can check signatures, count
 * deliveries per delivery id and order events by sequence.
 */
export class FakeWebhookReceiver {
  readonly received: ReceivedDelivery[] = [];
  respond: (req: { path: string; body: ReceivedDelivery['body']; at: Date }) => Reply = () => ({ status: 200, body: 'ok' });
  private readonly server = new LoopbackHttpServer(async (req, res) => {
    const rawBody = await readBody(req);
    const path = req.url ?? '/';
    const body = JSON.parse(rawBody) as ReceivedDelivery['body'];
    const at = this.now();
    const reply = this.respond({ path, body, at });
    this.received.push({ path, headers: req.headers, rawBody, body, receivedAt: at, status: reply.status });
    res.writeHead(reply.status, { 'Content-Type': 'text/plain', ...reply.headers });
    res.end(reply.body ?? '');
  });
  /** http://127.0.0.1:<port> once started. */
  url = '';

  constructor(private readonly now: () => Date) {}

  async start(): Promise<string> {
    this.url = await this.server.start();
    return this.url;
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  /** The port, for a resolver that maps a public-looking name to this server. */
  get port(): number {
    return Number(new URL(this.url).port);
  }

  at(path: string): ReceivedDelivery[] {
    return this.received.filter((r) => r.path === path);
  }

  clear(): void {
    this.received.length = 0;
  }
}
