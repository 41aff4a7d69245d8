import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module';
import { IcalFeedsRepository } from './ical-feeds.repository';
import { ScheduleIcalFeed } from './schedule-ical-feed.entity';
import { ScheduleIcalService } from './schedule-ical.service';
import { ScheduleLayerUser } from './schedule-layer-user.entity';
import { ScheduleLayer } from './schedule-layer.entity';
import { ScheduleOverride } from './schedule-override.entity';
import { ScheduleOverridesService } from './schedule-overrides.service';
import { ScheduleViewsService } from './schedule-views.service';
import { Schedule } from './schedule.entity';
import { SchedulesRepository } from './schedules.repository';
import { SchedulesController } from './schedules.controller';
import { ScheduleReferences } from './schedule-references';
import { ScheduleChanges } from './schedule-changes';
import { SchedulesService } from './schedules.service';

/** Schedules; exports SchedulesService, whose lookup contract the escalation engine uses. */
@Module({
  imports: [TypeOrmModule.forFeature([Schedule, ScheduleLayer, ScheduleLayerUser, ScheduleOverride, ScheduleIcalFeed]), UsersModule],
  controllers: [SchedulesController],
  providers: [
    SchedulesRepository,
    IcalFeedsRepository,
    SchedulesService,
    ScheduleOverridesService,
    ScheduleViewsService,
    ScheduleIcalService,
    ScheduleReferences,
    ScheduleChanges,
  ],
  exports: [SchedulesService, ScheduleReferences, ScheduleChanges],
})
export class SchedulesModule {}
