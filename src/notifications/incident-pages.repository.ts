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
}

/**
 * Reads, never writes, the incidents module's `incidents` and the services module's
 * `services`: the incident as every channel renders it, for a batch of pages in one query.
 */
@Injectable()
export class IncidentPagesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load(ids: string[]): Promise<Map<string, IncidentInfo>> {
    if (!ids.length) return new Map();
    const rows = await this.dataSource.query<IncidentInfoRow[]>(
      `SELECT i.id, i.number, i.title, i.severity, i.status, i.acknowledged_by, i.resolved_by, s.name AS service_name
         FROM incidents i JOIN services s ON s.id = i.service_id
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
  };
}
