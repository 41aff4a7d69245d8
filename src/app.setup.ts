import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Reflector } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import express, { json, urlencoded } from 'express';
import type { NextFunction, Request, Response } from 'express';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Logger } from 'nestjs-pino';
import { UNROUTED_ENTRY_POINTS } from './auth/unrouted-entry-points';
import { rejectDeepBodies, wellFormedText } from './common/body-guards';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { BodyInterceptor, deferBodyErrors, keepRawBody, MAX_BODY_BYTES } from './common/request-body';
import { createValidationPipe } from './common/validation';
import { EventsV2Handler } from './ingest/events-v2.handler';

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

/**
 * The HTTP adapter every app is built on. Routes match their exact spelling
 * (/API/v1/users is a 404, as under Fastify); Express reads the setting when it
 * creates its router, so it is set here, before Nest touches the instance.
 * (Authentication never depends on the spelling: the guard reads each
 * handler's decision.)
 */
export function createHttpAdapter(): ExpressAdapter {
  const instance = express();
  instance.set('case sensitive routing', true);
  return new ExpressAdapter(instance);
}

/**
 * Everything an app needs besides its modules; main.ts and the tests share it
 * so tests exercise the same pipeline as production.
 */
export function configureApp(app: INestApplication): void {
  app.useLogger(app.get(Logger));
  const http = app.getHttpAdapter().getInstance();
  if (!(http.router as { caseSensitive?: boolean }).caseSensitive) {
    throw new Error('configureApp: build the app on createHttpAdapter() (case-sensitive routing)');
  }
  http.disable('x-powered-by');
  http.set('trust proxy', true);

  // Every body is parsed once with the largest limit; a route's own limit and the answer to a
  // parser's error are decided by the route's metadata in the Nest pipeline (common/request-body.ts).
  // Raw bytes are kept for signature checks.
  const jsonTypes = ['application/json', 'application/*+json'];
  app.use(deferBodyErrors(json({ limit: MAX_BODY_BYTES, verify: keepRawBody, type: jsonTypes })));
  app.use(deferBodyErrors(urlencoded({ limit: MAX_BODY_BYTES, extended: false, verify: keepRawBody })));
  // Before anything walks a body: refuse absurd nesting, make text storable.
  app.use(deferBodyErrors(rejectDeepBodies));
  app.use(wellFormedText);
  app.useGlobalInterceptors(new BodyInterceptor(app.get(Reflector)));
  // The hot ingest route, ahead of the Nest pipeline (events-v2.handler.ts); its ordinary
  // requests never reach Express at all (the fast path below). Listed in UNROUTED_ENTRY_POINTS.
  const eventsV2 = app.get(EventsV2Handler);
  app.use(UNROUTED_ENTRY_POINTS.eventsV2.path, eventsV2.route);
  routeAheadOfExpress(app.getHttpServer() as Server, eventsV2.fastPath);

  // Anything that still fails inside Express gets the common error shape.
  const filter = new HttpExceptionFilter();
  app.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (!err) return next();
    const { status, body } = filter.toHttp(err);
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
  doc.paths[UNROUTED_ENTRY_POINTS.eventsV2.path] = EVENTS_V2_OPENAPI;
  SwaggerModule.setup(UNROUTED_ENTRY_POINTS.openApi.path.slice(1), app, doc, { jsonDocumentUrl: 'docs/openapi.json' });
}
