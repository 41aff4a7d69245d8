import {
  groupAction,
  groupDetails,
  groupLinks,
  groupOccurredAt,
  groupSeverity,
  groupSource,
  groupTitle,
  readAlertGroup,
} from './alert-group';
import { AdapterResult, NormalisedEvent } from './normalised-event';
import { messages } from './payload-reader';
import { isPlainObject } from './sanitize';

/**
 * Prometheus Alertmanager `webhook_configs` receiver (`version: "4"`). One
 * notification becomes one event:
 * - dedup key: `groupKey`;
 * - action: `resolve` when `status` is `resolved` (every alert of the group
 *   resolved), else `trigger` (a trigger on the open incident only upserts the
 *   alerts and pages nobody new);
 * - title: `commonAnnotations.summary`, else "<alertname> (<n> firing)";
 * - severity: `commonLabels.severity` when one of the four levels, else `error`;
 * - source: `commonLabels.instance`, else `commonLabels.job`;
 * - alerts: every alert of the group, to upsert by `fingerprint`.
 */
export const ALERTMANAGER_WEBHOOK_VERSION = '4';

export function adaptAlertmanager(body: unknown): AdapterResult {
  if (!isPlainObject(body)) return { ok: false, errors: [messages.notObjectBody()] };
  const errors: string[] = [];
  const group = readAlertGroup(body, ALERTMANAGER_WEBHOOK_VERSION, errors, { grafana: false });
  if (group === undefined) return { ok: false, errors };

  const event: NormalisedEvent = {
    action: groupAction(group),
    dedupKey: group.groupKey,
    title: groupTitle(group),
    severity: groupSeverity(group),
    source: groupSource(group),
    details: groupDetails(group),
    links: groupLinks(group, 'Alertmanager'),
    occurredAt: groupOccurredAt(group),
    alerts: group.alerts,
  };
  return { ok: true, events: [event] };
}
