import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { listRouteHandlers } from './route-handlers';

export class MissingAuthDecisionError extends Error {
  constructor(readonly handlers: string[]) {
    super(
      `refusing to start: ${handlers.length} route handler(s) have no authentication decision ` +
        `(@MinRole or @Public): ${handlers.join(', ')}`,
    );
  }
}

/**
 * Fail closed at start: every route handler must say who may call it. A
 * handler added without @MinRole or @Public stops the application in
 * `app.init()`, before it listens, rather than serving an open route.
 */
@Injectable()
export class AuthDecisionsCheck implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  onModuleInit(): void {
    const missing = listRouteHandlers(this.discovery, this.scanner)
      .filter((r) => !r.decision)
      .map((r) => `${r.controller}.${r.handler} (${r.method} ${r.path})`);
    if (missing.length) throw new MissingAuthDecisionError(missing);
  }
}
