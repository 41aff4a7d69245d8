import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { DestinationStream } from 'pino';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { configureApp, createHttpAdapter } from '../../src/app.setup';
import { ApiKeysService } from '../../src/auth/api-keys.service';
import { Clock } from '../../src/common/clock';
import { AppConfig, parseEnv } from '../../src/config/app-config';
import { createTestDatabase, TestDatabase } from './database';
import { FakeClock } from './fake-clock';

export interface TestApp {
  app: INestApplication;
  db: TestDatabase;
  dataSource: DataSource;
  clock: FakeClock;
  config: AppConfig;
  /** An admin key, a responder key and a read-only key. */
  keys: { admin: string; responder: string; readOnly: string };
  /** supertest against the app, with the admin key unless `as` says otherwise. */
  api(as?: 'admin' | 'responder' | 'readOnly' | null): ApiClient;
  http(): ReturnType<typeof request>;
  get<T>(token: abstract new (...args: any[]) => T): T;
  close(): Promise<void>;
}

type ApiClient = {
  get(url: string): request.Test;
  post(url: string, body?: object): request.Test;
  put(url: string, body?: object): request.Test;
  patch(url: string, body?: object): request.Test;
  delete(url: string): request.Test;
};

export interface TestAppOptions {
  env?: Record<string, string>;
  /** Use this (already migrated) database instead of a clone of the template; it is not dropped on close. */
  databaseUrl?: string;
  clock?: FakeClock;
  /** Where the app's log lines go (JSON, one a line) for a test that reads them; none are written without it. */
  logStream?: DestinationStream;
  /** Extra provider overrides, e.g. a recording channel. */
  override?: (builder: ReturnType<typeof Test.createTestingModule>) => ReturnType<typeof Test.createTestingModule>;
}

/**
 * A full Klaxon app on a database of this test file's own, with a FakeClock.
 * The worker role is off unless env says KLAXON_ROLE; tests drive background
 * work explicitly so they never sleep.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db: TestDatabase = options.databaseUrl
    ? { url: options.databaseUrl, name: new URL(options.databaseUrl).pathname.slice(1), drop: async () => undefined }
    : await createTestDatabase();
  const env = parseEnv({ LOG_LEVEL: 'silent', KLAXON_ROLE: 'api', KLAXON_SECRET: 'test-secret-0123456789abcdef', ...options.env });
  const config: AppConfig = { ...env, databaseUrl: db.url };
  const clock = options.clock ?? new FakeClock();
  let builder = Test.createTestingModule({ imports: [AppModule.forRoot(config, { logStream: options.logStream })] })
    .overrideProvider(Clock)
    .useValue(clock);
  if (options.override) builder = options.override(builder);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication(createHttpAdapter(), {
    bodyParser: false,
    ...(options.logStream ? { bufferLogs: true } : { logger: false }),
  });
  configureApp(app);
  await app.init();

  const keysService = app.get(ApiKeysService);
  const keys = {
    admin: (await keysService.create('test admin', 'admin')).key,
    responder: (await keysService.create('test responder', 'responder')).key,
    readOnly: (await keysService.create('test read-only', 'read-only')).key,
  };
  const server = app.getHttpServer();

  const api = (as: 'admin' | 'responder' | 'readOnly' | null = 'admin'): ApiClient => {
    const auth = (t: request.Test) => (as ? t.set('Authorization', `Bearer ${keys[as]}`) : t);
    return {
      get: (url) => auth(request(server).get(url)),
      post: (url, body) => auth(request(server).post(url)).send(body ?? {}),
      put: (url, body) => auth(request(server).put(url)).send(body ?? {}),
      patch: (url, body) => auth(request(server).patch(url)).send(body ?? {}),
      delete: (url) => auth(request(server).delete(url)),
    };
  };

  return {
    app,
    db,
    dataSource: app.get(DataSource),
    clock,
    config,
    keys,
    api,
    http: () => request(server),
    get: (token) => app.get(token as any),
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
