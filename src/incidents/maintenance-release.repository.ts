import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { WORK_CHANNEL, type WorkKind } from '../database/work-channel';
import { coveredByMaintenance } from './incident-statements';

/**
 * A write of incidents that is not an event or an action: releasing the
 * incidents a maintenance window held (docs/maintenance.md). Kept beside
 * IncidentsRepository, which owns the writes of events and actions, and
 * IncidentOpeningsRepository, which claims new incidents.
 */
/**
 * Hears the release of held incidents, inside the releasing transaction
 * (outgoing webhooks queue `incident.maintenance_ended`); registered at start
 * by a module above this one.
 */
export interface MaintenanceReleaseListener {
  onReleased(em: EntityManager, incidentIds: readonly string[], now: Date): Promise<void>;
}

@Injectable()
export class MaintenanceReleaseRepository {
  private readonly listeners: MaintenanceReleaseListener[] = [];

  registerListener(listener: MaintenanceReleaseListener): void {
    this.listeners.push(listener);
  }

  /**
   * Releases held maintenance incidents (docs/maintenance.md): those opened
   * during a maintenance window (`maintenance`, not yet released) that are
   * still triggered and, unless `force`, whose service no window covers at
   * `now`. Each gets `maintenance_released_at = now` and a timeline entry, and
   * the workers are woken (NOTIFY at commit): the start claim of new
   * incidents (incident-openings.repository.ts) then hands it to its
   * listeners, and the engine starts its escalation at level 0 as of `now`,
   * Slack posts it to the service's channel. The registered listeners hear the released ids in
   * this transaction. In the caller's transaction; the rows are locked in id
   * order, as every incident batch locks them. Returns the released ids.
   *
   * `scope`: the held incidents of these services (a window ended), or these
   * incidents (an un-acknowledge or an "escalate now" of a held incident).
   */
  async releaseHeld(
    em: EntityManager,
    scope: { serviceIds: readonly string[] } | { incidentIds: readonly string[] },
    now: Date,
    entry: { message: string; data: Record<string, unknown>; force?: boolean },
  ): Promise<string[]> {
    const byService = 'serviceIds' in scope;
    const ids = byService ? scope.serviceIds : scope.incidentIds;
    if (!ids.length) return [];
    const rows: { id: string }[] = await em.query(
      `WITH held AS (
         SELECT h.id FROM incidents h
          WHERE ${byService ? 'h.service_id' : 'h.id'} = ANY($1::uuid[])
            AND h.maintenance AND h.maintenance_released_at IS NULL AND h.status = 'triggered'
            AND ($5::boolean OR NOT ${coveredByMaintenance('h.service_id', '$2')})
          ORDER BY h.id
            FOR NO KEY UPDATE OF h
       ), released AS (
         UPDATE incidents i SET maintenance_released_at = $2::timestamptz, updated_at = $2::timestamptz
           FROM held WHERE i.id = held.id
         RETURNING i.id
       ), timeline AS (
         INSERT INTO incident_timeline (incident_id, at, type, message, actor_type, actor_id, actor_name, channel, data)
         SELECT r.id, $2::timestamptz, 'maintenance-released', $3, 'system', NULL, 'Klaxon', 'system', $4::jsonb FROM released r
       ), wake AS (
         SELECT pg_notify('${WORK_CHANNEL}', '${'timers' satisfies WorkKind}') FROM (SELECT 1) AS one WHERE EXISTS (SELECT 1 FROM released)
       )
       SELECT r.id, (SELECT count(*) FROM wake) AS woken FROM released r ORDER BY r.id`,
      [ids, now, entry.message, JSON.stringify(entry.data), entry.force ?? false],
    );
    const released = rows.map((r) => r.id);
    if (released.length) for (const listener of this.listeners) await listener.onReleased(em, released, now);
    return released;
  }

}
