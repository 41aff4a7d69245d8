import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EscalationPolicy } from '../escalation/escalation-policy.entity';
import { IncidentsModule } from '../incidents/incidents.module';
import { HeartbeatMonitor } from './heartbeat-monitor.entity';
import { HeartbeatMonitorsService } from './heartbeat-monitors.service';
import { HeartbeatsService } from './heartbeats.service';
import { Integration } from './integration.entity';
import { IntegrationsService } from './integrations.service';
import { Service } from './service.entity';
import { ServiceMaintenanceRegistry } from './service-maintenance';
import { ServicesController } from './services.controller';
import { ServiceReferences } from './service-references';
import { ServicesService } from './services.service';

/** Services, the integration keys that feed them, and their heartbeat monitors (which open incidents when silent). */
@Module({
  // EscalationPolicy is listed only so the Service -> policy relation (and its FK) has metadata; its rows are the escalation module's.
  imports: [TypeOrmModule.forFeature([Service, Integration, HeartbeatMonitor, EscalationPolicy]), IncidentsModule],
  controllers: [ServicesController],
  providers: [ServicesService, ServiceReferences, IntegrationsService, HeartbeatMonitorsService, HeartbeatsService, ServiceMaintenanceRegistry],
  exports: [ServicesService, ServiceReferences, IntegrationsService, HeartbeatMonitorsService, HeartbeatsService, ServiceMaintenanceRegistry],
})
export class ServicesModule {}
