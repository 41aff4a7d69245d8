import { Injectable, OnModuleInit } from '@nestjs/common';
import { ServiceMaintenance, ServiceMaintenanceLookup, ServiceMaintenanceRegistry } from '../services/service-maintenance';
import { MaintenanceWindowsRepository } from './maintenance-windows.repository';

/** Tells service responses which services are in maintenance now and until when. */
@Injectable()
export class ServiceMaintenanceSource implements OnModuleInit, ServiceMaintenanceLookup {
  constructor(
    private readonly registry: ServiceMaintenanceRegistry,
    private readonly windows: MaintenanceWindowsRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  coverOf(serviceIds: readonly string[], now: Date): Promise<Map<string, ServiceMaintenance>> {
    return this.windows.coverOf(serviceIds, now);
  }
}
