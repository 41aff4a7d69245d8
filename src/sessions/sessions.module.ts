import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { SessionsAdminController } from './sessions-admin.controller';
import { SessionController } from './session.controller';
import { Session } from './session.entity';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';

/** Console sign-in and sessions (docs/console.md); registers its authenticator with the auth guard at start. */
@Module({
  imports: [TypeOrmModule.forFeature([Session]), AuthModule],
  controllers: [SessionController, SessionsAdminController],
  providers: [SessionsRepository, SessionsService],
  exports: [SessionsService],
})
export class SessionsModule {}
