import { Global, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import type { FastifyInstance } from 'fastify';
import { HealthController } from './health.controller';
import { DomainMetricsRepository } from './domain-metrics.repository';
import { DomainMetricsService } from './domain-metrics.service';
import { MetricsService } from './metrics.service';

@Global()
@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController],
  providers: [MetricsService, DomainMetricsRepository, DomainMetricsService],
  exports: [MetricsService],
})
export class HealthModule implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsService,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  /** Times every request, labelled by the route it matched. */
  onModuleInit(): void {
    const http = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    http.addHook('onResponse', (request, reply, done) => {
      // The route pattern, never the raw URL: keys in paths must not become label values.
      const route = request.is404 ? 'unmatched' : (request.routeOptions.url ?? 'unmatched');
      this.metrics.httpDuration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
      done();
    });
  }
}
