import http from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';

export interface ReceivedSms {
  /** Date.now() when the request line arrived (before the body was read). */
  receivedAt: number;
  to: string;
  body: string;
}

/**
 * A minimal fake Twilio REST API for the bench: it answers Messages and Calls as
 * Twilio does (201, `SM…`/`CA…` sid) and records, for each SMS, when its request
 * arrived, on the bench process's own clock. test/fakes/fake-twilio.server.ts is
 * the full fake for tests; it keeps no receipt times, which the bench needs.
 */
export class TimingTwilioServer {
  readonly accountSid = 'AC' + 'b'.repeat(32);
  readonly authToken = 'bench-twilio-auth-token';
  readonly messages: ReceivedSms[] = [];
  calls = 0;
  private readonly listeners = new Set<(m: ReceivedSms) => void>();
  private server: http.Server | null = null;

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const receivedAt = Date.now();
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const params = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
        const isSms = (req.url ?? '').endsWith('/Messages.json');
        const sid = (isSms ? 'SM' : 'CA') + randomBytes(16).toString('hex');
        if (isSms) {
          const m: ReceivedSms = { receivedAt, to: params.get('To') ?? '', body: params.get('Body') ?? '' };
          this.messages.push(m);
          for (const l of this.listeners) l(m);
        } else {
          this.calls++;
        }
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ sid, account_sid: this.accountSid, status: 'queued', to: params.get('To'), from: params.get('From') }));
      });
    });
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  onMessage(listener: (m: ReceivedSms) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
