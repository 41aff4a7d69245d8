import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError, ErrorCode } from '../common/errors';
import type { ApiKeyRole } from './api-key.entity';
import { ApiKeysService } from './api-keys.service';
import { MIN_ROLE_KEY, OWN_AUTH_KEY } from './auth.decorators';

const RANK: Record<ApiKeyRole, number> = { 'read-only': 0, responder: 1, admin: 2 };
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every route under /api/v1 needs `Authorization: Bearer <key>` (401 without a
 * valid one); writes need admin unless the route says @MinRole (403).
 * Webhooks, health and docs are outside /api/v1 and verify their own way.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly keys: ApiKeysService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const req = ctx.switchToHttp().getRequest<Request & { principal?: unknown }>();
    if (!req.path.startsWith('/api/v1/') && req.path !== '/api/v1') return true;
    if (this.reflector.getAllAndOverride<boolean>(OWN_AUTH_KEY, [ctx.getHandler(), ctx.getClass()])) return true;

    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw new DomainError(ErrorCode.Unauthorized, 'missing API key: send Authorization: Bearer <key>');
    const principal = await this.keys.authenticate(match[1]);
    if (!principal) throw new DomainError(ErrorCode.Unauthorized, 'invalid or revoked API key');
    req.principal = principal;

    if (READ_METHODS.has(req.method)) return true;
    const needed =
      this.reflector.getAllAndOverride<ApiKeyRole>(MIN_ROLE_KEY, [ctx.getHandler(), ctx.getClass()]) ?? 'admin';
    if (RANK[principal.role] < RANK[needed]) {
      throw new DomainError(ErrorCode.Forbidden, `this action needs the ${needed} role; the key has ${principal.role}`);
    }
    return true;
  }
}
