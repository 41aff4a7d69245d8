import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { Public } from '../../../auth/auth.decorators';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ACTION_LINK_PATH } from '../../action-tokens/action-token.service';
import { EmailActionsService, type HtmlAnswer } from './email-actions.service';

/** `/actions/{token}`: the one-click links of email pages (GET confirms, POST acts). */
@ApiTags('webhooks')
@Controller(ACTION_LINK_PATH)
export class EmailActionsController {
  constructor(private readonly emailActions: EmailActionsService) {}

  @Get(':token')
  @Public('the signed, single-use, expiring action token in the path')
  async confirm(@Param('token') token: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    send(reply, await this.emailActions.confirm(token, req.originalUrl));
  }

  @Post(':token')
  @Public('the signed, single-use, expiring action token in the path')
  async perform(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    send(reply, await this.emailActions.perform(token));
  }
}

function send(reply: FastifyReply, answer: HtmlAnswer): void {
  reply
    .status(answer.status)
    .headers({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' })
    .send(answer.html);
}
