import fc from 'fast-check';
import { createHmac } from 'node:crypto';
import { signatureHeader, verifySignatureHeader } from './signature';

describe('webhook signature', () => {
  it('is t=<seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">', () => {
    const body = '{"id":"e1"}';
    const expected = createHmac('sha256', 'whsec_x').update(`1700000000.${body}`).digest('hex');
    expect(signatureHeader('whsec_x', 1700000000, body)).toBe(`t=1700000000,v1=${expected}`);
  });

  it.each([
    ['another secret', 'whsec_y', '{"a":1}', 1700000000],
    ['another body', 'whsec_x', '{"a":2}', 1700000000],
    ['too old', 'whsec_x', '{"a":1}', 1700000000 + 301],
  ])('refuses %s', (_, secret, body, now) => {
    expect(verifySignatureHeader(secret, signatureHeader('whsec_x', 1700000000, '{"a":1}'), body, now)).toBe(false);
  });

  it('property: a header verifies with its secret and body only', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), fc.string(), fc.integer({ min: 0, max: 2 ** 31 }), (body, secret, other, t) => {
        const header = signatureHeader(secret, t, body);
        expect(verifySignatureHeader(secret, header, body, t)).toBe(true);
        if (other !== body) expect(verifySignatureHeader(secret, header, other, t)).toBe(false);
      }),
    );
  });
});
