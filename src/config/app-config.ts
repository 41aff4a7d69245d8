import { configProblems } from './config.rules';
import { envSchema, Env, SECRET_ENV_NAMES } from './config.schema';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** The validated configuration, injected as APP_CONFIG. */
export interface AppConfig extends Env {
  /** The database URL actually used (DATABASE_URL, or the embedded server's). */
  databaseUrl: string;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/**
 * Validates the environment; throws ConfigError naming each bad variable, or
 * each missing one that a channel configured in part needs (config.rules.ts).
 */
export function parseEnv(env: NodeJS.ProcessEnv): Env {
  const cleaned: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== '') cleaned[k] = v;
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    );
  }
  const problems = configProblems(result.data);
  if (problems.length) throw new ConfigError(problems);
  return result.data;
}

/** A copy of the config with every secret masked, safe to log. */
export function maskedConfig(config: Partial<AppConfig>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...config };
  for (const name of SECRET_ENV_NAMES) if (out[name] !== undefined) out[name] = '***';
  if (out.databaseUrl !== undefined) out.databaseUrl = maskUrl(String(out.databaseUrl));
  return out;
}

export function maskUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '***';
  }
}
