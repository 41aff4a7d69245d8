import type { FastifyRequest } from 'fastify';
import { isJsonContentType } from '../common/body-parsers';
import { DomainError, ErrorCode } from '../common/errors';

/**
 * Sign-in routes take JSON only. A page on another site can submit a form
 * (urlencoded or multipart) to them without asking, but not JSON, which a
 * browser sends cross-site only after a CORS preflight Klaxon never grants:
 * so no other site can sign a visitor in to an account of its choosing.
 */
export function requireJsonRequest(req: FastifyRequest): void {
  if (!isJsonContentType(String(req.headers['content-type'] ?? ''))) {
    throw new DomainError(ErrorCode.UnsupportedMediaType, 'sign-in requests must be sent as application/json');
  }
}
