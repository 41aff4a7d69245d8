import request from 'supertest';
import type { TestApp } from '../support/test-app';

/** A signed-in console browser: its cookie and CSRF token, and supertest calls that send them. */
export interface ConsoleBrowser {
  cookie: string;
  csrfToken: string;
  get(url: string): request.Test;
  /** A write with the CSRF token (unless `csrf` is false). */
  write(method: 'post' | 'put' | 'patch' | 'delete', url: string, body?: object, csrf?: boolean): request.Test;
}

/** The `name=value` of the session cookie in a response's Set-Cookie, or null. */
export function sessionCookieOf(res: request.Response): string | null {
  const raw = res.headers['set-cookie'] as unknown as string[] | undefined;
  const found = (raw ?? []).find((c) => c.startsWith('klaxon_session='));
  return found ? found.split(';')[0] : null;
}

export function browserFor(t: TestApp, cookie: string, csrfToken: string): ConsoleBrowser {
  const server = t.app.getHttpServer();
  return {
    cookie,
    csrfToken,
    get: (url) => request(server).get(url).set('Cookie', cookie),
    write: (method, url, body, csrf = true) => {
      let req = request(server)[method](url).set('Cookie', cookie);
      if (csrf) req = req.set('X-CSRF-Token', csrfToken);
      return body === undefined ? req : req.send(body);
    },
  };
}

/** Signs in with an API key (the admin key of the test app unless told). */
export async function signInWithKey(t: TestApp, key = t.keys.admin): Promise<ConsoleBrowser> {
  const res = await t.http().post('/api/v1/session/api-key').send({ key }).expect(201);
  const cookie = sessionCookieOf(res);
  if (!cookie) throw new Error('no session cookie');
  return browserFor(t, cookie, (res.body as { csrfToken: string }).csrfToken);
}
