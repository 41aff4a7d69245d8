import { Controller, HttpCode, Param, Post, UseFilters } from '@nestjs/common';
import { BodyLimit, WEBHOOK_BODY_LIMIT_BYTES } from '../common/request-body';
import { Public } from '../auth/auth.decorators';
import { ApiAcceptedResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiWebhookErrors } from '../common/api-docs';
import { HeartbeatAcceptedResponse } from './webhooks.dto';
import { IngestExceptionFilter } from './ingest-exception.filter';
import { HeartbeatsService } from '../services/heartbeats.service';

/** `POST /heartbeats/{key}`: any body (or none) counts as a ping. */
@ApiTags('webhooks')
@UseFilters(IngestExceptionFilter)
@BodyLimit(WEBHOOK_BODY_LIMIT_BYTES)
@Controller('heartbeats')
export class HeartbeatsController {
  constructor(private readonly heartbeats: HeartbeatsService) {}

  @Post(':key')
  @Public("the heartbeat monitor's key in the path")
  @ApiOperation({ summary: "Ping a heartbeat monitor (the monitor's key in the path is the credential; any body or none)" })
  @ApiParam({ name: 'key', description: "the monitor's key (the credential), from its url", example: 'hb0f32characterslowercase0123abc' })
  @ApiAcceptedResponse({ type: HeartbeatAcceptedResponse, description: 'the ping is recorded' })
  @ApiWebhookErrors([404, 413], { 404: 'unknown heartbeat key' })
  @HttpCode(202)
  async ping(@Param('key') key: string): Promise<{ status: 'success'; message: string }> {
    await this.heartbeats.ping(key);
    return { status: 'success', message: 'Heartbeat recorded' };
  }
}
