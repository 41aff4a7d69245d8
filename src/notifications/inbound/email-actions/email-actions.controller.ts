import { applyDecorators, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { Public } from '../../../auth/auth.decorators';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { ContentObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ACTION_LINK_PATH } from '../../action-tokens/action-token.service';
import { EmailActionsService, type HtmlAnswer } from './email-actions.service';

/** An HTML answer, with the text of an example page. */
const html = (text: string): ContentObject => ({
  'text/html': { schema: { type: 'string', description: 'a small HTML page' }, example: `<!doctype html><html><body><p>${text}</p></body></html>` },
});

const ApiTokenParam = () =>
  ApiParam({ name: 'token', description: 'the signed, single-use, expiring action token from the email', example: 'eyJpIjoiMmI2ZjRhMWMiLCJhIjoiYWNrIn0.c2lnbmF0dXJl' });

const ApiHtmlRefusals = () =>
  applyDecorators(
    ApiResponse({ status: 403, description: 'the token is not valid', content: html('This link is not valid.') }),
    ApiResponse({ status: 404, description: 'the incident no longer exists', content: html('This incident no longer exists.') }),
    ApiResponse({ status: 409, description: 'the link was already used', content: html('This link has already been used.') }),
    ApiResponse({ status: 410, description: 'the link has expired', content: html('This link has expired.') }),
  );

/** `/actions/{token}`: the one-click links of email pages (GET confirms, POST acts). */
@ApiTags('webhooks')
@Controller(ACTION_LINK_PATH)
export class EmailActionsController {
  constructor(private readonly emailActions: EmailActionsService) {}

  @Get(':token')
  @Public('the signed, single-use, expiring action token in the path')
  @ApiOperation({ summary: "An email page's action link: a page asking to confirm (nothing is done on GET)" })
  @ApiTokenParam()
  @ApiResponse({ status: 200, description: 'a page with the incident and a confirmation button (a POST to the same URL)', content: html('Acknowledge incident #42?') })
  @ApiHtmlRefusals()
  async confirm(@Param('token') token: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    send(reply, await this.emailActions.confirm(token, req.originalUrl));
  }

  @Post(':token')
  @Public('the signed, single-use, expiring action token in the path')
  @ApiOperation({ summary: "An email page's action link, confirmed: acknowledges or resolves the incident" })
  @ApiTokenParam()
  @ApiResponse({ status: 200, description: 'a page saying what was done', content: html('Incident #42 acknowledged.') })
  @ApiHtmlRefusals()
  @ApiResponse({ status: 409, description: 'the link was already used, or the incident is already resolved', content: html('This link has already been used.') })
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
