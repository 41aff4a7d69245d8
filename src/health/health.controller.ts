import { Controller, Get, Header, Res, ServiceUnavailableException } from '@nestjs/common';
import { Public } from '../auth/auth.decorators';
import { ApiExcludeEndpoint, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ErrorResponse } from '../common/api-docs';
import { LivenessResponse, ReadinessResponse } from './health.dto';
import { HealthCheck, HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { MetricsService } from './metrics.service';

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly metrics: MetricsService,
  ) {}

  /** Liveness: the process answers. Never touches the database. */
  @Get('healthz')
  @Public('open by design: liveness, readiness and Prometheus metrics carry no secrets')
  @ApiOperation({ summary: 'Liveness: the process answers (never touches the database)' })
  @ApiOkResponse({ type: LivenessResponse, description: 'alive' })
  @ApiResponse({ status: '4XX', type: ErrorResponse, description: 'only for a request Fastify cannot route (the probe itself refuses nothing)' })
  healthz(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * Readiness: the database answers within a second. Otherwise a 503 with
   * terminus's report (`{ status: 'error', error: { database: { status: 'down' } } }`),
   * answered here because the common error filter would reduce it to a message.
   */
  @Get('readyz')
  @Public('open by design: liveness, readiness and Prometheus metrics carry no secrets')
  @ApiOperation({ summary: 'Readiness: the database answers within a second' })
  @ApiOkResponse({ type: ReadinessResponse, description: 'ready' })
  @ApiResponse({ status: 503, type: ReadinessResponse, description: 'not ready: the database is down' })
  @ApiResponse({ status: '4XX', type: ErrorResponse, description: 'only for a request Fastify cannot route (the probe itself refuses nothing)' })
  @HealthCheck({ swaggerDocumentation: false })
  async readyz(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthCheckResult | string | object> {
    try {
      return await this.health.check([() => this.db.pingCheck('database', { timeout: 1000 })]);
    } catch (e) {
      if (!(e instanceof ServiceUnavailableException)) throw e;
      reply.status(503);
      return e.getResponse();
    }
  }

  @Get('metrics')
  @Public('open by design: liveness, readiness and Prometheus metrics carry no secrets')
  @ApiExcludeEndpoint()
  @Header('Cache-Control', 'no-store')
  async metricsText(@Res() reply: FastifyReply): Promise<void> {
    reply.header('Content-Type', this.metrics.registry.contentType).send(await this.metrics.registry.metrics());
  }
}
