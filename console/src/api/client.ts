import type { components } from './openapi';

/** The API's response and request shapes, generated from the server's OpenAPI document. */
export type Schemas = components['schemas'];
export type Incident = Schemas['IncidentResponse'];
export type IncidentStatus = Incident['status'];
export type Notification = Schemas['IncidentNotificationResponse'];
export type Service = Schemas['ServiceResponse'];
export type User = Schemas['UserResponse'];
export type Schedule = Schemas['ScheduleResponse'];
export type Policy = Schemas['EscalationPolicyResponse'];
export type Integration = Schemas['IntegrationResponse'];
export type MaintenanceWindow = Schemas['MaintenanceWindowResponse'];
export type Shift = Schemas['ShiftResponse'];
export type LayerInput = Schemas['LayerDto'];

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** `GET /api/v1/session`: who is signed in; `user` is null for an admin API-key session. */
export type Session = Schemas['SessionResponse'];
export type SignInProviders = Schemas['SignInProvidersResponse'];

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

let csrfToken = '';
/** Every cookie-authenticated write carries the session's CSRF token. */
export function useCsrfToken(token: string): void {
  csrfToken = token;
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const json = text ? (JSON.parse(text) as unknown) : undefined;
  if (!res.ok) {
    const message = json && typeof json === 'object' && 'message' in json ? String((json as { message: unknown }).message) : res.statusText;
    throw new ApiError(res.status, message);
  }
  return json as T;
}

export const api = {
  get: <T>(path: string) => call<T>('GET', path),
  post: <T>(path: string, body?: unknown) => call<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => call<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => call<T>('PUT', path, body),
  delete: (path: string) => call<void>('DELETE', path),
};

/** Every item of a paginated list (the API pages by cursor, at most 500 a page). */
export async function all<T>(path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page: Page<T> = await api.get<Page<T>>(`${path}${sep}limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}
