import type { ApiKeyRole } from './api-key.entity';

/** Each role can do everything the roles below it can. */
const RANK: Record<ApiKeyRole, number> = { 'read-only': 0, responder: 1, admin: 2 };

/** Whether a caller (undefined: none) holds at least `min`: the one ordering of roles, for the guard and for what responses show. */
export function hasRole(principal: { role: ApiKeyRole } | undefined, min: ApiKeyRole): boolean {
  return principal !== undefined && RANK[principal.role] >= RANK[min];
}
