import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { HttpExceptionFilter, JSON_TYPE } from '../../common/http-exception.filter';
import { DomainError, RateLimitedError } from '../../common/errors';
import { keyPrefix, redactUrl } from '../../common/logging';
import { IngestRejection } from '../ingest-exception.filter';
import { parseGenieKey } from '../sources/opsgenie.adapter';

/** How Opsgenie answers a refused request (docs/opsgenie.md): the reason, the time taken in seconds, a request id. */
export interface OpsgenieErrorBody {
  message: string;
  took: number;
  requestId: string;
}

/** A refusal of the Opsgenie-compatible routes with its status and message. */
export class OpsgenieRejection extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }

  /** Missing, malformed or unknown key, or a key of another integration type: one answer, so it says nothing of which keys exist. */
  static unauthenticated(): OpsgenieRejection {
    return new OpsgenieRejection(401, 'Could not authenticate');
  }

  /** Every problem of the body or query, in one message (Opsgenie's 422). */
  static unprocessable(errors: readonly string[]): OpsgenieRejection {
    return new OpsgenieRejection(422, `Request body is not processable: ${errors.join('; ')}`);
  }

  static alertNotFound(): OpsgenieRejection {
    return new OpsgenieRejection(404, 'Alert does not exist');
  }
}

/** Seconds since the request arrived, as Opsgenie's `took` (milliseconds kept). */
export function tookSeconds(reply: FastifyReply): number {
  return Math.round(reply.elapsedTime) / 1000;
}

/** The status and message of any error thrown on an Opsgenie route (the common filter's status for the others). */
export function opsgenieError(exception: unknown): { status: number; message: string } {
  if (exception instanceof OpsgenieRejection) return { status: exception.status, message: exception.message };
  if (exception instanceof IngestRejection) {
    // The shared JSON checks of the webhooks: 415 for another type, 400 for no body.
    return { status: exception.status, message: exception.body.errors.join('; ') || exception.body.message };
  }
  if (exception instanceof RateLimitedError) return { status: 429, message: 'You are making too many requests! To avoid errors, we recommend you limit requests.' };
  const { status, body } = new HttpExceptionFilter().toHttp(exception);
  const detail = exception instanceof DomainError && exception.errors?.length ? exception.errors.map((e) => `${e.field}: ${e.message}`).join('; ') : body.message;
  return { status, message: detail };
}

/**
 * Every refusal of `/v2/alerts…` in Opsgenie's shape `{ message, took,
 * requestId }`, logged once at warn with the first characters of the key
 * (never the key). 5xx keep the common filter's answer and error id.
 */
@Catch()
export class OpsgenieExceptionFilter implements ExceptionFilter {
  private readonly common = new HttpExceptionFilter();
  private readonly logger = new Logger('Opsgenie');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (reply.sent) return;
    const { status, message } = opsgenieError(exception);
    if (status >= 500) return this.common.catch(exception, host);
    if (exception instanceof RateLimitedError) reply.header('Retry-After', String(exception.retryAfterSeconds));
    const req = host.switchToHttp().getRequest<FastifyRequest>();
    const body: OpsgenieErrorBody = { message, took: tookSeconds(reply), requestId: randomUUID() };
    this.logger.warn(
      { status, reason: message.slice(0, 500), key: keyPrefix(parseGenieKey(req.headers.authorization) ?? undefined), url: redactUrl(req.url), requestId: body.requestId },
      'opsgenie request refused',
    );
    reply.status(status).type(JSON_TYPE).send(body);
  }
}
