import { Injectable, Logger } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { jsonDepth, MAX_BODY_DEPTH, wellFormedBody } from '../common/body-guards';
import { RateLimitedError } from '../common/errors';
import { WEBHOOK_BODY_LIMIT_BYTES } from '../common/request-body';
import { MetricsService } from '../health/metrics.service';
import { IntegrationsService } from '../services/integrations.service';
import { adaptEventsV2, eventsV2SuccessBody, EventsV2SuccessBody, parseRoutingKey } from './sources/events-v2.adapter';
import { ingestErrorResponse, IngestRejection } from './ingest-exception.filter';
import { IngestRateLimiter } from './ingest-rate-limiter';
import { IngestRequest, notFoundKey, requireJsonBody } from './ingest-request';
import { IngestService } from './ingest.service';

/**
 * PagerDuty Events API v2, drop-in: `routing_key` in the body is the
 * credential. This is the hottest route of the product (an alert storm is
 * thousands of these a second), so it runs as a plain Express route mounted
 * ahead of the Nest pipeline (see app.setup.ts): the same body parsers and
 * body guards, no per-request guard/interceptor/pipe/logger work. It records
 * its own request metric and logs only failures.
 */
@Injectable()
export class EventsV2Handler {
  private readonly logger = new Logger('EventsV2');

  constructor(
    private readonly integrations: IntegrationsService,
    private readonly limiter: IngestRateLimiter,
    private readonly ingest: IngestService,
    private readonly metrics: MetricsService,
  ) {}

  async enqueue(body: unknown): Promise<EventsV2SuccessBody> {
    const key = parseRoutingKey(body);
    // A malformed key is a 400 naming every problem of the event, as PagerDuty answers.
    if (!key.ok) {
      const adapted = adaptEventsV2(body);
      throw IngestRejection.invalid(adapted.ok ? key.errors : adapted.errors);
    }
    const integration = await this.integrations.findByKey(key.routingKey);
    if (!integration || integration.type !== 'events-v2') throw notFoundKey('routing_key');
    this.limiter.take(integration);
    const adapted = adaptEventsV2(body);
    if (!adapted.ok) throw IngestRejection.invalid(adapted.errors);
    const [outcome] = await this.ingest.ingest(integration, adapted.events, body);
    return eventsV2SuccessBody(outcome.dedupKey);
  }

  /** The Express route: POST /v2/enqueue, for every request the fast path below leaves to Express. */
  readonly route = (req: IngestRequest, res: Response, next: NextFunction): void => {
    if (req.method !== 'POST') return next();
    this.answer(res, () => this.enqueue(requireJsonBody(req)));
  };

  /**
   * The fast path, ahead of Express itself (mounted in app.setup.ts): the
   * ordinary request — `POST /v2/enqueue`, `Content-Type: application/json`
   * (UTF-8), a Content-Length within the webhook limit, no Content-Encoding —
   * is read, parsed and guarded here with the rules of the Express body parser
   * and body guards, and answered with the same bodies. Anything else returns
   * false before reading a byte, and Express handles it as before.
   */
  readonly fastPath = (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'POST' || req.url !== '/v2/enqueue') return false;
    const type = req.headers['content-type'];
    if (!type || !PLAIN_JSON.test(type)) return false;
    const encoding = req.headers['content-encoding'];
    if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return false;
    const length = Number(req.headers['content-length']);
    if (!Number.isInteger(length) || length <= 0 || length > WEBHOOK_BODY_LIMIT_BYTES || req.headers['transfer-encoding']) return false;

    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', () => req.destroy());
    req.on('end', () => this.answer(res, () => this.enqueue(parseJsonBody(Buffer.concat(chunks)))));
    return true;
  };

  private answer(res: ServerResponse, work: () => Promise<EventsV2SuccessBody>): void {
    const end = this.metrics.httpDuration.startTimer({ method: 'POST', route: '/v2/enqueue' });
    let pending: Promise<EventsV2SuccessBody>;
    try {
      pending = work();
    } catch (err) {
      pending = Promise.reject(err);
    }
    pending.then(
      (body) => {
        sendJson(res, 202, body);
        end({ status: '202' });
      },
      (err: unknown) => {
        const { status, body } = ingestErrorResponse(err);
        if (err instanceof RateLimitedError) res.setHeader('Retry-After', String(err.retryAfterSeconds));
        if (status >= 500) this.logger.error({ err }, 'Events v2 request failed');
        sendJson(res, status, body);
        end({ status: String(status) });
      },
    );
  }
}

/** `application/json`, optionally with a UTF-8 charset: what every Events v2 sender sends. */
const PLAIN_JSON = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/**
 * JSON.parse with the Express JSON parser's rules (strict: an object or an
 * array; a UTF-8 BOM skipped) and the body guards (depth, lone surrogates).
 * Failures carry the same status/type as the parser's errors, so the error
 * mapping answers them identically.
 */
function parseJsonBody(raw: Buffer): unknown {
  let text = raw.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const first = /^[\x20\x09\x0a\x0d]*(.)/.exec(text)?.[1];
  let body: unknown;
  try {
    if (first !== '{' && first !== '[') throw new SyntaxError('not an object or array');
    body = JSON.parse(text);
  } catch (err) {
    throw Object.assign(err as Error, { status: 400, type: 'entity.parse.failed' });
  }
  if (typeof body === 'object' && body !== null && jsonDepth(body, MAX_BODY_DEPTH) > MAX_BODY_DEPTH) {
    throw Object.assign(new Error(`body: nested deeper than ${MAX_BODY_DEPTH} levels`), { status: 400, type: 'entity.too.deep' });
  }
  return wellFormedBody(body);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}
