import { z } from 'zod';

/**
 * Every environment variable Klaxon reads, validated at boot. A bad value stops
 * the process with a message naming each bad variable (see loadConfig).
 */
const optionalUrl = z.string().url().optional();
const optionalString = z.string().min(1).optional();
const intFrom = (min: number, def: number) => z.coerce.number().int().min(min).default(def);

export const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL').optional(),
  DATABASE_POOL_SIZE: intFrom(1, 10),
  KLAXON_DATA_DIR: z.string().default('./.data'),
  /** `api` and `worker` are separate processes in production; `all` runs both in one (small installs, development). */
  KLAXON_ROLE: z.enum(['all', 'api', 'worker']).default('all'),
  KLAXON_ADMIN_API_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  KLAXON_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  PUBLIC_URL: optionalUrl,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KLAXON_SAFETY_POLL_MS: intFrom(50, 1000),
  /** How long a claimed page may stay `sending` before another worker retries it (a worker that died). */
  KLAXON_CLAIM_TIMEOUT_MS: intFrom(1000, 120_000),
  KLAXON_INGEST_RATE_LIMIT_PER_MINUTE: intFrom(0, 0),

  TWILIO_ACCOUNT_SID: optionalString,
  TWILIO_AUTH_TOKEN: optionalString,
  TWILIO_FROM: optionalString,
  TWILIO_API_URL: optionalUrl,
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
  SMTP_FROM: optionalString,
  SLACK_BOT_TOKEN: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_API_URL: optionalUrl,
  KLAXON_SMS_RATE_LIMIT_PER_MINUTE: intFrom(1, 5),
  /** How long an email acknowledge/resolve link stays valid. */
  KLAXON_ACTION_LINK_TTL_HOURS: intFrom(1, 24),
  /** Help texts answered to one number's unknown SMS replies until it sends a valid one. */
  KLAXON_SMS_HELP_REPLY_LIMIT: intFrom(0, 5),

  /** Retention, in days (0 keeps rows forever); docs/operations.md says what each counts from. */
  KLAXON_RETENTION_INCIDENT_DAYS: intFrom(0, 365),
  KLAXON_RETENTION_AUDIT_DAYS: intFrom(0, 400),
  KLAXON_RETENTION_ACTION_TOKEN_DAYS: intFrom(0, 7),
  KLAXON_RETENTION_SMS_HELP_REPLY_DAYS: intFrom(0, 30),
  KLAXON_RETENTION_SLACK_RECEIPT_DAYS: intFrom(0, 1),
  KLAXON_RETENTION_TWILIO_RECEIPT_DAYS: intFrom(0, 400),
  KLAXON_RETENTION_OPSGENIE_REQUEST_DAYS: intFrom(0, 7),
  /** The web console (docs/console.md): how long a session lasts without use (each use renews it). */
  KLAXON_SESSION_HOURS: intFrom(1, 12),
  /** Where the built console is served from; by default console/dist of the installation. */
  KLAXON_CONSOLE_DIR: optionalString,
  /** OpenID Connect sign-in: on when the issuer and client id are set. */
  OIDC_ISSUER_URL: optionalUrl,
  OIDC_CLIENT_ID: optionalString,
  /** Confidential clients only; a public client signs in with PKCE alone. */
  OIDC_CLIENT_SECRET: optionalString,
  /** Create a Klaxon user (role responder) for a signed-in email that matches none. */
  OIDC_AUTO_CREATE_USERS: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),

  /** Minutes between two cleanup runs (a run that leaves work goes on at once). */
  KLAXON_CLEANUP_INTERVAL_MINUTES: intFrom(1, 10),
});

export type Env = z.infer<typeof envSchema>;

/** Names whose values are secrets: never logged, masked in config dumps. */
export const SECRET_ENV_NAMES = [
  'DATABASE_URL',
  'KLAXON_ADMIN_API_KEY',
  'KLAXON_SECRET',
  'TWILIO_AUTH_TOKEN',
  'SMTP_URL',
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'OIDC_CLIENT_SECRET',
] as const;
