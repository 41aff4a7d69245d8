import { Injectable } from '@nestjs/common';

/** A service in maintenance: the covering window that ends last, and when. */
export interface ServiceMaintenance {
  windowId: string;
  until: Date;
}

/** What the maintenance module answers (it sits above services, so it registers here at start). */
export interface ServiceMaintenanceLookup {
  coverOf(serviceIds: readonly string[], now: Date): Promise<Map<string, ServiceMaintenance>>;
}

/**
 * Whether services are in maintenance now, for service responses: the
 * maintenance module registers its lookup at start (maintenance/
 * service-maintenance.source.ts), so services need not import it.
 */
@Injectable()
export class ServiceMaintenanceRegistry {
  private lookup: ServiceMaintenanceLookup | null = null;

  register(lookup: ServiceMaintenanceLookup): void {
    this.lookup = lookup;
  }

  coverOf(serviceIds: readonly string[], now: Date): Promise<Map<string, ServiceMaintenance>> {
    return this.lookup ? this.lookup.coverOf(serviceIds, now) : Promise.resolve(new Map());
  }
}
