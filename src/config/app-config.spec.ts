import { ConfigError, maskedConfig, parseEnv } from './app-config';

describe('parseEnv', () => {
  it('applies defaults', () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(8080);
    expect(env.KLAXON_ROLE).toBe('all');
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('names every bad variable', () => {
    try {
      parseEnv({ PORT: 'eighty', KLAXON_ROLE: 'boss', DATABASE_URL: 'mysql://x' });
      throw new Error('expected a ConfigError');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const msg = (e as ConfigError).message;
      expect(msg).toContain('PORT');
      expect(msg).toContain('KLAXON_ROLE');
      expect(msg).toContain('DATABASE_URL');
    }
  });

  it('treats empty strings as unset', () => {
    expect(parseEnv({ PUBLIC_URL: '' }).PUBLIC_URL).toBeUndefined();
  });

  it('masks secrets', () => {
    const masked = maskedConfig({
      KLAXON_ADMIN_API_KEY: 'supersecretsupersecret',
      databaseUrl: 'postgres://u:pw@h/db',
      PORT: 1,
    });
    expect(JSON.stringify(masked)).not.toContain('supersecret');
    expect(JSON.stringify(masked)).not.toContain(':pw@');
    expect(masked.PORT).toBe(1);
  });
});
