import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { UsersModule } from '../users/users.module';
import { OidcSignInController } from './oidc-sign-in.controller';
import { OidcSignInService } from './oidc-sign-in.service';
import { EmailSignInController } from './email-sign-in.controller';
import { EmailSignInService } from './email-sign-in.service';
import { SessionsRetention } from './sessions-retention';
import { SignInLink } from './sign-in-link.entity';
import { SignInLinksRepository } from './sign-in-links.repository';
import { SessionsAdminController } from './sessions-admin.controller';
import { SessionController } from './session.controller';
import { Session } from './session.entity';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';

/** Console sign-in and sessions (docs/console.md); registers its authenticator with the auth guard at start. */
@Module({
  imports: [TypeOrmModule.forFeature([Session, SignInLink]), AuthModule, UsersModule, NotificationsModule],
  controllers: [SessionController, SessionsAdminController, EmailSignInController, OidcSignInController],
  providers: [SessionsRepository, SessionsService, SignInLinksRepository, EmailSignInService, OidcSignInService, SessionsRetention],
  exports: [SessionsService],
})
export class SessionsModule {}
