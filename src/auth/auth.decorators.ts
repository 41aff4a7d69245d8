import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { ApiKeyRole } from './api-key.entity';
import type { Principal } from './api-keys.service';

export const MIN_ROLE_KEY = 'klaxon:min-role';

/**
 * The least role a write route needs. Writes default to admin; incident actions
 * are open to responders. Reads (GET) are open to every role.
 */
export const MinRole = (role: ApiKeyRole) => SetMetadata(MIN_ROLE_KEY, role);

/** The authenticated caller, for timelines and audit. */
export const CurrentPrincipal = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal => ctx.switchToHttp().getRequest().principal,
);
