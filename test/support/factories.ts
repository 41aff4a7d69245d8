import { randomBytes } from 'node:crypto';
import type { TestApp } from './test-app';

let seq = 0;
const unique = () => `${++seq}-${randomBytes(3).toString('hex')}`;

export interface UserFixture {
  id: string;
  name: string;
  email: string;
  contactMethods: { id: string; type: string; address: string }[];
}

/** Creates a user through the API, with the given contact methods (each with its default rule). */
export async function createUser(
  t: TestApp,
  overrides: { name?: string; email?: string; timeZone?: string } = {},
  contacts: { type: 'sms' | 'voice' | 'email' | 'slack'; address: string }[] = [],
): Promise<UserFixture> {
  const id = unique();
  const res = await t
    .api()
    .post('/api/v1/users', {
      name: overrides.name ?? `User ${id}`,
      email: overrides.email ?? `user-${id}@example.com`,
      ...(overrides.timeZone ? { timeZone: overrides.timeZone } : {}),
    })
    .expect(201);
  const user: UserFixture = { ...res.body, contactMethods: [] };
  for (const c of contacts) {
    const cm = await t.api().post(`/api/v1/users/${user.id}/contact-methods`, c).expect(201);
    user.contactMethods.push(cm.body);
  }
  return user;
}

/** A distinct valid E.164 number per call. */
export function phoneNumber(): string {
  return `+1415555${String(1000 + (++seq % 9000)).padStart(4, '0')}`;
}

export async function createTeam(t: TestApp, memberIds: string[] = []): Promise<{ id: string; name: string }> {
  const res = await t.api().post('/api/v1/teams', { name: `Team ${unique()}`, memberIds }).expect(201);
  return res.body;
}
