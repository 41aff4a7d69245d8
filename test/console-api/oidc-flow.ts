import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

/** The test's OpenID Connect provider: a real `oidc-provider` in a child process. */
export class OidcProviderProcess {
  private child: ChildProcess | null = null;
  constructor(private readonly options: { port: number; clients: object[]; accounts: Record<string, { email: string; name: string; email_verified?: boolean }> }) {}

  get issuer(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  async start(): Promise<void> {
    const script = path.join(__dirname, '../fakes/oidc-provider.server.mjs');
    const child = spawn(process.execPath, ['--no-warnings', script, JSON.stringify(this.options)], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`oidc-provider did not start:\n${output}`)), 30_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('ready ')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`oidc-provider exited with ${code}:\n${output}`));
      });
    });
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  }
}

/** A browser's cookies, per host, enough for the sign-in dance (no domains, no expiry bookkeeping). */
class CookieJar {
  private readonly byHost = new Map<string, Map<string, string>>();

  take(url: URL, res: Response): void {
    const jar = this.byHost.get(url.host) ?? new Map<string, string>();
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const gone = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (gone) jar.delete(name);
      else jar.set(name, value);
    }
    this.byHost.set(url.host, jar);
  }

  header(url: URL): string {
    return [...(this.byHost.get(url.host) ?? new Map()).entries()].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  get(host: string, name: string): string | undefined {
    return this.byHost.get(host)?.get(name);
  }
}

export interface DanceResult {
  /** The last response: Klaxon's answer to the callback once it no longer redirects to the provider. */
  final: Response;
  finalUrl: URL;
  /** Every URL visited, in order. */
  visited: string[];
  jar: CookieJar;
}

/**
 * Drives a browser through a sign-in: follows redirects by hand, keeps
 * cookies per host, and submits the provider's login form (as `login`) and
 * consent form. Stops at the first answer from `stopOrigin` that is not a
 * redirect to the provider, or at a redirect back into `stopOrigin` after the callback.
 */
export async function signInDance(start: string, login: string, stopOrigin: string): Promise<DanceResult> {
  const jar = new CookieJar();
  const visited: string[] = [];
  let url = new URL(start);
  let method = 'GET';
  let body: string | undefined;
  for (let step = 0; step < 20; step++) {
    visited.push(`${method} ${url.href}`);
    const res = await fetch(url, {
      method,
      redirect: 'manual',
      headers: { cookie: jar.header(url), accept: 'text/html', ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body,
    });
    jar.take(url, res);
    const location = res.headers.get('location');
    const afterCallback = url.origin === stopOrigin && url.pathname === '/auth/oidc/callback';
    if (res.status >= 300 && res.status < 400 && location) {
      const next = new URL(location, url);
      if (afterCallback) return { final: res, finalUrl: url, visited, jar };
      url = next;
      method = 'GET';
      body = undefined;
      continue;
    }
    if (url.origin === stopOrigin) return { final: res, finalUrl: url, visited, jar };
    // A page of the provider: its one form (login, then consent).
    const html = await res.text();
    const form = /<form[^>]*action="([^"]+)"[^>]*method="post"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
    if (!form) throw new Error(`no form on ${url.href} (${res.status}):\n${html.slice(0, 500)}`);
    const fields = new URLSearchParams();
    for (const input of form[2].matchAll(/<input([^>]*)>/gi)) {
      const name = /name="([^"]+)"/.exec(input[1])?.[1];
      if (!name) continue;
      const value = /value="([^"]*)"/.exec(input[1])?.[1] ?? '';
      fields.set(name, name === 'login' ? login : name === 'password' ? 'any password' : value);
    }
    url = new URL(form[1], url);
    method = 'POST';
    body = fields.toString();
  }
  throw new Error(`sign-in did not finish:\n${visited.join('\n')}`);
}
