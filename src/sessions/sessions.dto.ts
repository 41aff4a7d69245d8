import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { API_KEY_ROLES, ApiKeyRole } from '../auth/api-key.entity';
import type { Principal } from '../auth/api-keys.service';
import type { Session } from './session.entity';

export class ApiKeySignInDto {
  @ApiProperty({ description: 'an admin API key', example: 'klx_2Yq8Vb0cXwT4mN6pR1sL9dKf3hJ7gZa5' })
  @IsString()
  @Length(1, 200)
  key: string;
}

export class EmailLinkRequestDto {
  @ApiProperty({ description: 'the email address of a Klaxon user', example: 'ada@example.com' })
  @IsEmail()
  @Length(3, 320)
  email: string;
}

export class EmailLinkRequestedResponse {
  @ApiProperty({ description: 'the same words whether or not a user has the address', example: 'If a Klaxon user has this email address, a sign-in link is on its way; it works once, for 15 minutes.' })
  message: string;
}

export class EmailLinkConfirmDto {
  @ApiProperty({ description: 'the token of the emailed link (after #token=)', example: 'q3Jx0m2yX8bZ1cV4nW7eR5tY9uI6oP2aS0dF3gH8jK1' })
  @IsString()
  @Length(1, 200)
  token: string;
}

export class SessionUserResponse {
  @ApiProperty({ description: 'user id', format: 'uuid', example: '3f2a1b0c-7d6e-4a5b-9c8d-1e2f3a4b5c6d' }) id: string;
  @ApiProperty({ description: 'display name', example: 'Ada Lovelace' }) name: string;
  @ApiProperty({ description: 'email address', example: 'ada@example.com' }) email: string;
  @ApiProperty({ description: 'IANA time zone', example: 'Europe/London' }) timeZone: string;
}

export class SessionResponse {
  @ApiProperty({ type: SessionUserResponse, nullable: true, description: 'the signed-in user; null for a session opened with an admin API key' })
  user: SessionUserResponse | null;

  @ApiProperty({ enum: API_KEY_ROLES, description: 'what the session may do', example: 'responder' })
  role: ApiKeyRole;

  @ApiProperty({ description: 'send it as X-CSRF-Token with every write made with the session cookie', example: 'c2VjcmV0LWNzcmYtdG9rZW4tZXhhbXBsZQ' })
  csrfToken: string;

  @ApiProperty({ description: 'when the session ends unless used again (each use renews it); ISO 8601, UTC', format: 'date-time', example: '2026-11-30T21:00:00.000Z' })
  expiresAt: string;

  static of(p: Principal & { session: NonNullable<Principal['session']> }): SessionResponse {
    return { user: p.session.user, role: p.role, csrfToken: p.session.csrfToken, expiresAt: p.session.expiresAt.toISOString() };
  }
}

export class SignInProvidersResponse {
  @ApiProperty({ description: 'OpenID Connect sign-in is configured (GET /auth/oidc/login)', example: true }) oidc: boolean;
  @ApiProperty({ description: 'email sign-in links can be sent (SMTP is configured)', example: false }) emailLink: boolean;
  @ApiProperty({ description: 'an admin may always sign in with an admin API key', example: true }) apiKey: boolean;
}

export class ListSessionsQuery {
  @ApiPropertyOptional({ description: 'only this user\'s sessions', format: 'uuid', example: '3f2a1b0c-7d6e-4a5b-9c8d-1e2f3a4b5c6d' })
  @IsOptional()
  @IsUUID()
  userId?: string;
}

export class SessionSummaryResponse {
  @ApiProperty({ description: 'session id', format: 'uuid', example: '9b1c2d3e-4f5a-4b6c-8d7e-0f1a2b3c4d5e' }) id: string;
  @ApiProperty({ description: 'the user signed in; null for an admin API key session', type: String, format: 'uuid', nullable: true, example: '3f2a1b0c-7d6e-4a5b-9c8d-1e2f3a4b5c6d' })
  userId: string | null;
  @ApiProperty({ description: 'the API key a key session was opened with ("env" for KLAXON_ADMIN_API_KEY)', nullable: true, example: null, type: String })
  apiKeyId: string | null;
  @ApiProperty({ description: 'the user\'s or the key\'s name when the session opened', example: 'Ada Lovelace' }) name: string;
  @ApiProperty({ enum: ['api-key', 'oidc', 'email-link'], description: 'how the session signed in', example: 'oidc' }) signInMethod: string;
  @ApiProperty({ description: 'ISO 8601, UTC', format: 'date-time', example: '2026-11-30T09:00:00.000Z' }) createdAt: string;
  @ApiProperty({ description: 'last use; ISO 8601, UTC', format: 'date-time', example: '2026-11-30T09:40:00.000Z' }) lastSeenAt: string;
  @ApiProperty({ description: 'ISO 8601, UTC', format: 'date-time', example: '2026-11-30T21:40:00.000Z' }) expiresAt: string;

  static of(s: Session): SessionSummaryResponse {
    return {
      id: s.id,
      userId: s.userId,
      apiKeyId: s.apiKeyId,
      name: s.principalName,
      signInMethod: s.signInMethod,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(),
    };
  }
}
