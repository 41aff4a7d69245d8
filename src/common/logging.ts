import type { LoggerService } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import pino, { DestinationStream } from 'pino';
import { pinoHttp, HttpLogger } from 'pino-http';
import type { IncomingMessage } from 'node:http';
import type { AppConfig } from '../config/app-config';
import { deferRequestBindings } from './request-loggers';

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

/** The pino-http logger of createLoggers, for the hook that logs each request (app.setup.ts). */
export const REQUEST_LOGGER = Symbol('REQUEST_LOGGER');

/**
 * The process's loggers. `root` writes every line (its level, its redaction);
 * Nest's logger (nestjs-pino's) writes through it, and `requests` (pino-http)
 * writes each request's `request completed` line through a child of it.
 * nestjs-pino's own request middleware is bound to no route: it would run each
 * request inside an AsyncLocalStorage, which on Node 20 turns on async hooks
 * for every promise of the process (8-19 % of the API's CPU per webhook
 * request, docs/performance.md). So a line carries `req` when it is about a
 * request (its `request completed` line, a refusal, an unhandled error), not
 * because a request happened to be running; the request id is Fastify's, the
 * one the audit log records. `stream`: where lines go (stdout when absent);
 * tests pass one to read what was logged.
 */
export function createLoggers(config: Pick<AppConfig, 'LOG_LEVEL'>, stream?: DestinationStream): { nest: Params; requests: HttpLogger } {
  const options = { level: config.LOG_LEVEL, redact: { paths: REDACT_PATHS, censor: '***' } };
  const root = stream ? pino(options, stream) : pino(options);
  const requests = pinoHttp({
    logger: root,
    // Health probes and scrapes would drown everything else.
    autoLogging: { ignore: (req: IncomingMessage) => /^\/(healthz|readyz|metrics)\b/.test(req.url ?? '') },
    serializers: { req: requestFields },
    customLogLevel: (req, res, err) => {
      if (err || res.statusCode >= 500) return 'error';
      if (WEBHOOK_PATH.test(req.url ?? '')) return 'debug';
      return res.statusCode >= 400 ? 'warn' : 'info';
    },
  });
  deferRequestBindings(requests.logger);
  return { nest: { pinoHttp: { logger: root }, forRoutes: [] }, requests };
}

/** What a line says of a request: its id, method and URL with keys masked. */
export function requestFields(req: { id: unknown; method: string; url: string }): { id: unknown; method: string; url: string } {
  return { id: req.id, method: req.method, url: redactUrl(req.url) };
}
