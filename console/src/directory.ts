import { all, Policy, Schedule, Service, User } from './api/client';

/** Names for ids: users, services, schedules and policies, fetched once per page load. */
export interface Directory {
  users: User[];
  services: Service[];
  schedules: Schedule[];
  policies: Policy[];
  userName(id: string | null | undefined): string;
  name(kind: string, id: string): string;
}

export async function loadDirectory(): Promise<Directory> {
  const [users, services, schedules, policies] = await Promise.all([
    all<User>('/api/v1/users'),
    all<Service>('/api/v1/services'),
    all<Schedule>('/api/v1/schedules'),
    all<Policy>('/api/v1/escalation-policies'),
  ]);
  const byId = new Map<string, string>();
  for (const x of [...users, ...services, ...schedules, ...policies]) byId.set(x.id, x.name);
  return {
    users,
    services,
    schedules,
    policies,
    userName: (id) => (id ? (byId.get(id) ?? 'unknown user') : 'nobody'),
    name: (_kind, id) => byId.get(id) ?? id,
  };
}
