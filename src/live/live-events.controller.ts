import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { MinRole } from '../auth/auth.decorators';
import { LiveEventsService } from './live-events.service';

@ApiTags('events')
@Controller('api/v1/events')
export class LiveEventsController {
  constructor(private readonly live: LiveEventsService) {}

  @Get()
  @MinRole('read-only')
  @ApiOperation({
    summary: 'Live incident events (Server-Sent Events)',
    description:
      'An `incident` event with `{id, number, status, level, updatedAt}` within a second of any change to an incident made by any Klaxon process; ' +
      '`ready` when the stream (re)opens and `resync` after a gap (reload what you show); a comment every 15 s. Streams close after 5 minutes and EventSource reconnects.',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description: 'the event stream',
    schema: { type: 'string', example: 'event: incident\ndata: {"id":"7c9e6679-7425-40de-944b-e07fc1f90ae7","number":42,"status":"acknowledged","level":1,"updatedAt":"2026-11-30T09:05:00.000Z"}\n\n' },
  })
  async stream(@Res() reply: FastifyReply): Promise<void> {
    reply.hijack();
    await this.live.open(reply.raw);
  }
}
