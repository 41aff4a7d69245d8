import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IncidentsModule } from '../incidents/incidents.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { SchedulesModule } from '../schedules/schedules.module';
import { ServicesModule } from '../services/services.module';
import { UsersModule } from '../users/users.module';
import { EscalationEngineService } from './engine/escalation-engine.service';
import { EscalationStartRepository } from './engine/escalation-start.repository';
import { WorkerService } from './engine/worker.service';
import { EscalationPoliciesController } from './escalation-policies.controller';
import { EscalationPoliciesService } from './escalation-policies.service';
import { EscalationPolicy } from './escalation-policy.entity';
import { OnCallController } from './oncall.controller';
import { OnCallService } from './oncall.service';
import { TargetDirectory } from './target-directory';

@Module({
  imports: [
    TypeOrmModule.forFeature([EscalationPolicy]),
    UsersModule,
    SchedulesModule,
    IncidentsModule,
    ServicesModule,
    NotificationsModule,
  ],
  controllers: [EscalationPoliciesController, OnCallController],
  providers: [EscalationPoliciesService, TargetDirectory, OnCallService, EscalationEngineService, EscalationStartRepository, WorkerService],
  exports: [EscalationPoliciesService, WorkerService, EscalationEngineService],
})
export class EscalationModule {}
