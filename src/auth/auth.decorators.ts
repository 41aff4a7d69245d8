import { applyDecorators, createParamDecorator, ExecutionContext, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, DECORATORS } from '@nestjs/swagger';
import { ApiErrors, BEARER_SCHEME } from '../common/api-docs';
import type { ApiKeyRole } from './api-key.entity';
import type { Principal } from './api-keys.service';
import { ApiInputGuard } from './api-input.guard';
import { MutationAudit } from './mutation-audit';

/**
 * Every route handler carries exactly one authentication decision, read by the
 * global guard (api-key.guard.ts) and nothing else: who may call a route is
 * never inferred from how its path is spelled. A handler with no decision stops
 * the application from starting (auth-decisions.check.ts); a handler with two
 * fails when its class is defined.
 */
export type AuthDecision =
  /** Needs `Authorization: Bearer <api key>` (or a console session) of at least this role; or, with `self`, a session of the user the route is about. */
  | { kind: 'api-key'; minRole: ApiKeyRole; self?: SelfRule }
  /** No API key: the handler verifies its own credential (a routing key, a signature, a token), or is open by design. */
  | { kind: 'public'; verifiedBy: string };

/**
 * Who else may call a route about one user: a console session OF that user
 * (its user id equals the path parameter `param`) with at least `minRole`.
 * API keys belong to no user, so this never widens what a key may do. A body
 * that carries any of `adminOnlyFields` (even as null) still needs `minRole`
 * of the decision itself.
 */
export interface SelfRule {
  param: string;
  minRole: ApiKeyRole;
  adminOnlyFields: readonly string[];
}

const AUTH_DECISION_KEY = 'klaxon:auth-decision';

function decide(decision: AuthDecision): MethodDecorator {
  return (_target, propertyKey, descriptor: PropertyDescriptor) => {
    const handler = descriptor.value as object;
    const existing = Reflect.getMetadata(AUTH_DECISION_KEY, handler) as AuthDecision | undefined;
    if (existing) {
      throw new Error(`${String(propertyKey)} has two authentication decisions (${existing.kind} and ${decision.kind}); keep one`);
    }
    Reflect.defineMetadata(AUTH_DECISION_KEY, decision, handler);
    return descriptor;
  };
}

/**
 * The least role that may call this handler. Reads are usually `read-only`,
 * incident actions `responder`, configuration `admin`; each handler says which.
 * The same decision applies the API's input rules (api-input.guard.ts) and puts
 * the handler's changes in the audit log (mutation-audit.ts), and documents
 * the API key requirement and its 401 (and 403 above read-only) in OpenAPI.
 */
export const MinRole = (role: ApiKeyRole): MethodDecorator =>
  applyDecorators(
    decide({ kind: 'api-key', minRole: role }),
    UseGuards(ApiInputGuard),
    UseInterceptors(MutationAudit),
    ApiBearerAuth(BEARER_SCHEME),
    ApiErrors(role === 'read-only' ? [401] : [401, 403], { 403: `needs a key of role ${role} or higher` }),
  );

/**
 * A route about one user's own settings (contact methods, notification and
 * handoff rules, time zone): an admin for anyone, and a responder console
 * session for its own user only (the path parameter `param`, default `id`).
 * Read-only callers, API keys below admin and other users' sessions get 403;
 * `adminOnlyFields` in the body (e.g. a user's role or email) need an admin.
 */
export const AdminOrSelf = (param = 'id', options: { adminOnlyFields?: readonly string[] } = {}): MethodDecorator =>
  applyDecorators(
    decide({ kind: 'api-key', minRole: 'admin', self: { param, minRole: 'responder', adminOnlyFields: options.adminOnlyFields ?? [] } }),
    UseGuards(ApiInputGuard),
    UseInterceptors(MutationAudit),
    ApiBearerAuth(BEARER_SCHEME),
    ApiErrors([401, 403], {
      403: `needs an admin key or session, or a responder console session of this user${options.adminOnlyFields?.length ? ` (${options.adminOnlyFields.join(', ')}: admin only)` : ''}`,
    }),
  );

/**
 * No API key. `verifiedBy` names what the handler checks instead (or why the
 * route is open); it is listed in docs/security.md and in the auth tests. In
 * OpenAPI the operation says so with `security: []`.
 */
export const Public = (verifiedBy: string): MethodDecorator =>
  applyDecorators(decide({ kind: 'public', verifiedBy }), NoApiKeyInOpenApi);

/** Merges `security: []` into the operation's metadata, whatever order its other OpenAPI decorators run in. */
const NoApiKeyInOpenApi: MethodDecorator = (_target, _key, descriptor: PropertyDescriptor) => {
  const handler = descriptor.value as object;
  const operation = (Reflect.getMetadata(DECORATORS.API_OPERATION, handler) ?? {}) as object;
  Reflect.defineMetadata(DECORATORS.API_OPERATION, { ...operation, security: [] }, handler);
  return descriptor;
};

/** The decision of one handler, or undefined when it has none. */
export function authDecisionOf(handler: object): AuthDecision | undefined {
  return Reflect.getMetadata(AUTH_DECISION_KEY, handler) as AuthDecision | undefined;
}

/** The authenticated caller, for timelines and audit. */
export const CurrentPrincipal = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal => ctx.switchToHttp().getRequest().principal,
);
