import { AlertmanagerAlert, AlertStatus, EventAction, EventLink, isSeverity, Severity } from './normalised-event';
import { messages, readOptionalLine, readRequiredString, readStringMap } from './payload-reader';
import { readAlerts, readAlertStatus } from './grouped-alerts';
import { getOwn, safeHttpUrl, sanitizeDedupKey, sanitizeTitle } from './sanitize';

/**
 * The Alertmanager webhook shape, shared by Alertmanager (`version: "4"`) and
 * Grafana (`version: "1"`, the same shape plus extras). Each notification is
 * the full current state of one alert group, so it becomes one event whose
 * `alerts` the caller upserts by fingerprint.
 */

/** Severity when `commonLabels.severity` is absent or not one of the four levels (e.g. "page"). */
export const DEFAULT_GROUP_SEVERITY: Severity = 'error';
/** A group of hundreds of alerts must not become hundreds of links in an SMS or email. */
export const MAX_GROUP_LINKS = 20;

export interface AlertGroup {
  groupKey: string;
  status: AlertStatus;
  receiver: string | null;
  groupLabels: Record<string, string>;
  commonLabels: Record<string, string>;
  commonAnnotations: Record<string, string>;
  externalURL: string | null;
  truncatedAlerts: number;
  notificationReason: string | null;
  alerts: AlertmanagerAlert[];
}

/**
 * Reads the common shape, pushing every problem into `errors`. Returns
 * undefined when anything is wrong.
 */
export function readAlertGroup(
  body: Record<string, unknown>,
  expectedVersion: string,
  errors: string[],
  options: { grafana: boolean },
): AlertGroup | undefined {
  const errorCountBefore = errors.length;
  const version = readRequiredString(body, 'version', 'version', errors);
  if (version !== undefined && version !== expectedVersion) errors.push(messages.oneOf('version', [expectedVersion]));

  const groupKeyRaw = readRequiredString(body, 'groupKey', 'groupKey', errors);
  const status = readAlertStatus(body, 'status', 'status', errors);
  const receiver = readOptionalLine(body, 'receiver', 'receiver', errors);
  const groupLabels = readStringMap(body, 'groupLabels', 'groupLabels', errors, { multiline: false });
  const commonLabels = readStringMap(body, 'commonLabels', 'commonLabels', errors, { multiline: false });
  const commonAnnotations = readStringMap(body, 'commonAnnotations', 'commonAnnotations', errors, {
    multiline: true,
  });
  const externalURL = readOptionalLine(body, 'externalURL', 'externalURL', errors);
  const truncatedAlerts = readTruncatedAlerts(body, errors);
  const notificationReason = readOptionalLine(body, 'notification_reason', 'notification_reason', errors);
  const alerts = readAlerts(body, errors, options);

  if (errors.length > errorCountBefore || groupKeyRaw === undefined || status === undefined) return undefined;
  return {
    groupKey: sanitizeDedupKey(groupKeyRaw),
    status,
    receiver,
    groupLabels,
    commonLabels,
    commonAnnotations,
    externalURL,
    truncatedAlerts,
    notificationReason,
    alerts,
  };
}

export function groupAction(group: AlertGroup): EventAction {
  return group.status === 'resolved' ? 'resolve' : 'trigger';
}

export function firingCount(group: AlertGroup): number {
  return group.alerts.filter((alert) => alert.status === 'firing').length;
}

/** `commonAnnotations.summary`, else "<alertname> (<n> firing)", else "Alert group (<n> firing)". */
export function groupTitle(group: AlertGroup): string {
  const summary = sanitizeTitle(group.commonAnnotations.summary ?? '');
  if (summary !== '') return summary;
  const alertname = (group.commonLabels.alertname ?? '').trim();
  return sanitizeTitle(`${alertname !== '' ? alertname : 'Alert group'} (${firingCount(group)} firing)`);
}

/** `commonLabels.severity` when it is one of the four levels (case-insensitive), else `error`. */
export function groupSeverity(group: AlertGroup): Severity {
  const label = (group.commonLabels.severity ?? '').trim().toLowerCase();
  return isSeverity(label) ? label : DEFAULT_GROUP_SEVERITY;
}

/** The affected system: `commonLabels.instance`, else `commonLabels.job`, else null. */
export function groupSource(group: AlertGroup): string | null {
  const source = (group.commonLabels.instance ?? group.commonLabels.job ?? '').trim();
  return source === '' ? null : source;
}

/**
 * For a trigger, the earliest `startsAt` of the firing alerts; for a resolve,
 * the latest `endsAt`. Null when the alerts carry no usable time.
 */
export function groupOccurredAt(group: AlertGroup): Date | null {
  const times =
    group.status === 'resolved'
      ? group.alerts.map((alert) => alert.endsAt)
      : group.alerts.filter((alert) => alert.status === 'firing').map((alert) => alert.startsAt);
  const millis = times.filter((time): time is Date => time !== null).map((time) => time.getTime());
  if (millis.length === 0) return null;
  return new Date(group.status === 'resolved' ? Math.max(...millis) : Math.min(...millis));
}

/**
 * Runbook first, then each alert's source (and Grafana's dashboard, panel and
 * silence pages), then the sender's UI; http(s) only, deduplicated by href,
 * at most MAX_GROUP_LINKS.
 */
export function groupLinks(group: AlertGroup, externalText: string): EventLink[] {
  const candidates: EventLink[] = [];
  const runbook = group.commonAnnotations.runbook_url;
  if (runbook !== undefined) candidates.push({ href: runbook, text: 'Runbook' });
  for (const alert of group.alerts) {
    const name = alert.labels.alertname;
    if (alert.generatorURL !== null) {
      candidates.push({ href: alert.generatorURL, text: name ? `Source: ${name}` : 'Source' });
    }
    if (alert.grafana) {
      if (alert.grafana.dashboardURL !== null) candidates.push({ href: alert.grafana.dashboardURL, text: 'Dashboard' });
      if (alert.grafana.panelURL !== null) candidates.push({ href: alert.grafana.panelURL, text: 'Panel' });
      if (alert.grafana.silenceURL !== null) candidates.push({ href: alert.grafana.silenceURL, text: 'Silence' });
    }
  }
  if (group.externalURL !== null) candidates.push({ href: group.externalURL, text: externalText });

  const seen = new Set<string>();
  const links: EventLink[] = [];
  for (const candidate of candidates) {
    const href = safeHttpUrl(candidate.href);
    if (href === null || seen.has(href)) continue;
    seen.add(href);
    links.push({ href, text: candidate.text });
    if (links.length === MAX_GROUP_LINKS) break;
  }
  return links;
}

/** The group fields kept in `details`, under their wire names. */
export function groupDetails(group: AlertGroup): Record<string, unknown> {
  const details: Record<string, unknown> = {
    status: group.status,
    groupLabels: group.groupLabels,
    commonLabels: group.commonLabels,
    commonAnnotations: group.commonAnnotations,
    truncatedAlerts: group.truncatedAlerts,
  };
  if (group.receiver !== null) details.receiver = group.receiver;
  if (group.externalURL !== null) details.externalURL = group.externalURL;
  if (group.notificationReason !== null) details.notification_reason = group.notificationReason;
  return details;
}

function readTruncatedAlerts(body: Record<string, unknown>, errors: string[]): number {
  const value = getOwn(body, 'truncatedAlerts');
  if (value === undefined || value === null) return 0;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    errors.push(messages.mustBe('truncatedAlerts', 'a non-negative integer'));
    return 0;
  }
  return value;
}
