import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { mergeMap, Observable } from 'rxjs';

/**
 * Every handler that takes an API key (@MinRole) carries MutationAudit, so each
 * successful change made with a key is written to the audit log before its
 * response leaves. The audit module (above this layer) provides the recorder
 * under AUDIT_RECORDER; a handler with @Public carries no interceptor at all,
 * which keeps the webhook path free of an observable chain per request.
 */
export const AUDIT_RECORDER = Symbol('klaxon:audit-recorder');

export interface AuditRecorder {
  /** Records a successful mutating request; `body` is what the handler returned. */
  record(ctx: ExecutionContext, body: unknown): Promise<void>;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

@Injectable()
export class MutationAudit implements NestInterceptor {
  constructor(@Inject(AUDIT_RECORDER) private readonly recorder: AuditRecorder) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http' || !MUTATING.has(ctx.switchToHttp().getRequest<{ method: string }>().method)) return next.handle();
    return next.handle().pipe(
      mergeMap(async (body: unknown) => {
        await this.recorder.record(ctx, body);
        return body;
      }),
    );
  }
}
