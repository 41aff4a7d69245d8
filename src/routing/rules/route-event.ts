import type { AlertmanagerAlert, NormalisedEvent, Severity } from '../../ingest/sources/normalised-event';
import { isSeverity, MAX_TITLE_LENGTH, SEVERITIES } from '../../ingest/sources/normalised-event';
import { alertFacts, eventFacts } from './event-facts';
import { CompiledRouter, evaluate, Outcome } from './evaluate';

/** The part of an event that goes to one service: the event to record there, and whether it is suppressed. */
export interface RoutedPart {
  serviceId: string;
  suppressed: boolean;
  event: NormalisedEvent;
}

export interface RoutingResult {
  /** What to record, one event per service. Empty when everything was dropped. */
  parts: RoutedPart[];
  /** One outcome per evaluation (per event, or per alert of a group), for the hit counters and metrics. */
  hits: Outcome[];
}

/**
 * An acknowledge or resolve that is not a group (Events v2, generic, Opsgenie
 * close) carries nothing to match: it goes to the incidents this router
 * opened with its dedup key, whatever service they belong to. Groups are
 * always routed: each alert carries its labels and its own status.
 */
export function isFollowUp(event: NormalisedEvent): boolean {
  return event.alerts === undefined && event.action !== 'trigger';
}

/**
 * Routes one event (a trigger, or an Alertmanager/Grafana group of any
 * status) through a router. A plain event is evaluated once. A group is
 * evaluated per alert; the alerts that go to one service form one event for
 * that service, with the group's dedup key, resolving when every alert of
 * that part has resolved. A part is suppressed only when every alert in it
 * was routed by a suppressing rule, and takes the most severe override of
 * its alerts' rules (none: the part's own severity).
 */
export function routeEvent(router: CompiledRouter, event: NormalisedEvent, format: string): RoutingResult {
  const alerts = event.alerts;
  if (alerts === undefined || alerts.length === 0) {
    const outcome = evaluate(router, eventFacts(event, format));
    if (outcome.kind === 'drop') return { parts: [], hits: [outcome] };
    const routed = outcome.severity === null ? event : { ...event, severity: outcome.severity };
    return { parts: [{ serviceId: outcome.serviceId, suppressed: outcome.suppress, event: routed }], hits: [outcome] };
  }
  const hits: Outcome[] = new Array<Outcome>(alerts.length);
  const byService = new Map<string, { alerts: AlertmanagerAlert[]; suppressed: boolean; severity: Severity | null }>();
  for (let i = 0; i < alerts.length; i++) {
    const outcome = evaluate(router, alertFacts(event, alerts[i]));
    hits[i] = outcome;
    if (outcome.kind === 'drop') continue;
    let part = byService.get(outcome.serviceId);
    if (!part) {
      part = { alerts: [], suppressed: true, severity: null };
      byService.set(outcome.serviceId, part);
    }
    part.alerts.push(alerts[i]);
    part.suppressed = part.suppressed && outcome.suppress;
    part.severity = mostSevere(part.severity, outcome.severity);
  }
  const parts: RoutedPart[] = [];
  for (const [serviceId, part] of byService) {
    const whole = part.alerts.length === alerts.length;
    const sub = whole ? wholeGroup(event) : groupPart(event, part.alerts);
    const severity = part.severity ?? sub.severity;
    parts.push({ serviceId, suppressed: part.suppressed, event: severity === sub.severity ? sub : { ...sub, severity } });
  }
  return { parts, hits };
}

/** The whole group to one service: as adapted, its action following its alerts (resolve when every alert resolved). */
function wholeGroup(event: NormalisedEvent): NormalisedEvent {
  const action = event.alerts!.every((a) => a.status === 'resolved') ? 'resolve' : 'trigger';
  return action === event.action ? event : { ...event, action };
}

function mostSevere(a: Severity | null, b: Severity | null): Severity | null {
  if (a === null) return b;
  if (b === null) return a;
  return SEVERITIES.indexOf(a) <= SEVERITIES.indexOf(b) ? a : b;
}

/** One line (line breaks and control characters become spaces), trimmed, at most MAX_TITLE_LENGTH characters, as adapters make titles. */
function titleLine(text: string): string {
  const line = text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
  return line.length <= MAX_TITLE_LENGTH ? line : Array.from(line).slice(0, MAX_TITLE_LENGTH).join('');
}

/** A value every alert has the same of, else undefined. */
function common(alerts: AlertmanagerAlert[], get: (a: AlertmanagerAlert) => string | undefined): string | undefined {
  const first = get(alerts[0]);
  for (let i = 1; i < alerts.length; i++) if (get(alerts[i]) !== first) return undefined;
  return first;
}

/**
 * The event for some alerts of a group: resolve when all of them resolved,
 * else trigger; the title and severity computed from these alerts as the
 * adapter computes them from the whole group (common `summary` annotation,
 * else "<alertname> (<n> firing)"; common `severity` label).
 */
export function groupPart(event: NormalisedEvent, alerts: AlertmanagerAlert[]): NormalisedEvent {
  const firing = alerts.filter((a) => a.status === 'firing').length;
  const summary = common(alerts, (a) => a.annotations.summary)?.trim();
  const alertname = common(alerts, (a) => a.labels.alertname)?.trim();
  const title = summary ? titleLine(summary) : titleLine(`${alertname ? alertname : 'Alert group'} (${firing} firing)`);
  const label = common(alerts, (a) => a.labels.severity)?.trim().toLowerCase();
  return {
    ...event,
    action: firing === 0 ? 'resolve' : 'trigger',
    title,
    severity: isSeverity(label) ? label : event.severity,
    alerts,
  };
}
