import { Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR, DiscoveryModule } from '@nestjs/core';
import { getDataSourceToken, getRepositoryToken, TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Clock } from '../common/clock';
import { ApiKey } from './api-key.entity';
import { ApiInputInterceptor } from './api-input.interceptor';
import { ApiKeyGuard } from './api-key.guard';
import { AuthDecisionsCheck } from './auth-decisions.check';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';

@Module({
  imports: [TypeOrmModule.forFeature([ApiKey]), DiscoveryModule],
  controllers: [ApiKeysController],
  providers: [
    {
      provide: ApiKeysService,
      inject: [getRepositoryToken(ApiKey), getDataSourceToken(), Clock, APP_CONFIG],
      useFactory: (repo: Repository<ApiKey>, ds: DataSource, clock: Clock, config: AppConfig) =>
        new ApiKeysService(repo, ds, clock, config.KLAXON_ADMIN_API_KEY),
    },
    { provide: APP_GUARD, useClass: ApiKeyGuard },
    { provide: APP_INTERCEPTOR, useClass: ApiInputInterceptor },
    AuthDecisionsCheck,
  ],
  exports: [ApiKeysService],
})
export class AuthModule {}
