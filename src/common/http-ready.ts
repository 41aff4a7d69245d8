import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

/**
 * Finishes Fastify's start (plugins loaded, routes and hooks compiled) as the
 * last step of app.init(), once Nest has registered every route: an app is
 * then ready for requests whether it listens on a port (main.ts) or is handed
 * to a test client, and no route can be added after it.
 */
@Injectable()
export class HttpReady implements OnApplicationBootstrap {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.adapterHost.httpAdapter?.getInstance<FastifyInstance>().ready();
  }
}
