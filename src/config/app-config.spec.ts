import { ConfigError, maskedConfig, parseEnv } from './app-config';
import { configWarnings } from './config.rules';
import { startSummary } from './start-summary';

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

describe('channels configured in part', () => {
  const twilio = { TWILIO_ACCOUNT_SID: 'AC0123', TWILIO_AUTH_TOKEN: 'token-0123', TWILIO_FROM: '+14155550000' };
  const problemsOf = (env: Record<string, string>): string[] => {
    try {
      parseEnv(env);
      return [];
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      return e.problems;
    }
  };

  it('refuses Twilio with a SID but no auth token, naming what is missing', () => {
    const problems = problemsOf({ ...twilio, TWILIO_AUTH_TOKEN: '' });
    expect(problems).toEqual([expect.stringMatching(/^TWILIO_AUTH_TOKEN: required when TWILIO_ACCOUNT_SID and TWILIO_FROM are set/)]);
  });

  it('refuses Twilio with a SID but no TWILIO_FROM', () => {
    expect(problemsOf({ ...twilio, TWILIO_FROM: '' })).toEqual([expect.stringMatching(/^TWILIO_FROM: required when/)]);
  });

  it('refuses a Twilio token without a SID', () => {
    expect(problemsOf({ TWILIO_AUTH_TOKEN: 'token-0123' })).toEqual([
      expect.stringMatching(/^TWILIO_ACCOUNT_SID: required when TWILIO_AUTH_TOKEN is set/),
      expect.stringMatching(/^TWILIO_FROM: required when TWILIO_AUTH_TOKEN is set/),
    ]);
  });

  it('refuses SMTP_URL without SMTP_FROM, and the other way round', () => {
    expect(problemsOf({ SMTP_URL: 'smtp://mail.example.com:587' })).toEqual([expect.stringMatching(/^SMTP_FROM: required when SMTP_URL is set/)]);
    expect(problemsOf({ SMTP_FROM: 'klaxon@example.com' })).toEqual([expect.stringMatching(/^SMTP_URL: required when SMTP_FROM is set/)]);
  });

  it('checks the channel rules once every value is valid, and reports them all at once', () => {
    const problems = problemsOf({ PORT: 'eighty', SMTP_URL: 'smtp://mail.example.com' });
    // A bad value stops validation first: the cross-variable rules run on a valid environment.
    expect(problems).toEqual([expect.stringMatching(/^PORT: /)]);
    expect(problemsOf({ SMTP_URL: 'smtp://mail.example.com', ...twilio, TWILIO_FROM: '' })).toHaveLength(2);
  });

  it('accepts complete channels, and none', () => {
    expect(problemsOf({})).toEqual([]);
    expect(problemsOf({ ...twilio, SMTP_URL: 'smtp://mail.example.com', SMTP_FROM: 'klaxon@example.com', SLACK_BOT_TOKEN: 'xoxb-1' })).toEqual([]);
  });
});

describe('configWarnings', () => {
  const complete = { TWILIO_ACCOUNT_SID: 'AC0123', TWILIO_AUTH_TOKEN: 'token-0123', TWILIO_FROM: '+14155550000' };

  it('warns that Twilio without PUBLIC_URL refuses replies and skips calls', () => {
    const [warning, ...rest] = configWarnings(parseEnv(complete));
    expect(rest).toEqual([]);
    expect(warning).toMatch(/^PUBLIC_URL is not set: SMS pages go out/);
    expect(warning).toContain('voice pages are skipped');
    expect(warning).toContain('SMS replies are refused');
    expect(configWarnings(parseEnv({ ...complete, PUBLIC_URL: 'https://klaxon.example.com' }))).toEqual([]);
  });

  it('warns that Slack without a signing secret refuses buttons and /oncall', () => {
    expect(configWarnings(parseEnv({ SLACK_BOT_TOKEN: 'xoxb-1' }))).toEqual([
      'SLACK_SIGNING_SECRET is not set: Slack messages go out, but button presses and /oncall are refused (401)',
    ]);
    expect(configWarnings(parseEnv({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret' }))).toEqual([]);
  });

  it('says nothing about channels that are not configured', () => {
    expect(configWarnings(parseEnv({}))).toEqual([]);
  });
});

describe('startSummary', () => {
  it('names the embedded data directory', () => {
    const summary = startSummary(parseEnv({ KLAXON_DATA_DIR: '/var/lib/klaxon' }), 8080, ['sms']);
    expect(summary).toEqual({ port: 8080, role: 'all', database: { kind: 'embedded', dataDir: '/var/lib/klaxon' }, channels: ['sms'] });
  });

  it('names where the embedded server really keeps its data when that is elsewhere (a checkout the postgres user cannot reach)', () => {
    const summary = startSummary(parseEnv({ KLAXON_DATA_DIR: '/root/klaxon/.data' }), 8080, [], '/var/lib/klaxon/0123456789abcdef/pg');
    expect(summary.database).toEqual({ kind: 'embedded', dataDir: '/var/lib/klaxon/0123456789abcdef/pg' });
  });

  it('names an external host and database, never the password', () => {
    const env = parseEnv({ DATABASE_URL: 'postgres://klaxon:pw-SECRET@db.internal:5433/klaxon_prod', KLAXON_ROLE: 'worker' });
    const summary = startSummary(env, 0, []);
    expect(summary).toEqual({ port: 0, role: 'worker', database: { kind: 'external', host: 'db.internal:5433', database: 'klaxon_prod' }, channels: [] });
    expect(JSON.stringify(summary)).not.toContain('SECRET');
  });
});
