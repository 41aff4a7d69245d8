import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../auth/api-keys.service';
import { CurrentPrincipal, MinRole, Public } from '../auth/auth.decorators';
import { ApiErrors, ErrorResponse } from '../common/api-docs';
import { DomainError, ErrorCode } from '../common/errors';
import { ApiKeySignInDto, SessionResponse, SignInProvidersResponse } from './sessions.dto';
import { EmailSignInService } from './email-sign-in.service';
import { requireJsonRequest } from './json-only';
import { OidcSignInService } from './oidc-sign-in.service';
import { OpenedSession, SessionsService } from './sessions.service';

type SessionPrincipal = Principal & { session: NonNullable<Principal['session']> };

function sessionOf(p: Principal): SessionPrincipal {
  if (!p.session) throw new DomainError(ErrorCode.NotFound, 'no console session: this route answers the session cookie, not an API key');
  return p as SessionPrincipal;
}

/** The response to a sign-in: the new session as GET /api/v1/session shows it. */
export function openedSessionResponse(opened: OpenedSession, user: SessionResponse['user']): SessionResponse {
  const s = opened.session;
  return { user, role: s.role, csrfToken: s.csrfToken, expiresAt: s.expiresAt.toISOString() };
}

/** The console's own session: sign in with an admin API key, read it, sign out (docs/console.md). */
@ApiTags('sessions')
@Controller('api/v1/session')
export class SessionController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly oidc: OidcSignInService,
    private readonly emailSignIn: EmailSignInService,
  ) {}

  @Get()
  @MinRole('read-only')
  @ApiOperation({ summary: 'The console session of this request', description: 'Answers the session cookie only; an API key gets a 401.' })
  @ApiOkResponse({ type: SessionResponse, description: 'who is signed in, the role, the CSRF token for writes' })
  @ApiErrors([404], { 404: 'the caller is an API key, not a console session' })
  get(@CurrentPrincipal() principal: Principal): SessionResponse {
    return SessionResponse.of(sessionOf(principal));
  }

  @Delete()
  @MinRole('read-only')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out', description: 'Ends the session of the cookie sent (X-CSRF-Token required) and clears the cookie.' })
  @ApiNoContentResponse({ description: 'signed out' })
  @ApiErrors([404], { 404: 'the caller is an API key, not a console session' })
  async signOut(@CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.sessions.signOut(sessionOf(principal));
    reply.header('set-cookie', this.sessions.clearedCookie());
  }

  @Post('api-key')
  @Public('the admin API key in the body: only an admin key opens a session')
  @HttpCode(201)
  @ApiOperation({ summary: 'Sign in to the console with an admin API key', description: 'Sets the klaxon_session cookie. The session belongs to no user.' })
  @ApiCreatedResponse({ type: SessionResponse, description: 'signed in; the cookie is set' })
  @ApiErrors([400, 401, 403, 415], { 401: 'the key is unknown or revoked', 403: 'the key is not an admin key', 415: 'not sent as application/json' })
  async signInWithApiKey(@Body() dto: ApiKeySignInDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<SessionResponse> {
    requireJsonRequest(req);
    const opened = await this.sessions.openWithApiKey(dto.key);
    reply.header('set-cookie', opened.cookie);
    return openedSessionResponse(opened, null);
  }

  @Get('providers')
  @Public('open by design: says which sign-in methods are configured, nothing more')
  @ApiOperation({ summary: 'Which sign-in methods the console offers' })
  @ApiOkResponse({ type: SignInProvidersResponse, description: 'the configured sign-in methods' })
  @ApiResponse({ status: '4XX', type: ErrorResponse, description: 'only for a request Fastify cannot route (this route refuses nothing)' })
  providers(): SignInProvidersResponse {
    return { oidc: this.oidc.enabled, emailLink: this.emailSignIn.enabled, apiKey: true };
  }
}
