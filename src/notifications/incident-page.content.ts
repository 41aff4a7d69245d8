import type { ActorRecord } from '../incidents/incident.entity';
import type { PageContent } from './channels/notification-channel';

/** The incident as every channel renders it (IncidentPagesRepository reads it for a batch of pages). */
export interface IncidentInfo {
  id: string;
  number: number;
  title: string;
  severity: string;
  status: 'triggered' | 'acknowledged' | 'resolved';
  serviceName: string;
  acknowledgedBy: ActorRecord | null;
  resolvedBy: ActorRecord | null;
}

export function toPageContent(incident: IncidentInfo, extra: Partial<PageContent> = {}): PageContent {
  return {
    incidentId: incident.id,
    incidentNumber: incident.number,
    status: incident.status,
    title: incident.title,
    severity: incident.severity,
    serviceName: incident.serviceName,
    ...extra,
  };
}

/** "Alice (via SMS)": who moved the incident to its current state, as messages show it. */
export function actedByLabel(incident: IncidentInfo): string | undefined {
  const actor = incident.status === 'resolved' ? incident.resolvedBy : incident.status === 'acknowledged' ? incident.acknowledgedBy : null;
  if (!actor) return undefined;
  const who = actor.name ?? (actor.type === 'system' ? 'Klaxon' : actor.type);
  const via = CHANNEL_LABELS[actor.channel] ? ` (via ${CHANNEL_LABELS[actor.channel]})` : '';
  return `${who}${via}`;
}

const CHANNEL_LABELS: Record<string, string> = { api: 'API', sms: 'SMS', voice: 'voice', email: 'email', slack: 'Slack' };
