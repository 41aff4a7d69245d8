import { ExecutionContext } from '@nestjs/common';
import fc from 'fast-check';
import { DomainError } from '../common/errors';
import { ApiKeyGuard } from './api-key.guard';
import type { ApiKeysService, Principal } from './api-keys.service';
import { AdminOrSelf, MinRole } from './auth.decorators';
import type { ApiKeyRole } from './api-key.entity';
import { SessionPrincipals } from './session-principals';

const ME = '0b4f7c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b';
const OTHER = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b';

class Routes {
  @AdminOrSelf('id', { adminOnlyFields: ['role', 'email'] }) updateUser(): void {}
  @AdminOrSelf('id') addRule(): void {}
  @MinRole('admin') createUser(): void {}
}

/** A caller: a key of a role (no session), or a console session of a user (or of no user: opened with a key). */
type Caller = { key: ApiKeyRole } | { session: ApiKeyRole; userId: string | null };

function guardFor(caller: Caller): ApiKeyGuard {
  const principal = (): Principal =>
    'key' in caller
      ? { id: 'key-1', name: 'a key', role: caller.key }
      : {
          id: caller.userId ?? 'key-2',
          name: 'someone',
          role: caller.session,
          session: { id: 's', expiresAt: new Date(0), csrfToken: 'csrf', user: caller.userId ? { id: caller.userId, name: 'someone', email: 'a@example.com', timeZone: 'UTC' } : null },
        };
  const keys = { authenticate: async () => principal() } as unknown as ApiKeysService;
  const sessions = new SessionPrincipals();
  sessions.register({ authenticate: async () => ({ principal: principal(), csrfToken: 'csrf', renewedCookie: null }) });
  return new ApiKeyGuard(keys, sessions);
}

function context(caller: Caller, handler: () => void, params: Record<string, string>, body: unknown = {}): ExecutionContext {
  const headers: Record<string, string> = 'key' in caller ? { authorization: 'Bearer klx_x' } : { cookie: 'klaxon_session=t', 'x-csrf-token': 'csrf' };
  const req = { method: 'PATCH', headers, params, body };
  return {
    getHandler: () => handler,
    getType: () => 'http',
    switchToHttp: () => ({ getRequest: () => req, getResponse: () => ({ header: () => undefined }) }),
  } as unknown as ExecutionContext;
}

async function allowed(caller: Caller, handler: () => void, params: Record<string, string>, body?: unknown): Promise<true | string> {
  try {
    return (await guardFor(caller).canActivate(context(caller, handler, params, body))) || 'refused';
  } catch (e) {
    return e instanceof DomainError ? `${e.code}: ${e.message}` : String(e);
  }
}

describe('the guard: a user\'s own settings (@AdminOrSelf)', () => {
  const { updateUser, addRule, createUser } = Routes.prototype;

  it.each([
    ['a responder session of that user', { session: 'responder', userId: ME }, addRule, { id: ME }, {}, true],
    ['an admin session of that user', { session: 'admin', userId: ME }, addRule, { id: ME }, {}, true],
    ['an admin session of another user', { session: 'admin', userId: OTHER }, addRule, { id: ME }, {}, true],
    ['an admin key', { key: 'admin' }, addRule, { id: ME }, {}, true],
    ['the same id spelled in capitals', { session: 'responder', userId: ME }, addRule, { id: ME.toUpperCase() }, {}, true],
    ['a responder session of another user', { session: 'responder', userId: OTHER }, addRule, { id: ME }, {}, false],
    ['a read-only session of that user', { session: 'read-only', userId: ME }, addRule, { id: ME }, {}, false],
    ['a responder key (a key is no user)', { key: 'responder' }, addRule, { id: ME }, {}, false],
    ['a route without the parameter', { session: 'responder', userId: ME }, addRule, {}, {}, false],
    ['a plain admin route', { session: 'responder', userId: ME }, createUser, { id: ME }, {}, false],
    ['my own time zone and name', { session: 'responder', userId: ME }, updateUser, { id: ME }, { timeZone: 'UTC', name: 'Me' }, true],
    ['a null body', { session: 'responder', userId: ME }, updateUser, { id: ME }, null, true],
    ['an admin changing a role', { session: 'admin', userId: OTHER }, updateUser, { id: ME }, { role: 'admin' }, true],
  ] as Array<[string, Caller, () => void, Record<string, string>, unknown, boolean]>)('%s', async (_what, caller, handler, params, body, ok) => {
    const got = await allowed(caller, handler, params, body);
    if (ok) expect(got).toBe(true);
    else expect(got).toMatch(/^forbidden: this action needs the admin role/);
  });

  it.each([
    [{ role: 'admin' }, 'role'],
    [{ role: null }, 'role'],
    [{ timeZone: 'UTC', email: 'me@example.com' }, 'email'],
  ])('my own %j: only an admin may change %s', async (body, field) => {
    expect(await allowed({ session: 'responder', userId: ME }, updateUser, { id: ME }, body)).toBe(`forbidden: only an admin may change ${field}`);
  });

  it('property: a session passes exactly when it is an admin, or is of at least responder and its user is the one named', async () => {
    const role = fc.constantFrom<ApiKeyRole>('read-only', 'responder', 'admin');
    await fc.assert(
      fc.asyncProperty(role, fc.uuid(), fc.uuid(), fc.boolean(), fc.boolean(), async (r, userId, otherId, same, capitals) => {
        const named = same ? userId : otherId;
        const got = await allowed({ session: r, userId }, addRule, { id: capitals ? named.toUpperCase() : named });
        const want = r === 'admin' || (r === 'responder' && named.toLowerCase() === userId.toLowerCase());
        expect(got === true).toBe(want);
        // A key of any role below admin never passes: it is nobody's own.
        expect((await allowed({ key: r }, addRule, { id: named })) === true).toBe(r === 'admin');
      }),
      { numRuns: 200 },
    );
  });
});
