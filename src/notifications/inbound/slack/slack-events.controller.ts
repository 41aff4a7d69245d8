import { Controller, Post, Req, Res } from '@nestjs/common';
import { BodyLimit, BodyRequest, headerOf, WEBHOOK_BODY_LIMIT_BYTES } from '../../../common/request-body';
import { Public } from '../../../auth/auth.decorators';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SlackEventsService } from './slack-events.service';

/** Slack interactivity (buttons) and slash commands (/oncall), signed with the app's signing secret. */
@ApiTags('webhooks')
@BodyLimit(WEBHOOK_BODY_LIMIT_BYTES)
@Controller()
export class SlackEventsController {
  constructor(private readonly slack: SlackEventsService) {}

  @Post('/slack/events')
  @Public("Slack's X-Slack-Signature and request timestamp")
  async events(@Req() req: FastifyRequest & BodyRequest, @Res() reply: FastifyReply): Promise<void> {
    const answer = await this.slack.handle({
      rawBody: req.rawBody,
      signature: headerOf(req, 'x-slack-signature'),
      timestamp: headerOf(req, 'x-slack-request-timestamp'),
      body: (req.body ?? {}) as Record<string, unknown>,
      retryNum: headerOf(req, 'x-slack-retry-num'),
      retryReason: headerOf(req, 'x-slack-retry-reason'),
    });
    reply.status(answer.status);
    if (answer.body === undefined) reply.send();
    else if (typeof answer.body === 'string') reply.type('text/plain; charset=utf-8').send(answer.body);
    else reply.type('application/json; charset=utf-8').send(answer.body);
  }
}
