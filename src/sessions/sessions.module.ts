import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { UsersModule } from '../users/users.module';
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
  imports: [TypeOrmModule.forFeature([Session, SignInLink]), AuthModule, UsersModule],
  controllers: [SessionController, SessionsAdminController, EmailSignInController],
  providers: [SessionsRepository, SessionsService, SignInLinksRepository, EmailSignInService, SessionsRetention],
  exports: [SessionsService],
})
export class SessionsModule {}
