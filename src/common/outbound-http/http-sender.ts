import { lookup as dnsLookup } from 'node:dns/promises';
import * as http from 'node:http';
import * as https from 'node:https';
import type { LookupFunction } from 'node:net';
import { blockedReason, checkWebhookUrl } from './address-policy';

/** What a name resolves to; injectable so tests can map public-looking names to local receivers. */
export type Resolver = (hostname: string) => Promise<{ address: string; family: number }[]>;

export const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** The first bytes of a response body kept for the deliveries list. */
const RESPONSE_PREFIX_BYTES = 1024;

export interface PostResult {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The first 1 KB of the body, as UTF-8 text. */
  bodyPrefix: string;
  durationMs: number;
}

/** Why no response came back: `refused` (the address policy said no) is permanent, the others are worth a retry. */
export class SendError extends Error {
  constructor(
    readonly kind: 'timeout' | 'network' | 'refused',
    message: string,
    readonly durationMs: number,
  ) {
    super(message);
  }
}

export interface PostOptions {
  timeoutMs: number;
  /** Extra request headers (Content-Type is always application/json). */
  headers?: Record<string, string>;
  /** KLAXON_WEBHOOK_ALLOW_PRIVATE: reach loopback, private and link-local addresses too. */
  allowPrivate: boolean;
  resolve?: Resolver;
  /** For durationMs; the system's monotonic clock by default. */
  elapsed?: () => number;
}

/**
 * POSTs JSON to a URL under the address policy (docs/webhooks.md, "Private
 * addresses"): the URL is checked, its name resolved once, every address it
 * resolves to checked, and the connection made to the checked address (the
 * socket's lookup returns it: no second resolution a rebinding DNS could
 * answer differently). Redirects are not followed: a 3xx is returned as it
 * is. The whole exchange is bounded by `timeoutMs`.
 */
export async function postJson(url: string, body: unknown, options: PostOptions): Promise<PostResult> {
  const started = performance.now();
  const since = () => Math.round(performance.now() - started);
  const checked = checkWebhookUrl(url, options.allowPrivate);
  if (!checked.ok) throw new SendError('refused', `the URL ${checked.reason}`, 0);
  const target = await resolveChecked(checked.hostname, checked.literal, options, since);
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const lookup: LookupFunction = (_host, opts, cb) => {
    if ((opts as { all?: boolean }).all) (cb as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [target]);
    else cb(null, target.address, target.family);
  };
  const client = checked.url.protocol === 'https:' ? https : http;
  return new Promise<PostResult>((resolve, reject) => {
    const req = client.request(
      checked.url,
      {
        method: 'POST',
        agent: false,
        lookup,
        headers: { ...options.headers, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(raw) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        const finish = () => {
          clearTimeout(timer);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            bodyPrefix: Buffer.concat(chunks).subarray(0, RESPONSE_PREFIX_BYTES).toString('utf8'),
            durationMs: since(),
          });
        };
        res.on('data', (chunk: Buffer) => {
          if (kept < RESPONSE_PREFIX_BYTES) {
            chunks.push(chunk);
            kept += chunk.length;
          }
          // Enough kept: the rest of a large answer is not read.
          if (kept >= RESPONSE_PREFIX_BYTES) {
            res.destroy();
            finish();
          }
        });
        res.on('end', finish);
        res.on('error', () => finish());
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      reject(new SendError('timeout', `no response within ${options.timeoutMs} ms`, since()));
    }, options.timeoutMs);
    req.on('error', (e) => {
      clearTimeout(timer);
      reject(new SendError('network', e.message, since()));
    });
    req.end(raw);
  });
}

async function resolveChecked(
  hostname: string,
  literal: string | null,
  options: PostOptions,
  since: () => number,
): Promise<{ address: string; family: number }> {
  if (literal !== null) return { address: literal, family: literal.includes(':') ? 6 : 4 };
  let answers: { address: string; family: number }[];
  try {
    answers = await (options.resolve ?? systemResolver)(hostname.replace(/\.$/, ''));
  } catch (e) {
    throw new SendError('network', `could not resolve ${hostname}: ${(e as Error).message}`, since());
  }
  if (!answers.length) throw new SendError('network', `${hostname} resolves to no address`, since());
  if (!options.allowPrivate) {
    // Every answer is checked: a name that also resolves to a private address is refused, whichever the client would pick.
    for (const a of answers) {
      const reason = blockedReason(a.address);
      if (reason) throw new SendError('refused', `${hostname} resolves to a ${reason} address (${a.address})`, since());
    }
  }
  return answers[0];
}
