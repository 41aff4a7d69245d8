import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ServicesModule } from '../services/services.module';
import { EventRouterHit } from './event-router-hit.entity';
import { EventRouter } from './event-router.entity';
import { EventRoutersController } from './event-routers.controller';
import { EventRoutersRepository } from './event-routers.repository';
import { EventRoutersService } from './event-routers.service';
import { RouterHitCounter } from './router-hit-counter';
import { RouterHitsRepository } from './router-hits.repository';

/** Event routers: one routing key in front of many services; rules/ is the pure evaluator. Ingest calls it for router keys. */
@Module({
  imports: [TypeOrmModule.forFeature([EventRouter, EventRouterHit]), ServicesModule],
  controllers: [EventRoutersController],
  providers: [EventRoutersService, EventRoutersRepository, RouterHitsRepository, RouterHitCounter],
  exports: [EventRoutersService, RouterHitCounter],
})
export class RoutingModule {}
