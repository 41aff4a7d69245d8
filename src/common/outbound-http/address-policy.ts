/**
 * Which addresses an outgoing webhook may reach (docs/webhooks.md, "Private
 * addresses"). Pure: no DNS, no sockets. A URL's host is first read the way
 * the WHATWG URL parser (and so every HTTP client) reads it, which turns the
 * other spellings of an IPv4 address (`127.1`, `0x7f000001`, `2130706433`,
 * `0177.0.0.1`) into the dotted form; the address, or each address its name
 * resolves to, is then classified here.
 */

/** Why an address is refused; null when it is public. */
export type BlockedReason = 'loopback' | 'private' | 'link-local' | 'unspecified' | 'metadata' | 'reserved' | 'multicast';

type V4Range = readonly [base: number, bits: number, reason: BlockedReason];

const v4 = (a: number, b: number, c: number, d: number) => ((a << 24) >>> 0) + (b << 16) + (c << 8) + d;

/** Most specific first: the metadata address is also link-local. */
const V4_BLOCKED: readonly V4Range[] = [
  [v4(169, 254, 169, 254), 32, 'metadata'],
  [v4(100, 100, 100, 200), 32, 'metadata'],
  [v4(0, 0, 0, 0), 32, 'unspecified'],
  [v4(0, 0, 0, 0), 8, 'reserved'],
  [v4(10, 0, 0, 0), 8, 'private'],
  [v4(100, 64, 0, 0), 10, 'private'],
  [v4(127, 0, 0, 0), 8, 'loopback'],
  [v4(169, 254, 0, 0), 16, 'link-local'],
  [v4(172, 16, 0, 0), 12, 'private'],
  [v4(192, 0, 0, 0), 24, 'reserved'],
  [v4(192, 0, 2, 0), 24, 'reserved'],
  [v4(192, 88, 99, 0), 24, 'reserved'],
  [v4(192, 168, 0, 0), 16, 'private'],
  [v4(198, 18, 0, 0), 15, 'reserved'],
  [v4(198, 51, 100, 0), 24, 'reserved'],
  [v4(203, 0, 113, 0), 24, 'reserved'],
  [v4(224, 0, 0, 0), 4, 'multicast'],
  [v4(240, 0, 0, 0), 4, 'reserved'],
];

/** An IPv4 address in dotted decimal (exactly four parts, 0-255), as a number; null otherwise. */
export function parseIPv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return null;
    n = n * 256 + Number(p);
  }
  return n;
}

/** An IPv6 address (with or without brackets, an embedded IPv4 tail allowed) as 8 groups; null otherwise. */
export function parseIPv6(text: string): number[] | null {
  let s = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  if (s.includes('%')) s = s.slice(0, s.indexOf('%')); // a zone id names an interface, not an address
  if (!/^[0-9a-f:.]+$/i.test(s) || !s.includes(':')) return null;
  const lastColon = s.lastIndexOf(':');
  const tail = s.slice(lastColon + 1);
  if (tail.includes('.')) {
    const four = parseIPv4(tail);
    if (four === null) return null;
    s = `${s.slice(0, lastColon + 1)}${(four >>> 16).toString(16)}:${(four & 0xffff).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const groups = (h: string) => (h === '' ? [] : h.split(':'));
  const head = groups(halves[0]);
  const rest = halves.length === 2 ? groups(halves[1]) : [];
  if (halves.length === 1 && head.length !== 8) return null;
  if (halves.length === 2 && head.length + rest.length > 7) return null;
  const out: number[] = [];
  for (const g of [...head, ...Array<string>(8 - head.length - rest.length).fill('0'), ...rest]) {
    if (!/^[0-9a-f]{1,4}$/i.test(g)) return null;
    out.push(parseInt(g, 16));
  }
  return out;
}

function classifyV4(n: number): BlockedReason | null {
  for (const [base, bits, reason] of V4_BLOCKED) {
    const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
    if (((n & mask) >>> 0) === base) return reason;
  }
  if (n === 0xffffffff) return 'reserved';
  return null;
}

function classifyV6(g: number[]): BlockedReason | null {
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  const embedded = () => ((g[6] << 16) >>> 0) + g[7];
  if (zeros(0, 8)) return 'unspecified';
  if (zeros(0, 7) && g[7] === 1) return 'loopback';
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), IPv4-translated (::ffff:0:a.b.c.d), NAT64 (64:ff9b::a.b.c.d).
  if (zeros(0, 5) && g[5] === 0xffff) return classifyV4(embedded());
  if (zeros(0, 6)) return classifyV4(embedded());
  if (zeros(0, 4) && g[4] === 0xffff && g[5] === 0) return classifyV4(embedded());
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return classifyV4(embedded());
  // 6to4 (2002:a.b.c.d::/48) carries an IPv4 address in groups 1-2.
  if (g[0] === 0x2002) return classifyV4(((g[1] << 16) >>> 0) + g[2]);
  if (g[0] === 0xfd00 && g[1] === 0x0ec2 && zeros(2, 7) && g[7] === 0x254) return 'metadata';
  if ((g[0] & 0xfe00) === 0xfc00) return 'private';
  if ((g[0] & 0xffc0) === 0xfe80) return 'link-local';
  if ((g[0] & 0xffc0) === 0xfec0) return 'private';
  if ((g[0] & 0xff00) === 0xff00) return 'multicast';
  if (g[0] === 0x2001 && g[1] === 0x0db8) return 'reserved';
  if (g[0] === 0x0100 && zeros(1, 4)) return 'reserved'; // discard prefix 100::/64
  return null;
}

/** Why this IP address (v4 dotted or v6) may not be reached, or null when it is public. A non-address is refused. */
export function blockedReason(address: string): BlockedReason | null {
  const four = parseIPv4(address);
  if (four !== null) return classifyV4(four);
  const six = parseIPv6(address);
  if (six !== null) return classifyV6(six);
  return 'reserved';
}

/** The IP address a URL's host names literally (in the parser's normal form), or null for a DNS name. */
function literalAddress(hostname: string): string | null {
  if (hostname.startsWith('[')) return hostname.slice(1, -1);
  return parseIPv4(hostname) !== null ? hostname : null;
}

export type UrlCheck =
  | { ok: true; url: URL; hostname: string; literal: string | null }
  | { ok: false; reason: string };

/**
 * The URL-level rules, before any DNS: http or https, no user info, and, when
 * the host is an address however spelled, an address that may be reached
 * (unless `allowPrivate`). A DNS name is checked again after resolution.
 */
export function checkWebhookUrl(text: string, allowPrivate: boolean): UrlCheck {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: 'is not a URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: 'must be an http:// or https:// URL' };
  if (url.username || url.password) return { ok: false, reason: 'must not carry a user name or password' };
  if (!url.hostname) return { ok: false, reason: 'has no host' };
  const literal = literalAddress(url.hostname);
  if (literal !== null && !allowPrivate) {
    const reason = blockedReason(literal);
    if (reason) return { ok: false, reason: `points at a ${reason} address (${literal}); set KLAXON_WEBHOOK_ALLOW_PRIVATE=true to allow it` };
  }
  if (literal === null && !allowPrivate && /^localhost$|\.localhost$/i.test(url.hostname.replace(/\.$/, ''))) {
    return { ok: false, reason: 'points at a loopback address (localhost); set KLAXON_WEBHOOK_ALLOW_PRIVATE=true to allow it' };
  }
  return { ok: true, url, hostname: url.hostname, literal };
}
