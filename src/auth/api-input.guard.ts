import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { apiInputProblem } from '../common/body-guards';

/**
 * The management API's input rules (body-guards.ts: no NUL text, no object
 * with more than 256 keys) for every handler that takes an API key: @MinRole
 * attaches this guard, so the handlers are chosen by their decision, not by
 * their path. As a handler's own guard it runs after the global ones (the
 * authentication guard, then the body guard) and before the validation pipe,
 * so an oversized body is refused before class-transformer walks it.
 */
@Injectable()
export class ApiInputGuard implements CanActivate {
  canActivate(ctx: ExecutionContext): boolean {
    if (ctx.getType() === 'http') {
      const req = ctx.switchToHttp().getRequest<{ body?: unknown; query?: unknown }>();
      const problem = apiInputProblem(req.body, req.query);
      if (problem) throw problem;
    }
    return true;
  }
}
