import type { FastifyRequest } from 'fastify';
import { DomainError, ErrorCode } from '../common/errors';

/**
 * Sign-in routes take JSON only. A page on another site can submit a form
 * (urlencoded or multipart) to them without asking, but not JSON, which a
 * browser sends cross-site only after a CORS preflight Klaxon never grants:
 * so no other site can sign a visitor in to an account of its choosing.
 */
export function requireJsonRequest(req: FastifyRequest): void {
  const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json' && !/^application\/[\w.+-]+\+json$/.test(type)) {
    throw new DomainError(ErrorCode.UnsupportedMediaType, 'sign-in requests must be sent as application/json');
  }
}
