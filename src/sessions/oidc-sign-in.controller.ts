import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { DomainError, ErrorCode } from '../common/errors';
import { OidcSignInService } from './oidc-sign-in.service';
import { signInPage } from './sign-in.pages';

/**
 * The browser's side of OpenID Connect sign-in (docs/console.md): not API
 * operations but redirects and pages, so they are left out of the OpenAPI
 * document, like the console's files.
 */
@ApiExcludeController()
@Controller('auth/oidc')
export class OidcSignInController {
  constructor(private readonly oidc: OidcSignInService) {}

  @Get('login')
  @Public('starts an OpenID Connect sign-in: no credential; redirects to the identity provider')
  async login(@Query('returnTo') returnTo: unknown, @Res() reply: FastifyReply): Promise<void> {
    this.requireEnabled();
    const { location, cookie } = await this.oidc.start(returnTo);
    await reply.header('set-cookie', cookie).header('cache-control', 'no-store').redirect(location, 302);
  }

  @Get('callback')
  @Public('the authorization code, exchanged with PKCE and checked against the state and nonce of the signed sign-in cookie')
  async callback(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    this.requireEnabled();
    const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
    const outcome = await this.oidc.finish(req.headers.cookie, query);
    reply.header('cache-control', 'no-store');
    if (outcome.kind === 'refused') {
      await reply.header('set-cookie', this.oidc.clearedCookie()).status(outcome.status).type('text/html; charset=utf-8').send(signInPage(outcome.title, outcome.message));
      return;
    }
    await reply.header('set-cookie', [this.oidc.clearedCookie(), outcome.opened.cookie]).redirect(outcome.returnTo, 302);
  }

  private requireEnabled(): void {
    if (!this.oidc.enabled) throw new DomainError(ErrorCode.NotFound, 'OpenID Connect sign-in is not configured');
  }
}
