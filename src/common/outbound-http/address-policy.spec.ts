import fc from 'fast-check';
import { maskCredentialUrl } from '../credential-redaction';
import { blockedReason, checkWebhookUrl, parseIPv6 } from './address-policy';

const maskUrl = (url: string) => maskCredentialUrl(url, '***');

describe('address policy', () => {
  it.each([
    ['http://127.1/hook', 'loopback'],
    ['http://0x7f000001/hook', 'loopback'],
    ['http://2130706433/hook', 'loopback'],
    ['http://0177.0.0.1/hook', 'loopback'],
    ['http://127.0.0.1:8080/hook', 'loopback'],
    ['http://[::1]/hook', 'loopback'],
    ['http://[::ffff:127.0.0.1]/hook', 'loopback'],
    ['http://[::ffff:7f00:1]/hook', 'loopback'],
    ['http://[0:0:0:0:0:ffff:169.254.169.254]/', 'metadata'],
    ['http://169.254.169.254/latest/meta-data', 'metadata'],
    ['http://[fd00:ec2::254]/', 'metadata'],
    ['http://0.0.0.0/', 'unspecified'],
    ['http://0/', 'unspecified'],
    ['http://[::]/', 'unspecified'],
    ['http://10.1.2.3/', 'private'],
    ['http://172.20.0.1/', 'private'],
    ['http://192.168.1.1/', 'private'],
    ['http://100.64.0.1/', 'private'],
    ['http://[fc00::1]/', 'private'],
    ['http://[fe80::1]/', 'link-local'],
    ['http://169.254.10.10/', 'link-local'],
    ['http://[64:ff9b::127.0.0.1]/', 'loopback'],
    ['http://[2002:7f00:1::]/', 'loopback'],
    ['http://224.0.0.1/', 'multicast'],
    ['http://localhost:3000/', 'loopback'],
    ['http://api.localhost/', 'loopback'],
  ])('refuses %s (%s) by default and allows it with allow-private', (url, reason) => {
    const refused = checkWebhookUrl(url, false);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.reason).toContain(reason);
    expect(checkWebhookUrl(url, true).ok).toBe(true);
  });

  it.each(['https://hooks.example.org/x', 'http://93.184.216.34/', 'https://[2606:4700::1111]/', 'http://8.8.8.8:8080/a?b=c'])('accepts %s', (url) => {
    expect(checkWebhookUrl(url, false).ok).toBe(true);
  });

  it.each([
    ['ftp://example.org/', 'http'],
    ['not a url', 'is not a URL'],
    ['https://user:pw@example.org/', 'user name'],
    ['javascript:alert(1)', 'http'],
  ])('refuses %s whatever the setting', (url, reason) => {
    const r = checkWebhookUrl(url, true);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });

  it('classifies resolved addresses, and refuses what is not an address', () => {
    expect(blockedReason('127.0.0.53')).toBe('loopback');
    expect(blockedReason('::ffff:10.0.0.1')).toBe('private');
    expect(blockedReason('1.1.1.1')).toBeNull();
    expect(blockedReason('2606:4700:4700::1111')).toBeNull();
    expect(blockedReason('not-an-ip')).toBe('reserved');
  });

  it('masks URLs to scheme and host', () => {
    expect(maskUrl('https://hooks.slack.com/services/T0/B0/secret?x=1')).toBe('https://hooks.slack.com/***');
    expect(maskUrl('nonsense')).toBe('***');
  });

  it('property: every spelling of a loopback IPv4 address the URL parser accepts is refused', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffff }), fc.constantFrom('dec', 'hex', 'dotted', 'mapped'), (low, spelling) => {
        const n = 0x7f000000 + low;
        const dotted = [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
        const host =
          spelling === 'dec' ? String(n) : spelling === 'hex' ? `0x${n.toString(16)}` : spelling === 'dotted' ? dotted : `[::ffff:${dotted}]`;
        expect(checkWebhookUrl(`http://${host}/`, false).ok).toBe(false);
      }),
    );
  });

  it('property: an IPv4-mapped IPv6 address is classified as its IPv4 address', () => {
    fc.assert(
      fc.property(fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)), (parts) => {
        const v4 = parts.join('.');
        expect(blockedReason(`::ffff:${v4}`)).toBe(blockedReason(v4));
      }),
    );
  });

  it('property: IPv6 text round-trips through the parser (8 groups of 16 bits)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(0xffff), { minLength: 8, maxLength: 8 }), (groups) => {
        expect(parseIPv6(groups.map((g) => g.toString(16)).join(':'))).toEqual(groups);
        expect(parseIPv6(`[${groups.map((g) => g.toString(16)).join(':')}]`)).toEqual(groups);
      }),
    );
  });
});
