import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { json, urlencoded } from 'express';
import type { NextFunction, Request, Response } from 'express';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Logger } from 'nestjs-pino';
import { rejectDeepBodies, rejectNulText, wellFormedText } from './common/body-guards';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { createValidationPipe } from './common/validation';
import { EventsV2Handler } from './ingest/events-v2.handler';
import { ingestErrorResponse } from './ingest/ingest-exception.filter';

export const API_BODY_LIMIT = '1mb';

const EVENTS_V2_OPENAPI = {
  post: {
    tags: ['webhooks'],
    summary: 'PagerDuty Events API v2 (drop-in): routing_key in the body is the credential',
    requestBody: {
      required: true,
      content: {
        'application/json': {
          schema: {
            type: 'object',
            required: ['routing_key', 'event_action'],
            properties: {
              routing_key: { type: 'string', minLength: 32, maxLength: 32 },
              event_action: { type: 'string', enum: ['trigger', 'acknowledge', 'resolve'] },
              dedup_key: { type: 'string', maxLength: 255 },
              payload: {
                type: 'object',
                properties: {
                  summary: { type: 'string', maxLength: 1024 },
                  source: { type: 'string' },
                  severity: { type: 'string', enum: ['critical', 'error', 'warning', 'info'] },
                },
              },
            },
          },
        },
      },
    },
    responses: {
      '202': { description: '{"status":"success","message":"Event processed","dedup_key":"..."} after the commit' },
      '400': { description: '{"status":"invalid event","message":"Event object is invalid","errors":[...]}' },
      '404': { description: 'unknown routing_key' },
      '413': { description: 'body over 512 KB' },
      '415': { description: 'not application/json' },
      '429': { description: 'integration rate limit (Retry-After)' },
    },
  },
};
export const WEBHOOK_BODY_LIMIT = '512kb';

/**
 * Puts `handle` in front of the HTTP server's request listener (Express): a
 * request it takes (returns true) never reaches Express; every other goes on
 * to Express untouched.
 */
function routeAheadOfExpress(server: Server, handle: (req: IncomingMessage, res: ServerResponse) => boolean): void {
  const listeners = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (handle(req, res)) return;
    for (const listener of listeners) listener.call(server, req, res);
  });
}

/** Keeps the exact bytes of a request body: signatures (Slack, Grafana, Twilio) are computed over them. */
function keepRawBody(req: Request & { rawBody?: Buffer }, _res: Response, buf: Buffer): void {
  req.rawBody = buf;
}

/**
 * Everything an app needs besides its modules; main.ts and the tests share it
 * so tests exercise the same pipeline as production.
 */
export function configureApp(app: INestApplication): void {
  app.useLogger(app.get(Logger));
  const http = app.getHttpAdapter().getInstance();
  http.disable('x-powered-by');
  http.set('trust proxy', true);

  // Webhooks: 512 KB; the management API: 1 MB. Raw bytes are kept for signature checks.
  const webhookPaths = ['/v2', '/integrations', '/heartbeats', '/slack', '/twilio'];
  app.use(webhookPaths, json({ limit: WEBHOOK_BODY_LIMIT, verify: keepRawBody, type: ['application/json', 'application/*+json'] }));
  app.use(webhookPaths, urlencoded({ limit: WEBHOOK_BODY_LIMIT, extended: false, verify: keepRawBody }));
  app.use(json({ limit: API_BODY_LIMIT }));
  // Before anything walks a body: refuse absurd nesting, make text storable.
  app.use(rejectDeepBodies);
  app.use(wellFormedText);
  app.use('/api/v1', rejectNulText);
  // The hot ingest route, ahead of the Nest pipeline (events-v2.handler.ts); its ordinary
  // requests never reach Express at all (the fast path below).
  const eventsV2 = app.get(EventsV2Handler);
  app.use('/v2/enqueue', eventsV2.route);
  routeAheadOfExpress(app.getHttpServer() as Server, eventsV2.fastPath);

  // body-parser errors (malformed JSON, too large) become the same error shape as everything else.
  const filter = new HttpExceptionFilter();
  // Webhooks answer in the {status, message, errors} shape their senders expect (PagerDuty's).
  const ingestPaths = /^\/(v2|integrations|heartbeats)\//;
  app.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
    if (!err) return next();
    const { status, body } = ingestPaths.test(req.path) ? ingestErrorResponse(err) : filter.toHttp(err);
    res.status(status).json(body);
  });

  app.useGlobalFilters(filter);
  app.useGlobalPipes(createValidationPipe());

  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Klaxon')
      .setDescription('Incident alerting and on-call scheduling. Every /api/v1 route needs `Authorization: Bearer <api key>`.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  // POST /v2/enqueue is a plain Express route (events-v2.handler.ts), so Nest cannot see it: describe it here.
  doc.paths['/v2/enqueue'] = EVENTS_V2_OPENAPI;
  SwaggerModule.setup('docs', app, doc, { jsonDocumentUrl: 'docs/openapi.json' });
}
