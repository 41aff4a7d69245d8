import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChatModule } from '../chat/chat.module';
import { IncidentsModule } from '../incidents/incidents.module';
import { MaintenanceModule } from '../maintenance/maintenance.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { SchedulesModule } from '../schedules/schedules.module';
import { ServicesModule } from '../services/services.module';
import { UsersModule } from '../users/users.module';
import { EscalationLifecycleListener } from './engine/escalation-lifecycle.listener';
import { EscalationStarter } from './engine/escalation-starter';
import { EscalationPlansRepository } from './engine/escalation-plans.repository';
import { EscalationPlanWriter } from './engine/escalation-plan-writer';
import { AckTimeoutKind } from './engine/kinds/ack-timeout.kind';
import { AutoResolveKind } from './engine/kinds/auto-resolve.kind';
import { CleanupKind } from './engine/kinds/cleanup.kind';
import { EscalationStepKind } from './engine/kinds/escalation-step.kind';
import { MaintenanceEndKind } from './engine/kinds/maintenance-end.kind';
import { MaintenanceEndArmer } from './engine/maintenance-end-armer';
import { TimerClaimerService } from './engine/timer-claimer.service';
import { TimerIncidentsRepository } from './engine/timer-incidents.repository';
import { TimerKinds } from './engine/timer-kinds';
import { TimersRepository } from './engine/timers.repository';
import { EscalationPoliciesController } from './escalation-policies.controller';
import { EscalationPoliciesRepository } from './escalation-policies.repository';
import { EscalationPoliciesService } from './escalation-policies.service';
import { EscalationPolicy } from './escalation-policy.entity';
import { DirectPagingController } from './direct-paging/direct-paging.controller';
import { DirectPagingService } from './direct-paging/direct-paging.service';
import { OnCallController } from './oncall.controller';
import { OnCallService } from './oncall.service';
import { TargetDirectory } from './target-directory';

/** The timer engine (engine/): one module per timer kind, behind one claimer. */
const ENGINE = [
  TimersRepository,
  TimerIncidentsRepository,
  EscalationPlansRepository,
  EscalationPlanWriter,
  EscalationStepKind,
  AckTimeoutKind,
  AutoResolveKind,
  CleanupKind,
  MaintenanceEndKind,
  TimerKinds,
  TimerClaimerService,
  EscalationLifecycleListener,
  MaintenanceEndArmer,
  EscalationStarter,
];

@Module({
  imports: [
    TypeOrmModule.forFeature([EscalationPolicy]),
    UsersModule,
    ChatModule,
    SchedulesModule,
    IncidentsModule,
    ServicesModule,
    MaintenanceModule,
    NotificationsModule,
    WebhooksModule,
  ],
  controllers: [EscalationPoliciesController, OnCallController, DirectPagingController],
  providers: [
    EscalationPoliciesService,
    EscalationPoliciesRepository,
    TargetDirectory,
    OnCallService,
    ...ENGINE,
    DirectPagingService,
  ],
  exports: [EscalationPoliciesService, TimerClaimerService],
})
export class EscalationModule {}
