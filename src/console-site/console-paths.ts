import { posix } from 'node:path';

/**
 * The first path segments that belong to the API, the webhooks and the
 * probes. The console's single-page fallback never answers under them, in any
 * letter case or encoding, so an API spelling that does not route can never
 * get a 200 with the console's page (docs/console.md).
 */
export const NON_CONSOLE_PREFIXES: ReadonlySet<string> = new Set([
  'api',
  'v2',
  'integrations',
  'heartbeats',
  'slack',
  'twilio',
  'actions',
  'docs',
  'metrics',
  'healthz',
  'readyz',
]);

/**
 * A request path as the console sees it: percent-decoded, backslashes as
 * slashes, dot segments resolved, without its query. Null when it does not
 * decode (the caller answers 404).
 */
export function normaliseConsolePath(url: string): string | null {
  const raw = url.split('?')[0].split('#')[0];
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  return posix.normalize(`/${decoded.replace(/\\/g, '/')}`);
}

/** Whether a normalised path is under one of the API's prefixes, compared without letter case and without `;params`. */
export function isNonConsolePath(path: string): boolean {
  const first = path.split('/').find((s) => s.length > 0);
  if (first === undefined) return false;
  return NON_CONSOLE_PREFIXES.has(first.split(';')[0].trim().toLowerCase());
}

/** Whether an Accept header asks for HTML explicitly (a browser navigating), not merely anything. */
export function acceptsHtml(accept: string | string[] | undefined): boolean {
  const text = Array.isArray(accept) ? accept.join(',') : (accept ?? '');
  return text
    .split(',')
    .map((part) => part.split(';'))
    .some(([type, ...params]) => type.trim().toLowerCase() === 'text/html' && !params.some((p) => /^\s*q\s*=\s*0(\.0*)?\s*$/i.test(p)));
}
