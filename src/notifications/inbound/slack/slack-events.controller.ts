import { Controller, Post, Req, Res } from '@nestjs/common';
import { BodyLimit, BodyRequest, headerOf, WEBHOOK_BODY_LIMIT_BYTES } from '../../../common/request-body';
import { Public } from '../../../auth/auth.decorators';
import { ApiBody, ApiConsumes, ApiExtraModels, ApiOperation, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { SlackChallengeResponse, SlackErrorResponse, SlackEventBody } from './slack-events.dto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SlackEventsService } from './slack-events.service';

/** Slack interactivity (buttons) and slash commands (/oncall, /page), signed with the app's signing secret. */
@ApiTags('webhooks')
@ApiExtraModels(SlackChallengeResponse)
@BodyLimit(WEBHOOK_BODY_LIMIT_BYTES)
@Controller()
export class SlackEventsController {
  constructor(private readonly slack: SlackEventsService) {}

  @Post('/slack/events')
  @Public("Slack's X-Slack-Signature and request timestamp")
  @ApiOperation({ summary: 'Slack: button clicks (interactivity), the /oncall and /page slash commands and URL verification' })
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiBody({ type: SlackEventBody })
  @ApiResponse({ status: 200, description: 'handled; the body, when any, is what Slack shows (the /oncall answer) or the URL verification challenge', content: { 'application/json': { schema: { $ref: getSchemaPath(SlackChallengeResponse) } }, 'text/plain': { schema: { type: 'string', description: 'the /oncall or /page answer' }, example: 'On call now: Ada Lovelace (Payments primary, level 1)' } } })
  @ApiResponse({ status: 400, description: 'an unreadable or unexpected Slack payload', type: SlackErrorResponse })
  @ApiResponse({ status: 401, description: 'missing, stale or invalid Slack signature', type: SlackErrorResponse })
  @ApiResponse({ status: 503, description: 'Slack is not configured (SLACK_BOT_TOKEN)', type: SlackErrorResponse })
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
