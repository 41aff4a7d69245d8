import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AuthModule } from './auth/auth.module';
import { CoreModule } from './common/core.module';
import { loggerParams } from './common/logging';
import type { AppConfig } from './config/app-config';
import { databaseOptions } from './database/database-options';
import { HealthModule } from './health/health.module';
import { TeamsModule } from './teams/teams.module';
import { UsersModule } from './users/users.module';

/** Feature modules, in dependency order (STYLE.md: ingest -> incidents -> escalation -> notifications). */
const FEATURE_MODULES = [AuthModule, UsersModule, TeamsModule];

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config),
        LoggerModule.forRoot(loggerParams(config)),
        TypeOrmModule.forRoot({
          ...databaseOptions(config.databaseUrl, config.DATABASE_POOL_SIZE),
          autoLoadEntities: true,
          retryAttempts: 3,
          retryDelay: 500,
        }),
        HealthModule,
        ...FEATURE_MODULES,
      ],
    };
  }
}
