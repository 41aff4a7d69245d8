import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import { LoopbackHttpServer, parseBody, readBody, sendJson } from './http-fake';
import { waitFor } from './wait-for';

export interface FakeTwilioMessage {
  sid: string;
  accountSid: string;
  To: string;
  From: string;
  Body: string;
  params: Record<string, string>;
}

export interface FakeTwilioCall {
  sid: string;
  accountSid: string;
  To: string;
  From: string;
  Url: string;
  StatusCallback?: string;
  params: Record<string, string>;
}

/** Every request that reached the server, including rejected ones. */
export interface FakeTwilioRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  authorized: boolean;
  answeredStatus: number;
}

export interface TwilioFailure {
  status: number;
  code?: number;
  message?: string;
}

/** Twilio's answer for an invalid destination, as its API sends it. */
export const TWILIO_INVALID_NUMBER: TwilioFailure = {
  status: 400,
  code: 21211,
  message: "The 'To' number is not a valid phone number.",
};

const ROUTE = /^\/2010-04-01\/Accounts\/([^/]+)\/(Messages|Calls)\.json$/;

/**
 * The two Twilio REST endpoints Klaxon calls, answered the way Twilio answers them:
 * form-encoded POST with Basic auth `SID:token` (401 with code 20003 otherwise),
 * 201 with a JSON resource whose sid is `SM`/`CA` + 32 hex digits.
 */
export class FakeTwilioServer {
  readonly messages: FakeTwilioMessage[] = [];
  readonly calls: FakeTwilioCall[] = [];
  readonly requests: FakeTwilioRequest[] = [];
  private readonly http = new LoopbackHttpServer((req, res) => this.handle(req, res));
  private readonly queuedFailures: TwilioFailure[] = [];
  private persistentFailure: TwilioFailure | null = null;
  private responseDelayMs = 0;

  constructor(
    readonly accountSid = 'AC' + 'a'.repeat(32),
    readonly authToken = 'fake-twilio-auth-token',
  ) {}

  start(): Promise<string> {
    return this.http.start();
  }

  stop(): Promise<void> {
    return this.http.stop();
  }

  /** The next `count` requests (after auth) answer with `status` and a Twilio error body. */
  failNext(count: number, status: number, body?: { code?: number; message?: string }): void {
    for (let i = 0; i < count; i++) this.queuedFailures.push({ status, ...body });
  }

  /** Every request answers with this failure until cleared with `null`. */
  setFailure(failure: TwilioFailure | null): void {
    this.persistentFailure = failure;
  }

  /** Delays every answer, to exercise client timeouts. */
  setResponseDelay(ms: number): void {
    this.responseDelayMs = ms;
  }

  reset(): void {
    this.messages.length = 0;
    this.calls.length = 0;
    this.requests.length = 0;
    this.queuedFailures.length = 0;
    this.persistentFailure = null;
    this.responseDelayMs = 0;
  }

  /** Resolves with the first truthy value `predicate` returns for this server's records. */
  waitFor<T>(predicate: (fake: FakeTwilioServer) => T | undefined | null | false, timeoutMs = 5000): Promise<T> {
    return waitFor(() => predicate(this), timeoutMs, 'fake Twilio condition');
  }

  waitForMessage(predicate: (m: FakeTwilioMessage) => boolean = () => true, timeoutMs = 5000): Promise<FakeTwilioMessage> {
    return this.waitFor((fake) => fake.messages.find(predicate), timeoutMs);
  }

  waitForCall(predicate: (c: FakeTwilioCall) => boolean = () => true, timeoutMs = 5000): Promise<FakeTwilioCall> {
    return this.waitFor((fake) => fake.calls.find(predicate), timeoutMs);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = (req.url ?? '/').split('?')[0];
    const params = stringRecord(parseBody(req.headers['content-type'], raw));
    const authorized = req.headers.authorization === basicAuth(this.accountSid, this.authToken);
    const record: FakeTwilioRequest = { method: req.method ?? '', path, params, authorized, answeredStatus: 0 };
    this.requests.push(record);
    if (this.responseDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.responseDelayMs));

    const answer = (status: number, body: unknown): void => {
      record.answeredStatus = status;
      if (!res.destroyed) sendJson(res, status, body);
    };

    const match = ROUTE.exec(path);
    if (req.method !== 'POST' || !match) {
      answer(404, { code: 20404, message: 'The requested resource was not found', more_info: 'https://www.twilio.com/docs/errors/20404', status: 404 });
      return;
    }
    if (!authorized || match[1] !== this.accountSid) {
      answer(401, { code: 20003, message: 'Authenticate', more_info: 'https://www.twilio.com/docs/errors/20003', status: 401 });
      return;
    }
    const failure = this.queuedFailures.shift() ?? this.persistentFailure;
    if (failure) {
      answer(failure.status, {
        code: failure.code ?? (failure.status >= 500 ? 20500 : 21000 + failure.status),
        message: failure.message ?? (failure.status >= 500 ? 'An internal server error has occurred' : 'Bad request'),
        more_info: `https://www.twilio.com/docs/errors/${failure.code ?? 20500}`,
        status: failure.status,
      });
      return;
    }

    const now = new Date().toUTCString();
    if (match[2] === 'Messages') {
      const sid = 'SM' + randomBytes(16).toString('hex');
      this.messages.push({ sid, accountSid: match[1], To: params.To, From: params.From, Body: params.Body, params });
      answer(201, {
        sid,
        account_sid: match[1],
        to: params.To,
        from: params.From,
        body: params.Body,
        status: 'queued',
        direction: 'outbound-api',
        num_segments: '1',
        date_created: now,
        date_updated: now,
        api_version: '2010-04-01',
        uri: `/2010-04-01/Accounts/${match[1]}/Messages/${sid}.json`,
      });
      return;
    }
    const sid = 'CA' + randomBytes(16).toString('hex');
    this.calls.push({
      sid,
      accountSid: match[1],
      To: params.To,
      From: params.From,
      Url: params.Url,
      StatusCallback: params.StatusCallback,
      params,
    });
    answer(201, {
      sid,
      account_sid: match[1],
      to: params.To,
      from: params.From,
      status: 'queued',
      direction: 'outbound-api',
      date_created: now,
      date_updated: now,
      api_version: '2010-04-01',
      uri: `/2010-04-01/Accounts/${match[1]}/Calls/${sid}.json`,
    });
  }
}

function basicAuth(user: string, password: string): string {
  return 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');
}

function stringRecord(body: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
}
