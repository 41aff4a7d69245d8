import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { ChatModule } from './chat/chat.module';
import { ConsoleSiteModule } from './console-site/console-site.module';
import { CoreModule } from './common/core.module';
import { createLoggers, REQUEST_LOGGER } from './common/logging';
import type { AppConfig } from './config/app-config';
import { databaseOptions } from './database/database-options';
import { HealthModule } from './health/health.module';
import { IncidentsModule } from './incidents/incidents.module';
import { IngestModule } from './ingest/ingest.module';
import { LiveModule } from './live/live.module';
import { MaintenanceModule } from './maintenance/maintenance.module';
import { InboundChannelsModule } from './notifications/inbound/inbound.module';
import { EscalationModule } from './escalation/escalation.module';
import { HandoffModule } from './handoff/handoff.module';
import { NotificationsModule } from './notifications/notifications.module';
import { RoutingModule } from './routing/routing.module';
import { SchedulesModule } from './schedules/schedules.module';
import { SessionsModule } from './sessions/sessions.module';
import { ServicesModule } from './services/services.module';
import { TeamsModule } from './teams/teams.module';
import { UsersModule } from './users/users.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { WorkerModule } from './worker/worker.module';

/** Feature modules, in dependency order (docs/architecture.md, "Layers"). */
const FEATURE_MODULES = [
  AuthModule,
  UsersModule,
  TeamsModule,
  ChatModule,
  SchedulesModule,
  ServicesModule,
  RoutingModule,
  MaintenanceModule,
  IncidentsModule,
  IngestModule,
  NotificationsModule,
  WebhooksModule,
  HandoffModule,
  EscalationModule,
  InboundChannelsModule,
  AuditModule,
  SessionsModule,
  LiveModule,
  ConsoleSiteModule,
  // Last: the worker's loops compose the engine, the dispatcher and heartbeats.
  WorkerModule,
];

@Module({})
export class AppModule {
  /** `options.logStream`: where logs go instead of stdout (tests that read the logs). */
  static forRoot(config: AppConfig, options: { logStream?: DestinationStream } = {}): DynamicModule {
    const loggers = createLoggers(config, options.logStream);
    return {
      module: AppModule,
      // The request logger, for configureApp's hook (app.setup.ts).
      providers: [{ provide: REQUEST_LOGGER, useValue: loggers.requests }],
      imports: [
        CoreModule.forRoot(config),
        LoggerModule.forRoot(loggers.nest),
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
