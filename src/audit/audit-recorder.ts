import { ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../auth/api-keys.service';
import type { AuditRecorder } from '../auth/mutation-audit';
import { redactSecrets } from './audit-redaction';
import { describeAuditTarget } from './audit-target';
import { AuditService } from './audit.service';

type AuditedRequest = FastifyRequest & { principal?: Principal };

/**
 * Records a successful mutating request to a handler that takes an API key
 * (its @MinRole decision, which attaches MutationAudit; never decided from the
 * path). It runs after the guard (so the principal is known) and after the
 * handler has committed; the row is written before the response leaves, so a
 * client that saw a 2xx finds its entry at once. Requests that fail (4xx, 5xx)
 * change nothing and are not recorded; their trace is the request log.
 */
@Injectable()
export class AuditLogRecorder implements AuditRecorder {
  constructor(private readonly audit: AuditService) {}

  async record(ctx: ExecutionContext, body: unknown): Promise<void> {
    const req = ctx.switchToHttp().getRequest<AuditedRequest>();
    const reply = ctx.switchToHttp().getResponse<FastifyReply>();
    // The route's path template as the router matched it (e.g. /api/v1/users/:id).
    const routePath = req.routeOptions.url ?? req.url.split('?', 1)[0];
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
  }
}
