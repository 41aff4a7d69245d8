import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { sameSecret } from '../common/secret-hash';
import { readCookie } from '../common/cookies';
import { DomainError, ErrorCode } from '../common/errors';
import { ApiKeysService, Principal } from './api-keys.service';
import { authDecisionOf, SelfRule } from './auth.decorators';
import { hasRole } from './roles';
import { SESSION_COOKIE, SessionPrincipals } from './session-principals';

interface AuthenticatedRequest {
  method: string;
  params?: Record<string, string | undefined>;
  body?: unknown;
  headers: Record<string, string | string[] | undefined>;
  principal?: Principal;
}

interface Reply {
  header(name: string, value: string): unknown;
}

/** Methods that change nothing: a session needs no CSRF token for them. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The global guard. It decides from the handler's metadata alone (@Public or
 * @MinRole, auth.decorators.ts), never from the request's path: a route is
 * protected however its URL is spelled. A handler without a decision is
 * refused (the application does not start with one, so this is a last net).
 *
 * A caller is an API key (`Authorization: Bearer`, which wins when both are
 * sent) or a console session (the `klaxon_session` cookie); both are
 * principals with a role, held to the same @MinRole. A session's write
 * (anything but GET, HEAD, OPTIONS) also needs `X-CSRF-Token` equal to the
 * session's token: a cookie is sent by the browser on its own, the header
 * only by the console's own script.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly keys: ApiKeysService,
    private readonly sessions: SessionPrincipals,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const decision = authDecisionOf(ctx.getHandler());
    if (!decision || ctx.getType() !== 'http') {
      throw new DomainError(ErrorCode.Forbidden, 'this route has no authentication decision');
    }
    if (decision.kind === 'public') return true;

    const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await this.authenticate(req, ctx.switchToHttp().getResponse<Reply>());
    req.principal = principal;

    if (hasRole(principal, decision.minRole)) return true;
    if (decision.self && this.actsOnItself(principal, req, decision.self)) return true;
    const who = principal.session ? 'the session' : 'the key';
    const orSelf = decision.self ? ` (or a ${decision.self.minRole} console session of this user)` : '';
    throw new DomainError(ErrorCode.Forbidden, `this action needs the ${decision.minRole} role${orSelf}; ${who} has ${principal.role}`);
  }

  /**
   * A console session of the very user the route names (`rule.param`), of at
   * least `rule.minRole`, changing no admin-only field. Anything missing (an
   * API key, a session opened with a key, no such parameter) is a no.
   */
  private actsOnItself(principal: Principal, req: AuthenticatedRequest, rule: SelfRule): boolean {
    const userId = principal.session?.user?.id;
    const named = req.params?.[rule.param];
    if (!userId || typeof named !== 'string' || named.toLowerCase() !== userId.toLowerCase()) return false;
    if (!hasRole(principal, rule.minRole)) return false;
    const body = req.body;
    const field = body !== null && typeof body === 'object' ? rule.adminOnlyFields.find((f) => Object.prototype.hasOwnProperty.call(body, f)) : undefined;
    if (field !== undefined) throw new DomainError(ErrorCode.Forbidden, `only an admin may change ${field}`);
    return true;
  }

  private async authenticate(req: AuthenticatedRequest, reply: Reply): Promise<Principal> {
    const header = req.headers.authorization;
    if (header !== undefined) {
      const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
      if (!match) throw new DomainError(ErrorCode.Unauthorized, 'missing API key: send Authorization: Bearer <key>');
      const principal = await this.keys.authenticate(match[1]);
      if (!principal) throw new DomainError(ErrorCode.Unauthorized, 'invalid or revoked API key');
      return principal;
    }
    const token = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (!token) throw new DomainError(ErrorCode.Unauthorized, 'missing API key: send Authorization: Bearer <key> (or sign in to the console)');
    const session = await this.sessions.authenticate(token);
    if (!session) throw new DomainError(ErrorCode.Unauthorized, 'the console session is missing, expired or signed out: sign in again');
    if (!SAFE_METHODS.has(req.method.toUpperCase())) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameSecret(sent, session.csrfToken)) {
        throw new DomainError(ErrorCode.Forbidden, 'a console write needs the header X-CSRF-Token with the session\'s token (GET /api/v1/session)');
      }
    }
    if (session.renewedCookie) reply.header('set-cookie', session.renewedCookie);
    return session.principal;
  }
}
