import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { SchedulesModule } from '../schedules/schedules.module';
import { UsersModule } from '../users/users.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { HandoffMessagesRepository } from './handoff-messages.repository';
import { HandoffPlannerService } from './handoff-planner.service';
import { HandoffRulesController } from './handoff-rules.controller';
import { HandoffRulesRepository } from './handoff-rules.repository';
import { HandoffRetention } from './handoff-retention';
import { HandoffRulesService } from './handoff-rules.service';
import { HandoffSenderService } from './handoff-sender.service';
import { HandoffTimerClaimerService } from './handoff-timer-claimer.service';
import { HandoffTimersRepository } from './handoff-timers.repository';
import { HandoffTransports } from './handoff-transports';

/**
 * Handoff notifications (docs/handoff.md): per-user rules, timers planned
 * from the final schedule, the schedule Slack channel's "On call now" posts
 * and shift-change notices, sent through their own outbox. The worker runs
 * the timer claimer and the sender.
 */
@Module({
  imports: [UsersModule, SchedulesModule, WebhooksModule],
  controllers: [HandoffRulesController],
  providers: [
    HandoffRulesRepository,
    HandoffTimersRepository,
    HandoffMessagesRepository,
    HandoffPlannerService,
    HandoffRulesService,
    HandoffTimerClaimerService,
    HandoffSenderService,
    HandoffRetention,
    { provide: HandoffTransports, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new HandoffTransports(config) },
  ],
  exports: [HandoffTimerClaimerService, HandoffSenderService],
})
export class HandoffModule {}
