import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { type ParsedMail, parseMail } from './mime-lite';
import { waitFor } from './wait-for';

export interface CapturedMail extends ParsedMail {
  envelopeFrom: string;
  envelopeTo: string[];
  authUser: string | undefined;
  raw: string;
}

export interface SmtpFailure {
  /** SMTP reply code: 4xx transient, 5xx permanent. */
  code: number;
  message?: string;
  /** Where the server refuses: at RCPT TO (default) or after DATA. */
  stage?: 'rcpt' | 'data';
}

export interface SmtpCaptureOptions {
  /** When set, AUTH is required and must match; otherwise any or no AUTH is accepted. */
  auth?: { user: string; pass: string };
}

/**
 * An SMTP server on 127.0.0.1 that keeps every message it accepts. STARTTLS is not
 * offered (loopback, no certificate); AUTH is accepted in the clear for the same reason.
 */
export class SmtpCaptureServer {
  readonly messages: CapturedMail[] = [];
  private readonly failures: SmtpFailure[] = [];
  private readonly server: SMTPServer;
  private started = false;

  constructor(private readonly options: SmtpCaptureOptions = {}) {
    this.server = new SMTPServer({
      authOptional: !options.auth,
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      closeTimeout: 200,
      onAuth: (auth, _session, callback) => {
        const expected = this.options.auth;
        if (!expected || (auth.username === expected.user && auth.password === expected.pass)) {
          callback(null, { user: auth.username });
          return;
        }
        callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
      },
      onRcptTo: (_address, _session, callback) => {
        const failure = this.takeFailure('rcpt');
        callback(failure ? smtpError(failure) : null);
      },
      onData: (stream, session, callback) => {
        this.capture(stream, session)
          .then(() => callback(null))
          .catch((error: Error) => callback(error));
      },
    });
  }

  /** Resolves with `smtp://127.0.0.1:PORT` (with the credentials when auth is required). */
  async start(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    this.started = true;
    const { port } = this.server.server.address() as AddressInfo;
    const auth = this.options.auth;
    const credentials = auth ? `${encodeURIComponent(auth.user)}:${encodeURIComponent(auth.pass)}@` : '';
    return `smtp://${credentials}127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next `count` messages are refused with this reply. */
  failNext(count: number, failure: SmtpFailure): void {
    for (let i = 0; i < count; i++) this.failures.push(failure);
  }

  reset(): void {
    this.messages.length = 0;
    this.failures.length = 0;
  }

  waitFor<T>(predicate: (fake: SmtpCaptureServer) => T | undefined | null | false, timeoutMs = 5000): Promise<T> {
    return waitFor(() => predicate(this), timeoutMs, 'captured mail condition');
  }

  waitForMessage(predicate: (m: CapturedMail) => boolean = () => true, timeoutMs = 5000): Promise<CapturedMail> {
    return this.waitFor((fake) => fake.messages.find(predicate), timeoutMs);
  }

  private takeFailure(stage: 'rcpt' | 'data'): SmtpFailure | undefined {
    const next = this.failures[0];
    if (next && (next.stage ?? 'rcpt') === stage) return this.failures.shift();
    return undefined;
  }

  private async capture(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const failure = this.takeFailure('data');
    if (failure) throw smtpError(failure);
    const raw = Buffer.concat(chunks).toString('utf8');
    const mailFrom = session.envelope.mailFrom;
    this.messages.push({
      ...parseMail(raw),
      envelopeFrom: mailFrom ? mailFrom.address : '',
      envelopeTo: session.envelope.rcptTo.map((r) => r.address),
      authUser: typeof session.user === 'string' ? session.user : undefined,
      raw,
    });
  }
}

function smtpError(failure: SmtpFailure): Error {
  const message = failure.message ?? (failure.code >= 500 ? 'Mailbox unavailable' : 'Try again later');
  return Object.assign(new Error(message), { responseCode: failure.code });
}
