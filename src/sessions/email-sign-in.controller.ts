import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { ApiErrors } from '../common/api-docs';
import { EmailSignInService } from './email-sign-in.service';
import { requireJsonRequest } from './json-only';
import { openedSessionResponse } from './session.controller';
import { EmailLinkConfirmDto, EmailLinkRequestDto, EmailLinkRequestedResponse, SessionResponse } from './sessions.dto';

/** Email sign-in links (docs/console.md). */
@ApiTags('sessions')
@Controller('api/v1/session/email-link')
export class EmailSignInController {
  constructor(private readonly emailSignIn: EmailSignInService) {}

  @Post()
  @Public('open by design: sends a link only to the email of a user, answers the same either way, and is rate-limited')
  @HttpCode(202)
  @ApiOperation({ summary: 'Email me a sign-in link', description: 'Always 202, whether or not a user has this email. The link is valid 15 minutes, once.' })
  @ApiAcceptedResponse({ type: EmailLinkRequestedResponse, description: 'if a user has this email, a link is on its way' })
  @ApiErrors([400, 404, 415, 429], { 404: 'email sign-in is not configured', 415: 'not sent as application/json', 429: 'too many requests from this client' })
  async request(@Body() dto: EmailLinkRequestDto, @Req() req: FastifyRequest): Promise<EmailLinkRequestedResponse> {
    requireJsonRequest(req);
    await this.emailSignIn.request(dto.email, req.ip);
    return { message: 'If a Klaxon user has this email address, a sign-in link is on its way; it works once, for 15 minutes.' };
  }

  @Post('confirm')
  @Public('the single-use, expiring token of an emailed sign-in link')
  @HttpCode(201)
  @ApiOperation({ summary: 'Sign in with an emailed link', description: 'The console\'s Confirm button posts the token of the link; it works once.' })
  @ApiCreatedResponse({ type: SessionResponse, description: 'signed in; the cookie is set' })
  @ApiErrors([400, 401, 415], { 401: 'the link is unknown, used or expired', 415: 'not sent as application/json' })
  async confirm(@Body() dto: EmailLinkConfirmDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<SessionResponse> {
    requireJsonRequest(req);
    const { opened, user } = await this.emailSignIn.confirm(dto.token);
    reply.header('set-cookie', opened.cookie);
    return openedSessionResponse(opened, user);
  }
}
