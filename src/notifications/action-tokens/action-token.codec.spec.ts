import { type ActionTokenClaims, signActionToken, verifyActionToken } from './action-token.codec';

const claims: ActionTokenClaims = {
  tokenId: '5d7c1f0e-8a3b-4c1d-9e2f-0a1b2c3d4e5f',
  incidentId: '0b0c0d0e-1111-2222-3333-444455556666',
  action: 'acknowledge',
  userId: 'a1a2a3a4-b1b2-c1c2-d1d2-e1e2e3e4e5e6',
  expiresAt: new Date('2026-03-03T09:00:00Z'),
};
const before = new Date('2026-03-02T09:00:00Z');

describe('action token codec', () => {
  it('round-trips the claims while unexpired', () => {
    const token = signActionToken('secret-one-0123456789', claims);
    expect(verifyActionToken('secret-one-0123456789', token, before)).toEqual({ ok: true, claims });
  });

  it('refuses a token signed with another secret, or with edited claims', () => {
    const token = signActionToken('secret-one-0123456789', claims);
    expect(verifyActionToken('secret-two-0123456789', token, before)).toEqual({ ok: false, reason: 'forged' });
    const [v, body, sig] = token.split('.');
    const edited = Buffer.from(Buffer.from(body, 'base64url').toString().replace('"ack"', '"res"')).toString('base64url');
    expect(verifyActionToken('secret-one-0123456789', `${v}.${edited}.${sig}`, before)).toEqual({ ok: false, reason: 'forged' });
  });

  it('refuses an expired token and garbage', () => {
    const token = signActionToken('secret-one-0123456789', claims);
    expect(verifyActionToken('secret-one-0123456789', token, claims.expiresAt)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyActionToken('secret-one-0123456789', 'nope', before)).toEqual({ ok: false, reason: 'malformed' });
  });
});
