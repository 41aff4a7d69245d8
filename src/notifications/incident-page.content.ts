import type { DataSource, EntityManager } from 'typeorm';
import type { ActorRecord } from '../incidents/incident.entity';
import type { PageContent } from './channels/notification-channel';

/** The incident as every channel renders it, read in one query for a batch of pages. */
export interface IncidentInfo {
  id: string;
  number: string;
  title: string;
  severity: string;
  status: 'triggered' | 'acknowledged' | 'resolved';
  service_name: string;
  acknowledged_by: ActorRecord | null;
  resolved_by: ActorRecord | null;
}

export async function loadIncidentInfos(db: DataSource | EntityManager, ids: string[]): Promise<Map<string, IncidentInfo>> {
  if (!ids.length) return new Map();
  const infos: IncidentInfo[] = await db.query(
    `SELECT i.id, i.number, i.title, i.severity, i.status, i.acknowledged_by, i.resolved_by, s.name AS service_name
       FROM incidents i JOIN services s ON s.id = i.service_id
      WHERE i.id = ANY($1::uuid[])`,
    [[...new Set(ids)]],
  );
  return new Map(infos.map((i) => [i.id, i]));
}

export function toPageContent(incident: IncidentInfo, extra: Partial<PageContent> = {}): PageContent {
  return {
    incidentId: incident.id,
    incidentNumber: Number(incident.number),
    status: incident.status,
    title: incident.title,
    severity: incident.severity,
    serviceName: incident.service_name,
    ...extra,
  };
}

/** "Alice (via SMS)": who moved the incident to its current state, as messages show it. */
export function actedByLabel(incident: IncidentInfo): string | undefined {
  const actor = incident.status === 'resolved' ? incident.resolved_by : incident.status === 'acknowledged' ? incident.acknowledged_by : null;
  if (!actor) return undefined;
  const who = actor.name ?? (actor.type === 'system' ? 'Klaxon' : actor.type);
  const via = CHANNEL_LABELS[actor.channel] ? ` (via ${CHANNEL_LABELS[actor.channel]})` : '';
  return `${who}${via}`;
}

const CHANNEL_LABELS: Record<string, string> = { api: 'API', sms: 'SMS', voice: 'voice', email: 'email', slack: 'Slack' };
