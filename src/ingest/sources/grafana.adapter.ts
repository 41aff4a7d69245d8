import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  groupDetails,
  groupLinks,
  groupOccurredAt,
  groupSeverity,
  groupSource,
  groupTitle,
  readAlertGroup,
} from './alert-group';
import { AdapterResult, EventAction, NormalisedEvent } from './normalised-event';
import { messages, readOptionalLine, readOptionalString } from './payload-reader';
import { getOwn, isPlainObject, sanitizeMultiline, sanitizeTitle } from './sanitize';

/**
 * Grafana unified-alerting webhook contact point (`version: "1"`): the
 * Alertmanager shape plus `orgId`, `title`, `state`, `message` and per-alert
 * extras. Same grouping rules as Alertmanager, except:
 * - action: `resolve` when `status` is `resolved` or `state` is `ok`;
 * - title: `title`, falling back to the Alertmanager rule when blank or absent.
 */
export const GRAFANA_WEBHOOK_VERSION = '1';
export const GRAFANA_STATES = ['alerting', 'ok'] as const;

export function adaptGrafana(body: unknown): AdapterResult {
  if (!isPlainObject(body)) return { ok: false, errors: [messages.notObjectBody()] };
  const errors: string[] = [];
  const group = readAlertGroup(body, GRAFANA_WEBHOOK_VERSION, errors, { grafana: true });
  const title = readOptionalLine(body, 'title', 'title', errors);
  const state = readState(body, errors);
  const message = readOptionalString(body, 'message', 'message', errors);
  const orgId = readOrgId(body, errors);
  if (group === undefined || errors.length > 0) return { ok: false, errors };

  const action: EventAction = group.status === 'resolved' || state === 'ok' ? 'resolve' : 'trigger';
  const details = groupDetails(group);
  if (state !== null) details.state = state;
  if (message !== undefined) details.message = sanitizeMultiline(message);
  if (orgId !== null) details.orgId = orgId;

  const event: NormalisedEvent = {
    action,
    dedupKey: group.groupKey,
    title: title !== null ? sanitizeTitle(title) : groupTitle(group),
    severity: groupSeverity(group),
    source: groupSource(group),
    details,
    links: groupLinks(group, 'Grafana'),
    occurredAt: groupOccurredAt(group),
    alerts: group.alerts,
  };
  return { ok: true, events: [event] };
}

function readState(body: Record<string, unknown>, errors: string[]): 'alerting' | 'ok' | null {
  const value = readOptionalString(body, 'state', 'state', errors);
  if (value === undefined) return null;
  if (value !== 'alerting' && value !== 'ok') {
    errors.push(messages.oneOf('state', GRAFANA_STATES));
    return null;
  }
  return value;
}

function readOrgId(body: Record<string, unknown>, errors: string[]): number | null {
  const value = getOwn(body, 'orgId');
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    errors.push(messages.mustBe('orgId', 'an integer'));
    return null;
  }
  return value;
}

export interface GrafanaSignatureInput {
  secret: string;
  /** The raw request body, byte for byte as received (not re-serialised JSON). */
  body: Buffer;
  /** The configured signature header's value: lowercase or uppercase hex. */
  signatureHex: string;
  /** The configured timestamp header's value, when the integration has one. */
  timestamp?: string;
}

/**
 * HMAC-SHA256 over `<timestamp>:<body>` when a timestamp is given, else over
 * the body, compared in constant time. A missing or malformed signature is
 * false, never an exception. Rejecting stale timestamps (replay) needs the
 * clock and is the caller's job.
 */
export function verifyGrafanaSignature(input: GrafanaSignatureInput): boolean {
  const provided = input.signatureHex.trim();
  if (!/^[0-9a-fA-F]{64}$/.test(provided)) return false;
  const hmac = createHmac('sha256', input.secret);
  if (input.timestamp !== undefined) hmac.update(`${input.timestamp}:`, 'utf8');
  hmac.update(input.body);
  return timingSafeEqual(hmac.digest(), Buffer.from(provided, 'hex'));
}
