import type { FastifyRequest } from 'fastify';
import { bodyProblem, BodyRequest, WEBHOOK_BODY_LIMIT_BYTES } from '../common/request-body';
import { IngestRejection } from './ingest-exception.filter';

export type IngestRequest = FastifyRequest & BodyRequest;

/** `application/json` or `application/*+json`, whatever its parameters. */
export function isJsonContentType(contentType: string): boolean {
  const mediaType = contentType.split(';', 1)[0].trim().toLowerCase();
  return mediaType === 'application/json' || /^application\/[^\s/]+\+json$/.test(mediaType);
}

/**
 * POST webhook bodies must be JSON within the webhook limit (512 KB; the
 * app's parser keeps its errors for the route to raise: malformed JSON is a
 * 400, too large a 413). Any other declared type is a 415; no body at all is a 400.
 */
export function requireJsonBody(req: IngestRequest): unknown {
  const problem = bodyProblem(req, WEBHOOK_BODY_LIMIT_BYTES);
  if (problem) throw problem;
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
