import type { LoggerService } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { IncomingMessage } from 'node:http';
import type { AppConfig } from '../config/app-config';

/**
 * Path segments that are credentials (integration keys, heartbeat keys, email
 * action tokens, SMS short-link tokens), and query parameters that are (tokens,
 * keys, an OpenID Connect callback's code and state), are masked before a URL
 * reaches a log line.
 */
export function redactUrl(url: string): string {
  const [path, query] = url.split('?', 2);
  const masked = path
    .replace(/^\/integrations\/[^/]+/, '/integrations/***')
    .replace(/^\/heartbeats\/[^/]+/, '/heartbeats/***')
    .replace(/^\/actions\/[^/]+/, '/actions/***')
    .replace(/^\/i\/[^/]+/, '/i/***');
  if (!query) return masked;
  const params = new URLSearchParams(query);
  for (const key of [...params.keys()]) {
    // `code` and `state`: an OpenID Connect callback's authorization code and its state.
    if (/token|key|secret|signature/i.test(key) || key === 'code' || key === 'state') params.set(key, '***');
  }
  return `${masked}?${params.toString()}`;
}

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'req.headers["x-twilio-signature"]',
  'req.headers["x-slack-signature"]',
  'req.headers["x-grafana-alerting-signature"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.authToken',
  '*.token',
  '*.key',
  '*.routing_key',
];

/**
 * Nest's own start-up lines (modules initialised, each of the ~260 routes
 * mapped, "application successfully started") describe the framework, not the
 * product: they are written at debug. Klaxon's start summary is one line.
 */
const FRAMEWORK_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestApplication']);

/** `logger` with Nest's framework `log` lines moved to debug; every other call passes through. */
export function withFrameworkAtDebug(logger: LoggerService): LoggerService {
  const isFramework = (params: unknown[]) => params.length > 0 && FRAMEWORK_CONTEXTS.has(params[params.length - 1] as string);
  return {
    log: (message: unknown, ...params: unknown[]) => (isFramework(params) ? logger.debug?.(message, ...params) : logger.log(message, ...params)),
    error: (message: unknown, ...params: unknown[]) => logger.error(message, ...params),
    warn: (message: unknown, ...params: unknown[]) => logger.warn(message, ...params),
    debug: (message: unknown, ...params: unknown[]) => logger.debug?.(message, ...params),
    verbose: (message: unknown, ...params: unknown[]) => logger.verbose?.(message, ...params),
    fatal: (message: unknown, ...params: unknown[]) => logger.fatal?.(message, ...params),
  };
}

/**
 * The beginning of a credential (an integration, routing or heartbeat key)
 * for a log line: enough to tell which integration a sender uses, never enough
 * to use it. At most 6 characters, and at most a quarter of the key.
 */
export function keyPrefix(key: unknown): string | null {
  if (typeof key !== 'string' || key.length === 0) return null;
  return `${key.slice(0, Math.min(6, Math.floor(key.length / 4)))}…`;
}

/**
 * Webhook traffic runs at thousands of requests a second: its request lines
 * are debug (a refusal has its own warn line, IngestExceptionFilter; an error
 * stays an error). Other requests are logged at info, 4xx at warn.
 */
const WEBHOOK_PATH = /^\/(v2\/enqueue|v2\/alerts|integrations\/|heartbeats\/)/;

/** `stream`: where log lines go (stdout when absent); tests pass one to read what was logged. */
export function loggerParams(config: Pick<AppConfig, 'LOG_LEVEL'>, stream?: DestinationStream): Params {
  const options: NonNullable<Exclude<Params['pinoHttp'], unknown[]>> = {
    level: config.LOG_LEVEL,
    redact: { paths: REDACT_PATHS, censor: '***' },
    // Health probes and scrapes would drown everything else.
    autoLogging: { ignore: (req: IncomingMessage) => /^\/(healthz|readyz|metrics)\b/.test(req.url ?? '') },
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: redactUrl(req.url),
      }),
    },
    customLogLevel: (req, res, err) => {
      if (err || res.statusCode >= 500) return 'error';
      if (WEBHOOK_PATH.test(req.url ?? '')) return 'debug';
      return res.statusCode >= 400 ? 'warn' : 'info';
    },
  };
  return { pinoHttp: stream ? [options, stream] : options };
}
