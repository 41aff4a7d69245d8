import { Controller, HttpCode, Param, Post, UseFilters } from '@nestjs/common';
import { BodyLimit, WEBHOOK_BODY_LIMIT_BYTES } from '../common/request-body';
import { Public } from '../auth/auth.decorators';
import { ApiTags } from '@nestjs/swagger';
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
  @HttpCode(202)
  async ping(@Param('key') key: string): Promise<{ status: 'success'; message: string }> {
    await this.heartbeats.ping(key);
    return { status: 'success', message: 'Heartbeat recorded' };
  }
}
