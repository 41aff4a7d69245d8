import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '../common/errors';
import { ApiKeysService, Principal } from './api-keys.service';
import { authDecisionOf } from './auth.decorators';
import { hasRole } from './roles';


interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  principal?: Principal;
}

/**
 * The global guard. It decides from the handler's metadata alone (@Public or
 * @MinRole, auth.decorators.ts), never from the request's path: a route is
 * protected however its URL is spelled. A handler without a decision is
 * refused (the application does not start with one, so this is a last net).
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(private readonly keys: ApiKeysService) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const decision = authDecisionOf(ctx.getHandler());
    if (!decision || ctx.getType() !== 'http') {
      throw new DomainError(ErrorCode.Forbidden, 'this route has no authentication decision');
    }
    if (decision.kind === 'public') return true;

    const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!match) throw new DomainError(ErrorCode.Unauthorized, 'missing API key: send Authorization: Bearer <key>');
    const principal = await this.keys.authenticate(match[1]);
    if (!principal) throw new DomainError(ErrorCode.Unauthorized, 'invalid or revoked API key');
    req.principal = principal;

    if (!hasRole(principal, decision.minRole)) {
      throw new DomainError(
        ErrorCode.Forbidden,
        `this action needs the ${decision.minRole} role; the key has ${principal.role}`,
      );
    }
    return true;
  }
}
