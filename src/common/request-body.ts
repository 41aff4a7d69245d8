import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';

/**
 * Bodies are parsed once, for every request, with the largest limit any route
 * allows (body-parsers.ts); what a route accepts is then decided by the route's
 * own metadata, in the Nest pipeline, never by how the request's path is spelled:
 * - a parser's error (malformed JSON, too large, too deep) is kept on the
 *   request and raised by BodyGuard once the route is known, so each
 *   route answers it in its own error shape (webhooks in PagerDuty's); a
 *   request that matches no route is a plain 404;
 * - a route's byte limit is @BodyLimit (default API_BODY_LIMIT_BYTES).
 */
export const API_BODY_LIMIT_BYTES = 1024 * 1024;
export const WEBHOOK_BODY_LIMIT_BYTES = 512 * 1024;
/** What the parsers read at most: the largest limit of any route. */
export const MAX_BODY_BYTES = API_BODY_LIMIT_BYTES;

/** What the body parsers leave on a request: the parsed body, its exact bytes, or the problem with it. */
export interface BodyRequest {
  body?: unknown;
  /** The exact bytes of a body (signatures of Slack, Grafana and Twilio are computed over them; limits are measured on them). */
  rawBody?: Buffer;
  bodyError?: unknown;
}

/** The value of a request header, or undefined (a repeated header: its first value). */
export function headerOf(req: { headers: Record<string, string | string[] | undefined> }, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

const BODY_LIMIT_KEY = 'klaxon:body-limit';

/** The largest body, in bytes, a route (or every route of a controller) accepts. */
export const BodyLimit = (bytes: number) => SetMetadata(BODY_LIMIT_KEY, bytes);

function tooLarge(limit: number): Error {
  return Object.assign(new Error(`request entity too large`), { status: 413, type: 'entity.too.large', limit });
}

/**
 * The problem with a request's body for a route accepting `limitBytes`, or
 * null: the parser's own error, or a body over the route's limit.
 */
export function bodyProblem(req: BodyRequest, limitBytes: number): unknown {
  const err = req.bodyError as { type?: string } | undefined;
  if (err) return err.type === 'entity.too.large' ? tooLarge(limitBytes) : err;
  if (req.rawBody && req.rawBody.length > limitBytes) return tooLarge(limitBytes);
  return null;
}

/**
 * Raises a request's body problem once its route, and so its limit and error
 * shape, is known. A guard, registered after the authentication guard
 * (auth.module.ts): a caller without a valid key learns nothing about its body.
 * Guards, unlike interceptors, cost no observable chain on the hot webhook path.
 */
@Injectable()
export class BodyGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(ctx: ExecutionContext): boolean {
    if (ctx.getType() === 'http') {
      const limit =
        this.reflector.getAllAndOverride<number | undefined>(BODY_LIMIT_KEY, [ctx.getHandler(), ctx.getClass()]) ??
        API_BODY_LIMIT_BYTES;
      const problem = bodyProblem(ctx.switchToHttp().getRequest<BodyRequest>(), limit);
      if (problem) throw problem;
    }
    return true;
  }
}
