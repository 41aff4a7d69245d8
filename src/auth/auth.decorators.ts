import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { ApiKeyRole } from './api-key.entity';
import type { Principal } from './api-keys.service';

export const MIN_ROLE_KEY = 'klaxon:min-role';

/**
 * The least role a write route needs. Writes default to admin; incident actions
 * are open to responders. Reads (GET) are open to every role.
 */
export const MinRole = (role: ApiKeyRole) => SetMetadata(MIN_ROLE_KEY, role);

export const OWN_AUTH_KEY = 'klaxon:own-auth';

/**
 * A /api/v1 route that authenticates by its own secret instead of an API key
 * (the schedule iCal feed, read by calendar apps with a token in the URL).
 * The route must check that secret itself.
 */
export const OwnAuthentication = () => SetMetadata(OWN_AUTH_KEY, true);

/** The authenticated caller, for timelines and audit. */
export const CurrentPrincipal = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal => ctx.switchToHttp().getRequest().principal,
);
