import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { configureApp, createHttpAdapter } from './app.setup';
import type { AppConfig } from './config/app-config';

/** Builds (but does not start listening) the app for a validated config. */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forRoot(config), createHttpAdapter(), { bodyParser: false, bufferLogs: true });
  const { openApiDocument } = configureApp(app);
  await app.init();
  // Built now rather than on the first request to /docs, which it would hold up for half a second.
  openApiDocument();
  return app;
}
