import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { apiInputProblem } from '../common/body-guards';
import { authDecisionOf } from './auth.decorators';

/**
 * The management API's input rules (body-guards.ts: no NUL text, no object
 * with more than 256 keys) for every handler that takes an API key. It runs
 * after the authentication guard and the body guard, before the validation
 * pipe, so an oversized body is refused before class-transformer walks it.
 * The handlers are chosen by their @MinRole decision, not by their path.
 */
@Injectable()
export class ApiInputGuard implements CanActivate {
  canActivate(ctx: ExecutionContext): boolean {
    if (ctx.getType() === 'http' && authDecisionOf(ctx.getHandler())?.kind === 'api-key') {
      const req = ctx.switchToHttp().getRequest<{ body?: unknown; query?: unknown }>();
      const problem = apiInputProblem(req.body, req.query);
      if (problem) throw problem;
    }
    return true;
  }
}
