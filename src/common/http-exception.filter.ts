import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  DomainError,
  ErrorCode,
  FieldError,
  HTTP_STATUS,
  PG_FOREIGN_KEY_VIOLATION,
  PG_RESTRICT_VIOLATION,
  PG_UNIQUE_VIOLATION,
  pgErrorCode,
  RateLimitedError,
} from './errors';
import { requestFields } from './logging';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}

export function errorBody(statusCode: number, message: string, errors?: FieldError[]): ErrorBody {
  const body: ErrorBody = { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
  if (errors?.length) body.errors = errors;
  return body;
}

export const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * The one place where errors become HTTP answers, in the shape docs/api.md describes:
 * `{ statusCode, error, message, errors?: [{ field, message }] }`.
 * Unknown errors become a 500 with an error id that is also logged.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (reply.sent) return;
    const { status, body } = this.toHttp(exception, host.switchToHttp().getRequest<FastifyRequest | undefined>());
    if (exception instanceof RateLimitedError) reply.header('Retry-After', String(exception.retryAfterSeconds));
    // A handler's own Content-Type (@Header, e.g. TwiML's text/xml) is set before its pipes run: the error is JSON.
    reply.status(status).type(JSON_TYPE).send(body);
  }

  /** `req`: the request that failed, named in an unhandled error's log line. */
  toHttp(exception: unknown, req?: FastifyRequest): { status: number; body: ErrorBody } {
    if (exception instanceof DomainError) {
      const status = HTTP_STATUS[exception.code];
      return { status, body: { ...errorBody(status, exception.message, exception.errors), ...exception.details } };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'string'
          ? response
          : Array.isArray((response as { message?: unknown }).message)
            ? ((response as { message: string[] }).message).join('; ')
            : String((response as { message?: unknown }).message ?? exception.message);
      return { status, body: errorBody(status, message) };
    }
    // The body parsers' errors (`status`), and Fastify's own (`FST_…` codes, e.g. a malformed Content-Type).
    const clientError = exception as { status?: number; statusCode?: number; code?: unknown } | undefined;
    const fastifyStatus = typeof clientError?.code === 'string' && clientError.code.startsWith('FST_') ? clientError.statusCode : undefined;
    const clientStatus = clientError?.status ?? fastifyStatus;
    if (typeof clientStatus === 'number' && clientStatus >= 400 && clientStatus < 500) {
      return { status: clientStatus, body: errorBody(clientStatus, describeBodyError(exception)) };
    }
    // A safety net for races the services' own checks cannot close (a row referenced or
    // created by a concurrent request between the check and the write): a conflict, not a 500.
    const code = pgErrorCode(exception);
    if (code === PG_UNIQUE_VIOLATION || code === PG_FOREIGN_KEY_VIOLATION || code === PG_RESTRICT_VIOLATION) {
      const message =
        code === PG_UNIQUE_VIOLATION
          ? 'conflict: that already exists'
          : 'conflict: the object is referenced by, or refers to, an object that changed concurrently; retry';
      return { status: 409, body: errorBody(409, message) };
    }
    const errorId = randomUUID();
    this.logger.error({ errorId, err: exception, ...(req?.raw && { req: requestFields(req) }) }, 'unhandled error');
    const status = HttpStatus.INTERNAL_SERVER_ERROR;
    return { status, body: { ...errorBody(status, `internal error (id ${errorId})`), errorId } };
  }
}

/** Messages for the errors the body parsers (body-parsers.ts) keep for a route to raise. */
export function describeBodyError(e: unknown): string {
  const type = (e as { type?: string })?.type;
  switch (type) {
    case 'entity.parse.failed':
      return 'body: malformed JSON';
    case 'entity.too.large':
      return `body: larger than the limit of ${(e as { limit?: number }).limit ?? '?'} bytes`;
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return 'body: unsupported encoding';
    default:
      return (e as Error)?.message ?? 'bad request';
  }
}

export { ErrorCode };
