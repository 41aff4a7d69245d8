import fastifyStatic from '@fastify/static';
import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { Logger } from 'nestjs-pino';
import { UNROUTED_ENTRY_POINTS } from './auth/unrouted-entry-points';
import { registerBodyParsers } from './common/body-parsers';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { REQUEST_LOGGER, withFrameworkAtDebug } from './common/logging';
import type { HttpLogger } from 'pino-http';
import { createValidationPipe } from './common/validation';
import { BEARER_SCHEME } from './common/api-docs';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { consoleDirectory } from './console-site/console-site';

/** The longest path parameter routed: well above any key, id or signed token Klaxon issues. */
const MAX_PATH_PARAM_LENGTH = 4096;

/**
 * The HTTP adapter every app is built on: Fastify. Routes match their exact
 * spelling (/API/v1/users is a 404) and a trailing slash is another path
 * (/healthz/ is a 404); both are Fastify's defaults, set here so that nothing
 * changes them by accident. A path parameter may be as long as a signed
 * email-action token (Fastify's default cap is 100 characters, which answers
 * 414). X-Forwarded-* headers are trusted (PUBLIC_URL fallbacks). The body parsers are the app's own (configureApp), so Nest's
 * are off: build every app with `{ bodyParser: false }`. (Authentication never
 * depends on the spelling: the guard reads each handler's decision.)
 */
export function createHttpAdapter(): FastifyAdapter {
  return new FastifyAdapter({
    trustProxy: true,
    routerOptions: { caseSensitive: true, ignoreTrailingSlash: false, maxParamLength: MAX_PATH_PARAM_LENGTH },
  });
}

/**
 * Everything an app needs besides its modules; main.ts and the tests share it
 * so tests exercise the same pipeline as production. Call it before app.init().
 * Returns the OpenAPI document served at /docs, built on its first call.
 */
export function configureApp(app: INestApplication): { openApiDocument: () => OpenAPIObject } {
  app.useLogger(withFrameworkAtDebug(app.get(Logger)));
  const http = app.getHttpAdapter().getInstance() as FastifyInstance;
  if (!(app.getHttpAdapter() instanceof FastifyAdapter) || http.initialConfig.routerOptions?.caseSensitive === false) {
    throw new Error('configureApp: build the app on createHttpAdapter() (Fastify, case-sensitive routing)');
  }

  // Every body is parsed once with the largest limit; a route's own limit and the answer to a
  // parser's error are decided by the route's metadata in the Nest pipeline (BodyGuard,
  // common/request-body.ts, registered by the auth module after its guard). Raw bytes are kept
  // for signature checks.
  registerBodyParsers(http);
  // Each request's `request completed` line (common/logging.ts), under Fastify's request id, the one the audit log records.
  const requests = app.get<HttpLogger>(REQUEST_LOGGER);
  http.addHook('onRequest', (request, reply, done) => {
    (request.raw as { id?: unknown }).id = request.id;
    requests(request.raw, reply.raw);
    done();
  });
  // reply.sendFile for the console's files; `serve: false` adds no route: the console's one
  // handler (console-site/) decides what is sent, under its @Public decision.
  void http.register(fastifyStatic, { root: consoleDirectory(app.get<AppConfig>(APP_CONFIG)), serve: false, suppressWarning: true });
  // Errors before a route runs (an unroutable request) reach the same filter through Nest's error handler.
  app.useGlobalFilters(new HttpExceptionFilter());
  app.useGlobalPipes(createValidationPipe());

  // The OpenAPI document is built when first asked for (0.3-0.5 s of the event loop for ~260 routes):
  // createApp asks at start, so a server never builds it while serving; a test app that never
  // reads /docs never builds it.
  let doc: OpenAPIObject | undefined;
  const document = () =>
    (doc ??= SwaggerModule.createDocument(app, openApiDocument(), {
      // Stable ids a generated client can name its methods after: `<Controller>_<handler>`.
      operationIdFactory: (controllerKey, methodKey) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
    }));
  SwaggerModule.setup(UNROUTED_ENTRY_POINTS.openApi.path.slice(1), app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  return { openApiDocument: document };
}

/** The document's header: what Klaxon is, its licence, the API key scheme, and one described tag per area. */
function openApiDocument() {
  const builder = new DocumentBuilder()
    .setTitle('Klaxon')
    .setDescription(
      'Incident alerting and on-call scheduling. Every /api/v1 route needs `Authorization: Bearer <api key>`; ' +
        'the webhook routes verify their caller their own way (a key in the path or body, a signature, a signed token) and declare no scheme.',
    )
    .setVersion('1')
    .setLicense('Apache-2.0', 'https://www.apache.org/licenses/LICENSE-2.0')
    .addServer('/', 'this Klaxon server')
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', bearerFormat: 'klx_ API key', description: 'an API key (`klx_` + 32 characters), not a JWT' },
      BEARER_SCHEME,
    );
  for (const [name, description] of Object.entries(OPENAPI_TAGS)) builder.addTag(name, description);
  return builder.build();
}

const OPENAPI_TAGS: Record<string, string> = {
  'api-keys': 'API keys and their roles (admin, responder, read-only)',
  users: 'people, their contact methods and notification rules',
  teams: 'teams and their members',
  schedules: 'on-call schedules: layers, overrides, who is on call, shifts, fairness report, iCal feed',
  'escalation-policies': 'who is paged, in which order, after how long',
  oncall: 'who is on call now, across schedules and policies',
  services: 'services, their integrations (webhook keys) and heartbeat monitors',
  incidents: 'incidents: list, timeline, pages, acknowledge, resolve, escalate, NDJSON export',
  reports: 'incident analytics: opened, acknowledged, resolved and time to each, per service and week',
  'audit-log': 'every change made through the API, by whom',
  sessions: 'the web console\'s sign-in and sessions (cookie and CSRF token), and their revocation by an admin',
  events: 'live incident events for the web console (Server-Sent Events)',
  webhooks: 'inbound alerts (PagerDuty Events v2, Alertmanager, Grafana, generic, heartbeats) and the Twilio, Slack and email action callbacks',
  health: 'liveness and readiness probes',
};
