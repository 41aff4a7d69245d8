import { Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Clock } from '../common/clock';
import { BodyGuard } from '../common/request-body';
import { ApiKey } from './api-key.entity';
import { ApiKeyGuard } from './api-key.guard';
import { AuthDecisionsCheck } from './auth-decisions.check';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysRepository } from './api-keys.repository';
import { ApiKeysService } from './api-keys.service';
import { SessionPrincipals } from './session-principals';

@Module({
  imports: [TypeOrmModule.forFeature([ApiKey]), DiscoveryModule],
  controllers: [ApiKeysController],
  providers: [
    ApiKeysRepository,
    {
      provide: ApiKeysService,
      inject: [ApiKeysRepository, Clock, APP_CONFIG],
      useFactory: (keys: ApiKeysRepository, clock: Clock, config: AppConfig) =>
        new ApiKeysService(keys, clock, config.KLAXON_ADMIN_API_KEY),
    },
    // In this order: who is calling, then whether the body fits the route (then a @MinRole
    // handler's own ApiInputGuard: the API's input rules).
    { provide: APP_GUARD, useClass: ApiKeyGuard },
    { provide: APP_GUARD, useClass: BodyGuard },
    AuthDecisionsCheck,
    SessionPrincipals,
  ],
  exports: [ApiKeysService, SessionPrincipals],
})
export class AuthModule {}
