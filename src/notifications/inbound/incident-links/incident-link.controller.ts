import { Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../../auth/auth.decorators';
import { INCIDENT_LINK_PATH } from '../../action-tokens/incident-link.token';
import type { HtmlAnswer } from '../email-actions/email-actions.service';
import { IncidentLinkActionsService } from './incident-link-actions.service';

const VERIFIES = 'the random, expiring short-link token in the path, looked up by its hash in incident_links';
const html = { 'text/html': { schema: { type: 'string' as const, example: '<!doctype html>…' } } };
const TOKEN = {
  name: 'token',
  description: 'The 22-character token of the short link an SMS page carried',
  example: 'q3Zb0mVb2W1xk8sLr1Xq9A',
};

/** `/i/{token}`: the short link of an SMS page (GET shows the incident, POST acts). */
@ApiTags('webhooks')
@ApiProduces('text/html')
@Controller(INCIDENT_LINK_PATH)
export class IncidentLinkController {
  constructor(private readonly links: IncidentLinkActionsService) {}

  @Get(':token')
  @Public(VERIFIES)
  @ApiOperation({ summary: "The incident page an SMS page's short link opens, with Acknowledge and Resolve buttons" })
  @ApiParam(TOKEN)
  @ApiResponse({ status: 200, description: 'The incident, with a button per action the link can still take', content: html })
  @ApiResponse({ status: 404, description: 'Unknown token', content: html })
  @ApiResponse({ status: 410, description: 'Expired link', content: html })
  async show(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    send(reply, await this.links.show(token));
  }

  @Post(':token/acknowledge')
  @Public(VERIFIES)
  @ApiOperation({ summary: 'Acknowledge the incident of a short link, as the paged user (once per link)' })
  @ApiParam(TOKEN)
  @ApiResponse({ status: 200, description: 'Acknowledged (or already acknowledged)', content: html })
  @ApiResponse({ status: 404, description: 'Unknown token, or the incident no longer exists', content: html })
  @ApiResponse({ status: 409, description: 'This link already acknowledged, or the incident is resolved', content: html })
  @ApiResponse({ status: 410, description: 'Expired link', content: html })
  async acknowledge(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    send(reply, await this.links.perform(token, 'acknowledge'));
  }

  @Post(':token/resolve')
  @Public(VERIFIES)
  @ApiOperation({ summary: 'Resolve the incident of a short link, as the paged user (once per link)' })
  @ApiParam(TOKEN)
  @ApiResponse({ status: 200, description: 'Resolved (or already resolved)', content: html })
  @ApiResponse({ status: 404, description: 'Unknown token, or the incident no longer exists', content: html })
  @ApiResponse({ status: 409, description: 'This link already resolved the incident', content: html })
  @ApiResponse({ status: 410, description: 'Expired link', content: html })
  async resolve(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    send(reply, await this.links.perform(token, 'resolve'));
  }
}

/**
 * The token is in the URL: no caching, no Referer to the links on the page, no
 * indexing; the page runs no script and posts only to itself.
 */
function send(reply: FastifyReply, answer: HtmlAnswer): void {
  reply
    .status(answer.status)
    .headers({
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
      'X-Robots-Tag': 'noindex',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    })
    .send(answer.html);
}
