import { Global, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import type { NextFunction, Request, Response } from 'express';
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
export class HealthModule implements NestModule {
  constructor(private readonly metrics: MetricsService) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply((req: Request, res: Response, next: NextFunction) => {
        const end = this.metrics.httpDuration.startTimer();
        res.on('finish', () => {
          // The route pattern, never the raw URL: keys in paths must not become label values.
          const route = (req.route?.path as string | undefined) ?? 'unmatched';
          end({ method: req.method, route: `${req.baseUrl ?? ''}${route}`, status: String(res.statusCode) });
        });
        next();
      })
      .forRoutes('*path');
  }
}
