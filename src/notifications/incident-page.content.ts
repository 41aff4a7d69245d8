import type { ActorRecord } from '../incidents/incident.entity';
import { alertFacts, type StoredAlert } from './alert-facts.content';
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
  /** The latest firing alert (else the latest alert) of the incident; null when it has none. */
  alert: StoredAlert | null;
  /** Names of the people paged at the incident's current escalation level (epoch, loop, level), by name. */
  paged: string[];
  /** A maintenance incident released when its window ended (docs/maintenance.md); null otherwise. */
  maintenanceReleasedAt?: Date | null;
}

export function toPageContent(incident: IncidentInfo, extra: Partial<PageContent> = {}): PageContent {
  const facts = incident.alert ? alertFacts(incident.alert, incident.title) : null;
  return {
    incidentId: incident.id,
    incidentNumber: incident.number,
    status: incident.status,
    title: incident.title,
    severity: incident.severity,
    serviceName: incident.serviceName,
    ...(facts?.source ? { source: facts.source } : {}),
    ...(facts ? { integration: facts.integration } : {}),
    ...(facts?.details.length ? { details: facts.details } : {}),
    ...(facts?.detailsOmitted ? { detailsOmitted: facts.detailsOmitted } : {}),
    ...(facts?.links.length ? { links: facts.links } : {}),
    ...(incident.paged.length ? { paged: incident.paged } : {}),
    ...(incident.maintenanceReleasedAt ? { maintenanceReleasedAt: incident.maintenanceReleasedAt.toISOString() } : {}),
    ...extra,
  };
}

/**
 * The incident in the web console, `PUBLIC_URL/incidents/<number>` (the
 * console asks to sign in first when needed); absent without PUBLIC_URL.
 * Email and Slack pages link it; the SMS short link's page offers it too.
 */
export function consoleIncidentUrl(publicUrl: string | undefined, incidentNumber: number): string | undefined {
  const base = publicUrl?.replace(/\/+$/, '');
  return base ? `${base}/incidents/${incidentNumber}` : undefined;
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
