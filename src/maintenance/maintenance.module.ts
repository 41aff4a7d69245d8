import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ServicesModule } from '../services/services.module';
import { MaintenanceWindow, MaintenanceWindowService } from './maintenance-window.entity';
import { MaintenanceWindowsController } from './maintenance-windows.controller';
import { MaintenanceWindowsRepository } from './maintenance-windows.repository';
import { MaintenanceWindowsService } from './maintenance-windows.service';
import { ServiceMaintenanceSource } from './service-maintenance.source';

/** Maintenance windows (docs/maintenance.md); the engine registers their end timers, incidents read them when opening. */
@Module({
  imports: [TypeOrmModule.forFeature([MaintenanceWindow, MaintenanceWindowService]), ServicesModule],
  controllers: [MaintenanceWindowsController],
  providers: [MaintenanceWindowsRepository, MaintenanceWindowsService, ServiceMaintenanceSource],
  exports: [MaintenanceWindowsService, MaintenanceWindowsRepository],
})
export class MaintenanceModule {}
