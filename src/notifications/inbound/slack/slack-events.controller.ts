import { Controller, Post, Req, Res } from '@nestjs/common';
import { BodyLimit, WEBHOOK_BODY_LIMIT_BYTES } from '../../../common/request-body';
import { Public } from '../../../auth/auth.decorators';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { SlackEventsService } from './slack-events.service';

/** Slack interactivity (buttons) and slash commands (/oncall), signed with the app's signing secret. */
@ApiTags('webhooks')
@BodyLimit(WEBHOOK_BODY_LIMIT_BYTES)
@Controller()
export class SlackEventsController {
  constructor(private readonly slack: SlackEventsService) {}

  @Post('/slack/events')
  @Public("Slack's X-Slack-Signature and request timestamp")
  async events(@Req() req: Request & { rawBody?: Buffer }, @Res() res: Response): Promise<void> {
    const answer = await this.slack.handle({
      rawBody: req.rawBody,
      signature: req.header('x-slack-signature'),
      timestamp: req.header('x-slack-request-timestamp'),
      body: (req.body ?? {}) as Record<string, unknown>,
      retryNum: req.header('x-slack-retry-num'),
      retryReason: req.header('x-slack-retry-reason'),
    });
    if (answer.body === undefined) res.status(answer.status).end();
    else if (typeof answer.body === 'string') res.status(answer.status).type('text/plain').send(answer.body);
    else res.status(answer.status).json(answer.body);
  }
}
