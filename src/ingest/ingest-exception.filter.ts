import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { keyPrefix, redactUrl, requestFields } from '../common/logging';
import { HttpExceptionFilter, JSON_TYPE } from '../common/http-exception.filter';
import { DomainError, RateLimitedError } from '../common/errors';

/** The body every webhook endpoint answers errors with: PagerDuty's Events v2 shape (docs/ingest.md). */
export interface IngestErrorBody {
  status: string;
  message: string;
  errors: string[];
}

const STATUS_TEXT: Record<number, string> = {
  400: 'invalid event',
  401: 'unauthorized',
  404: 'not found',
  413: 'payload too large',
  415: 'unsupported media type',
  429: 'throttle event',
};

/** Maps any error thrown by a webhook route to `{ status, message, errors }`, keeping the HTTP status of the common filter. */
export function ingestErrorResponse(exception: unknown): { status: number; body: IngestErrorBody } {
  if (exception instanceof IngestRejection) return { status: exception.status, body: exception.body };
  const { status, body } = new HttpExceptionFilter().toHttp(exception);
  const errors =
    exception instanceof DomainError && exception.errors?.length
      ? exception.errors.map((e) => `${e.field}: ${e.message}`)
      : [body.message];
  const message = status === 400 ? 'Event object is invalid' : body.message;
  return { status, body: { status: STATUS_TEXT[status] ?? (status >= 500 ? 'error' : 'rejected'), message, errors } };
}

/** A rejection with an exact body (e.g. the Events v2 400 built by the adapter). */
export class IngestRejection extends Error {
  constructor(
    readonly status: number,
    readonly body: IngestErrorBody,
  ) {
    super(body.message);
  }

  static invalid(errors: string[]): IngestRejection {
    return new IngestRejection(400, { status: 'invalid event', message: 'Event object is invalid', errors: [...errors] });
  }
}

/** At most this many of a refusal's problems go in its log line (the answer names them all). */
const LOGGED_ERRORS = 5;

/** A JSON parser's message may quote the start of the body (and a routing key in it): the log keeps what comes before. */
const loggable = (problem: string): string => (/JSON/.test(problem) ? problem.replace(/\s*".*$/s, '') : problem);

/**
 * Every webhook refusal (4xx) is answered in the webhook's shape and logged
 * once, at warn, with the status, the reason and the first characters of the
 * key it used (never the key). The request line of webhook traffic is debug
 * (common/logging.ts), so this is the one line a refused sender leaves.
 */
@Catch()
export class IngestExceptionFilter implements ExceptionFilter {
  private readonly common = new HttpExceptionFilter();
  private readonly logger = new Logger('Ingest');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (reply.sent) return;
    const { status, body } = ingestErrorResponse(exception);
    // 5xx keep the common filter's behaviour (error id, logging).
    if (status >= 500) return this.common.catch(exception, host);
    if (exception instanceof RateLimitedError) reply.header('Retry-After', String(exception.retryAfterSeconds));
    this.logRefusal(host.switchToHttp().getRequest<FastifyRequest>(), status, body);
    reply.status(status).type(JSON_TYPE).send(body);
  }

  private logRefusal(req: FastifyRequest, status: number, body: IngestErrorBody): void {
    const params = req.params as { key?: unknown } | undefined;
    const payload = req.body as { routing_key?: unknown } | undefined;
    const key = keyPrefix(params?.key ?? (payload && typeof payload === 'object' ? payload.routing_key : undefined));
    this.logger.warn(
      { status, reason: body.message, errors: body.errors.slice(0, LOGGED_ERRORS).map(loggable), key, url: redactUrl(req.url), req: requestFields(req) },
      'webhook refused',
    );
  }
}
