import type { FastifyRequest } from 'fastify';
import { isJsonContentType } from '../common/body-parsers';
import type { BodyRequest } from '../common/request-body';
import { IngestRejection } from './ingest-exception.filter';

export type IngestRequest = FastifyRequest & BodyRequest;

/**
 * POST webhook bodies must be JSON. The body's own problems (malformed JSON a
 * 400, over the route's @BodyLimit a 413) were raised by BodyGuard before the
 * handler ran, in the webhook's error shape (IngestExceptionFilter). Any other
 * declared type is a 415; no body at all is a 400.
 */
export function requireJsonBody(req: IngestRequest): unknown {
  const type = req.headers['content-type'];
  if (type !== undefined && !isJsonContentType(type)) {
    throw new IngestRejection(415, {
      status: 'unsupported media type',
      message: `Content-Type must be application/json, not ${type.split(';')[0]}`,
      errors: ['Content-Type must be application/json'],
    });
  }
  if (type === undefined || req.body === undefined || req.rawBody === undefined || req.rawBody.length === 0) {
    throw IngestRejection.invalid(['Body must be a JSON object sent with Content-Type: application/json']);
  }
  return req.body;
}

export function notFoundKey(what: string): IngestRejection {
  return new IngestRejection(404, { status: 'not found', message: `Unknown ${what}`, errors: [`Unknown ${what}`] });
}

export function unauthorized(reason: string): IngestRejection {
  return new IngestRejection(401, { status: 'unauthorized', message: reason, errors: [reason] });
}
