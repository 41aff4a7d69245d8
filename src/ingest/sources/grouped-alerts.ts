import {
  AlertmanagerAlert,
  AlertStatus,
  GrafanaAlertExtras,
  MAX_DEDUP_KEY_LENGTH,
} from './normalised-event';
import {
  joinPath,
  messages,
  readOptionalLine,
  readOptionalObject,
  readOptionalString,
  readRequiredString,
  readStringMap,
} from './payload-reader';
import {
  getOwn,
  isForbiddenKey,
  isPlainObject,
  parseInstant,
  sanitizeLine,
  sanitizeMultiline,
  truncateChars,
} from './sanitize';

/**
 * The `alerts[]` of an Alertmanager or Grafana notification: each alert
 * validated with its index in every error path, fingerprints unique within
 * the notification because the caller upserts by fingerprint.
 */

export const ALERT_STATUSES = ['firing', 'resolved'] as const;

export function readAlertStatus(
  obj: Record<string, unknown>,
  key: string,
  path: string,
  errors: string[],
): AlertStatus | undefined {
  const value = readRequiredString(obj, key, path, errors);
  if (value === undefined) return undefined;
  if (value !== 'firing' && value !== 'resolved') {
    errors.push(messages.oneOf(path, ALERT_STATUSES));
    return undefined;
  }
  return value;
}

export function readAlerts(
  body: Record<string, unknown>,
  errors: string[],
  options: { grafana: boolean },
): AlertmanagerAlert[] {
  const value = getOwn(body, 'alerts');
  if (value === undefined || value === null) {
    errors.push(messages.missing('alerts'));
    return [];
  }
  if (!Array.isArray(value)) {
    errors.push(messages.mustBe('alerts', 'an array'));
    return [];
  }
  if (value.length === 0) {
    errors.push(messages.mustBe('alerts', 'a non-empty array'));
    return [];
  }
  const alerts: AlertmanagerAlert[] = [];
  const firstIndexByFingerprint = new Map<string, number>();
  value.forEach((item, index) => {
    const path = `alerts[${index}]`;
    const alert = readAlert(item, path, errors, options);
    if (alert === undefined) return;
    const firstIndex = firstIndexByFingerprint.get(alert.fingerprint);
    if (firstIndex !== undefined) {
      // Upserts are keyed by fingerprint: two states for one alert would be ambiguous.
      errors.push(`'${path}.fingerprint' duplicates 'alerts[${firstIndex}].fingerprint'`);
      return;
    }
    firstIndexByFingerprint.set(alert.fingerprint, index);
    alerts.push(alert);
  });
  return alerts;
}

function readAlert(
  item: unknown,
  path: string,
  errors: string[],
  options: { grafana: boolean },
): AlertmanagerAlert | undefined {
  if (!isPlainObject(item)) {
    errors.push(messages.mustBe(path, 'an object'));
    return undefined;
  }
  const obj = item;
  const errorCountBefore = errors.length;
  const status = readAlertStatus(obj, 'status', joinPath(path, 'status'), errors);
  const labels = readStringMap(obj, 'labels', joinPath(path, 'labels'), errors, { multiline: false });
  const annotations = readStringMap(obj, 'annotations', joinPath(path, 'annotations'), errors, { multiline: true });
  const startsAt = readAlertTime(obj, 'startsAt', joinPath(path, 'startsAt'), errors, { required: true });
  const endsAt = readAlertTime(obj, 'endsAt', joinPath(path, 'endsAt'), errors, { required: false });
  const generatorURL = readOptionalLine(obj, 'generatorURL', joinPath(path, 'generatorURL'), errors);
  const fingerprint = readRequiredString(obj, 'fingerprint', joinPath(path, 'fingerprint'), errors);
  const grafana = options.grafana ? readGrafanaExtras(obj, path, errors) : undefined;

  if (errors.length > errorCountBefore || status === undefined || fingerprint === undefined) return undefined;
  const alert: AlertmanagerAlert = {
    fingerprint: truncateChars(sanitizeLine(fingerprint).trim(), MAX_DEDUP_KEY_LENGTH),
    status,
    labels,
    annotations,
    startsAt,
    endsAt,
    generatorURL,
  };
  if (grafana !== undefined) alert.grafana = grafana;
  return alert;
}

/**
 * Alertmanager sends Go's zero time (`0001-01-01T00:00:00Z`) for "no end yet";
 * that, and any instant in year 1, reads as null.
 */
function readAlertTime(
  obj: Record<string, unknown>,
  key: string,
  path: string,
  errors: string[],
  options: { required: boolean },
): Date | null {
  const value = options.required
    ? readRequiredString(obj, key, path, errors)
    : readOptionalString(obj, key, path, errors);
  if (value === undefined) return null;
  const parsed = parseInstant(value);
  if (parsed === null) {
    errors.push(messages.notInstant(path));
    return null;
  }
  return parsed.getUTCFullYear() <= 1 ? null : parsed;
}

function readGrafanaExtras(obj: Record<string, unknown>, path: string, errors: string[]): GrafanaAlertExtras {
  const silenceURL = readOptionalLine(obj, 'silenceURL', joinPath(path, 'silenceURL'), errors);
  const dashboardURL = readOptionalLine(obj, 'dashboardURL', joinPath(path, 'dashboardURL'), errors);
  const panelURL = readOptionalLine(obj, 'panelURL', joinPath(path, 'panelURL'), errors);
  const values = readGrafanaValues(obj, joinPath(path, 'values'), errors);
  const valueString = readOptionalString(obj, 'valueString', joinPath(path, 'valueString'), errors);
  const imageURL = readOptionalLine(obj, 'imageURL', joinPath(path, 'imageURL'), errors);
  return {
    silenceURL,
    dashboardURL,
    panelURL,
    imageURL,
    values,
    valueString: valueString === undefined ? null : sanitizeMultiline(valueString),
  };
}

function readGrafanaValues(
  obj: Record<string, unknown>,
  path: string,
  errors: string[],
): Record<string, number | null> | null {
  const map = readOptionalObject(obj, 'values', path, errors);
  if (map === undefined) return null;
  const values: Record<string, number | null> = {};
  for (const [key, value] of Object.entries(map)) {
    if (isForbiddenKey(key)) continue;
    if (value !== null && (typeof value !== 'number' || !Number.isFinite(value))) {
      errors.push(messages.mustBe(joinPath(path, key), 'a number or null'));
      continue;
    }
    values[sanitizeLine(key)] = value;
  }
  return values;
}
