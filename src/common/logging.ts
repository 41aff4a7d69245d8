import type { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { IncomingMessage } from 'node:http';
import type { AppConfig } from '../config/app-config';

/**
 * Path segments that are credentials (integration keys, heartbeat keys, email
 * action tokens, SMS short-link tokens) are masked before a URL reaches a log line.
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
    if (/token|key|secret|signature/i.test(key)) params.set(key, '***');
  }
  return `${masked}?${params.toString()}`;
}

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
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
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
  };
  return { pinoHttp: stream ? [options, stream] : options };
}
