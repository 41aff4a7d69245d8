/**
 * Pure mapping from a mutating /api/v1 route to what the audit log records:
 * the top-level resource (so `?resourceType=schedule&resourceId=X` lists every
 * change to schedule X, its overrides included), the sub-resource touched, and
 * an action name. Derived from the route pattern, so a new route is audited
 * without a decorator; a shape this does not know still gets a row.
 */
export interface AuditTarget {
  resourceType: string;
  resourceId: string | null;
  subresourceId: string | null;
  action: string;
}

const RESOURCE_TYPES: Record<string, string> = {
  users: 'user',
  teams: 'team',
  schedules: 'schedule',
  'escalation-policies': 'escalation-policy',
  services: 'service',
  incidents: 'incident',
  'api-keys': 'api-key',
  'event-routers': 'event-router',
  'maintenance-windows': 'maintenance-window',
  webhooks: 'webhook',
  'chat-destinations': 'chat-destination',
};

const SUBRESOURCE_TYPES: Record<string, string> = {
  'contact-methods': 'contact-method',
  'notification-rules': 'notification-rule',
  'handoff-rules': 'handoff-rule',
  overrides: 'override',
  integrations: 'integration',
  heartbeats: 'heartbeat',
  members: 'member',
  notes: 'note',
  deliveries: 'delivery',
};

const VERBS: Record<string, string> = { POST: 'create', PUT: 'update', PATCH: 'update', DELETE: 'delete' };

function idOf(body: unknown): string | null {
  const id = (body as { id?: unknown } | null | undefined)?.id;
  return typeof id === 'string' ? id : null;
}

/**
 * @param routePath the Express route pattern, e.g. `/api/v1/schedules/:id/overrides/:overrideId`
 * @param params the matched path parameters
 * @param responseBody what the handler returned (the created object for creates)
 */
export function describeAuditTarget(
  method: string,
  routePath: string,
  params: Record<string, string | string[] | undefined>,
  responseBody: unknown,
): AuditTarget {
  const rest = routePath.split('/').filter(Boolean).slice(2); // drop "api", "v1"
  const paramOf = (segment: string | undefined): string | null => {
    const value = segment?.startsWith(':') ? params[segment.slice(1)] : undefined;
    return value === undefined ? null : Array.isArray(value) ? value.join('/') : value;
  };
  const verb = VERBS[method.toUpperCase()] ?? method.toLowerCase();
  const collection = rest[0] ?? '';
  const resourceType = RESOURCE_TYPES[collection] ?? collection;

  if (rest.length <= 1) return { resourceType, resourceId: idOf(responseBody), subresourceId: null, action: verb };

  const resourceId = paramOf(rest[1]);
  if (rest.length === 2) return { resourceType, resourceId, subresourceId: null, action: verb };

  const sub = rest[2];
  const subType = SUBRESOURCE_TYPES[sub];
  if (!subType && rest.length === 3 && method.toUpperCase() === 'POST') {
    // An action on the resource itself: /incidents/:id/acknowledge.
    return { resourceType, resourceId, subresourceId: null, action: sub };
  }
  let subresourceId = paramOf(rest[3]);
  if (subresourceId === null && rest.length === 3) {
    // A create answers with the new sub-resource; adding a member answers with the team (no sub id then).
    const created = idOf(responseBody);
    subresourceId = created !== resourceId ? created : null;
  }
  return { resourceType, resourceId, subresourceId, action: `${subType ?? sub}.${verb}` };
}
