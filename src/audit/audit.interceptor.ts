import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { mergeMap, Observable } from 'rxjs';
import type { Principal } from '../auth/api-keys.service';
import { authDecisionOf } from '../auth/auth.decorators';
import { routeTemplateOf } from '../auth/route-handlers';
import { redactSecrets } from './audit-redaction';
import { describeAuditTarget } from './audit-target';
import { AuditService } from './audit.service';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type AuditedRequest = FastifyRequest & { principal?: Principal };

/**
 * Records every successful mutating request to a handler that takes an API key
 * (its @MinRole decision; never decided from the path). It runs after the guard
 * (so the principal is known) and after the handler has committed; the row is
 * written before the response leaves, so a client that saw a 2xx finds its
 * entry at once. Requests that fail (4xx, 5xx) change nothing and are not
 * recorded; their trace is the request log.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(private readonly audit: AuditService) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const req = ctx.switchToHttp().getRequest<AuditedRequest>();
    if (!MUTATING.has(req.method) || authDecisionOf(ctx.getHandler())?.kind !== 'api-key') return next.handle();
    const reply = ctx.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      mergeMap(async (body: unknown) => {
        const routePath = routeTemplateOf(ctx.getClass(), ctx.getHandler());
        const target = describeAuditTarget(req.method, routePath, (req.params ?? {}) as Record<string, string>, body);
        const principal = req.principal ?? { id: 'anonymous', name: 'anonymous', role: 'none' };
        const hasBody = req.body !== undefined && !(typeof req.body === 'object' && req.body !== null && Object.keys(req.body).length === 0);
        await this.audit.record({
          ...target,
          principalId: principal.id,
          principalName: principal.name,
          principalRole: principal.role,
          method: req.method,
          path: req.url.split('?', 1)[0],
          status: reply.statusCode,
          requestBody: hasBody ? redactSecrets(req.body) : null,
          requestId: req.id,
        });
        return body;
      }),
    );
  }
}
