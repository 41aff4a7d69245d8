import { Controller, HttpCode, Param, Post, UseFilters } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IngestExceptionFilter } from './ingest-exception.filter';
import { HeartbeatsService } from '../services/heartbeats.service';

/** `POST /heartbeats/{key}`: any body (or none) counts as a ping. */
@ApiTags('webhooks')
@UseFilters(IngestExceptionFilter)
@Controller('heartbeats')
export class HeartbeatsController {
  constructor(private readonly heartbeats: HeartbeatsService) {}

  @Post(':key')
  @HttpCode(202)
  async ping(@Param('key') key: string): Promise<{ status: 'success'; message: string }> {
    await this.heartbeats.ping(key);
    return { status: 'success', message: 'Heartbeat recorded' };
  }
}
