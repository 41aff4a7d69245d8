import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ActorRecord } from '../incidents/incident.entity';
import type { IncidentInfo } from './incident-page.content';

interface IncidentInfoRow {
  id: string;
  /** bigint: node-postgres answers it as text. */
  number: string;
  title: string;
  severity: string;
  status: IncidentInfo['status'];
  service_name: string;
  acknowledged_by: ActorRecord | null;
  resolved_by: ActorRecord | null;
  alert_kind: string | null;
  alert_details: unknown;
  /** count(*): text. */
  firing: string | null;
  paged: string[] | null;
  maintenance_released_at: Date | null;
}

/**
 * Reads, never writes, the incidents module's `incidents` and `alerts`, the services
 * module's `services` and the users module's `users` (and this module's
 * `notifications`): the incident as every channel renders it, for a batch of pages in
 * one query, whatever the number of pages (the dispatcher sends many a second).
 *
 * The alert shown is the latest firing trigger (else the latest alert; an acknowledge
 * event carries no details), by the (incident_id, received_at) index; the people paged are the users of the pages of
 * the incident's current epoch, loop and level, by the incident_id index.
 */
@Injectable()
export class IncidentPagesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load(ids: string[]): Promise<Map<string, IncidentInfo>> {
    if (!ids.length) return new Map();
    const rows = await this.dataSource.query<IncidentInfoRow[]>(
      `SELECT i.id, i.number, i.title, i.severity, i.status, i.acknowledged_by, i.resolved_by, s.name AS service_name,
              i.maintenance_released_at, a.source AS alert_kind, a.details AS alert_details, f.firing, p.paged
         FROM incidents i
         JOIN services s ON s.id = i.service_id
         LEFT JOIN LATERAL (
           SELECT source, details FROM (
             (SELECT source, details, 0 AS pick FROM alerts
               WHERE incident_id = i.id AND status = 'firing' AND action = 'trigger' ORDER BY received_at DESC LIMIT 1)
             UNION ALL
             (SELECT source, details, 1 FROM alerts WHERE incident_id = i.id ORDER BY received_at DESC LIMIT 1)
           ) latest ORDER BY pick LIMIT 1
         ) a ON true
         LEFT JOIN LATERAL (
           SELECT count(*) AS firing FROM alerts WHERE incident_id = i.id AND status = 'firing' AND fingerprint IS NOT NULL
         ) f ON true
         LEFT JOIN LATERAL (
           SELECT array_agg(DISTINCT u.name ORDER BY u.name) AS paged
             FROM notifications n JOIN users u ON u.id = n.user_id
            WHERE n.incident_id = i.id AND n.epoch = i.escalation_epoch AND n.loop = i.loop AND n.level = i.level
         ) p ON true
        WHERE i.id = ANY($1::uuid[])`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((r) => [r.id, toIncidentInfo(r)]));
  }
}

function toIncidentInfo(r: IncidentInfoRow): IncidentInfo {
  return {
    id: r.id,
    number: Number(r.number),
    title: r.title,
    severity: r.severity,
    status: r.status,
    serviceName: r.service_name,
    acknowledgedBy: r.acknowledged_by,
    resolvedBy: r.resolved_by,
    alert: r.alert_kind === null ? null : { kind: r.alert_kind, details: r.alert_details, firing: Number(r.firing ?? 0) },
    paged: r.paged ?? [],
    maintenanceReleasedAt: r.maintenance_released_at,
  };
}
