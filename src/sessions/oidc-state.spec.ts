import fc from 'fast-check';
import { decodePending, encodePending, safeReturnTo } from './oidc-state';

describe('safeReturnTo', () => {
  it.each([
    ['/incidents/42', '/incidents/42'],
    ['/schedules?view=week#now', '/schedules?view=week#now'],
    ['/', '/'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example/', '/'],
    ['javascript:alert(1)', '/'],
    ['incidents', '/'],
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
    ['/a\nb', '/'],
    [undefined, '/'],
    [['/x'], '/'],
  ])('%p -> %p', (input, want) => {
    expect(safeReturnTo(input)).toBe(want);
  });

  it('never leaves the site, whatever the input', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = safeReturnTo(s);
        expect(out.startsWith('/')).toBe(true);
        expect(out.startsWith('//')).toBe(false);
        expect(new URL(out, 'http://klaxon.invalid').origin).toBe('http://klaxon.invalid');
      }),
    );
  });
});

describe('pending sign-in payload', () => {
  const p = { state: 's', nonce: 'n', verifier: 'v', returnTo: '/x', expiresAt: 1000 };
  it('round-trips before expiry, and is refused after it or when malformed', () => {
    expect(decodePending(encodePending(p), 999)).toEqual(p);
    expect(decodePending(encodePending(p), 1000)).toBeNull();
    expect(decodePending('not-json', 0)).toBeNull();
    expect(decodePending(encodePending({ ...p, state: '' }), 0)).toBeNull();
  });
});
