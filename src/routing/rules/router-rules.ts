import { RE2JS } from 're2js';
import type { FieldError } from '../../common/errors';
import { isSeverity, SEVERITIES, Severity } from '../../ingest/sources/normalised-event';

/**
 * An event router's rules as stored and as the API takes them, and the one
 * judge of their shape. Pure: no I/O (whether a routed-to service exists is
 * the service layer's question).
 */

export const CONDITION_OPS = [
  'equals',
  'notEquals',
  'contains',
  'notContains',
  'startsWith',
  'matches',
  'notMatches',
  'exists',
  'notExists',
] as const;
export type ConditionOp = (typeof CONDITION_OPS)[number];

/** Fields read as they are; `labels.`, `annotations.` and `details.` take a name (a dotted path for details). */
export const PLAIN_FIELDS = ['summary', 'source', 'severity', 'component', 'group', 'class', 'eventAction'] as const;
export const FIELD_PREFIXES = ['labels.', 'annotations.', 'details.'] as const;

/** Ops that take no value. */
const VALUELESS_OPS: readonly ConditionOp[] = ['exists', 'notExists'];
/** The only ops that may compare ignoring case. */
const IGNORE_CASE_OPS: readonly ConditionOp[] = ['equals', 'contains'];

export const MAX_RULES = 100;
export const MAX_CONDITIONS = 20;
export const MAX_VALUE_LENGTH = 1024;
export const MAX_NAME_LENGTH = 200;

export interface Condition {
  field: string;
  op: ConditionOp;
  /** Absent for exists/notExists. */
  value?: string;
  /** equals/contains only. */
  ignoreCase?: boolean;
}

export interface RouteActions {
  route: { serviceId: string };
  suppress?: boolean;
  severity?: Severity;
}
export interface DropActions {
  drop: true;
}
export type Actions = RouteActions | DropActions;

export interface Rule {
  name: string;
  when: Condition[];
  then: Actions;
}

export type Fallback = { serviceId: string } | { drop: true };

export interface RouterRules {
  rules: Rule[];
  fallback: Fallback;
}

export type RulesResult = { ok: true; value: RouterRules } | { ok: false; errors: FieldError[] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function isValidField(field: string): boolean {
  if ((PLAIN_FIELDS as readonly string[]).includes(field)) return true;
  const prefix = FIELD_PREFIXES.find((p) => field.startsWith(p));
  if (!prefix) return false;
  const rest = field.slice(prefix.length);
  // A dotted path for details; labels and annotations are one name (which may itself hold dots, as Kubernetes labels do).
  return rest !== '' && (prefix !== 'details.' || rest.split('.').every((s) => s !== ''));
}

/** Compiles a `matches` pattern; the RE2 syntax error, or null when it compiles. */
export function patternError(pattern: string): string | null {
  try {
    RE2JS.compile(pattern);
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/**
 * Checks `{ rules, fallback }` as sent. Every problem is named by its path
 * (`rules.2.when.0.value`) and, inside a rule, by the rule's index and name
 * (`rule 2 "payments": ...`), so a 400 says which rule to fix.
 * Service ids are checked for shape here, for existence by the caller.
 */
export function parseRouterRules(input: { rules?: unknown; fallback?: unknown }): RulesResult {
  const errors: FieldError[] = [];
  const rules: Rule[] = [];
  if (!Array.isArray(input.rules)) {
    errors.push({ field: 'rules', message: 'must be an array of rules (it may be empty)' });
  } else if (input.rules.length > MAX_RULES) {
    errors.push({ field: 'rules', message: `at most ${MAX_RULES} rules` });
  } else {
    input.rules.forEach((raw, i) => {
      const rule = parseRule(raw, i, errors);
      if (rule) rules.push(rule);
    });
  }
  const fallback = parseFallback(input.fallback, errors);
  if (errors.length || !fallback) return { ok: false, errors };
  return { ok: true, value: { rules, fallback } };
}

/** The rule's label in messages: its index and, when it has one, its name. */
export function ruleLabel(index: number, name: unknown): string {
  return typeof name === 'string' && name.trim() !== '' ? `rule ${index} "${name.trim()}"` : `rule ${index}`;
}

function unknownKeys(obj: Record<string, unknown>, allowed: readonly string[], path: string, label: string, errors: FieldError[]): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) errors.push({ field: `${path}.${key}`, message: `${label}: unknown field` });
  }
}

function parseRule(raw: unknown, i: number, errors: FieldError[]): Rule | undefined {
  const path = `rules.${i}`;
  if (!isObject(raw)) {
    errors.push({ field: path, message: `rule ${i}: must be an object {name, when, then}` });
    return undefined;
  }
  const label = ruleLabel(i, raw.name);
  const before = errors.length;
  unknownKeys(raw, ['name', 'when', 'then'], path, label, errors);
  const name = typeof raw.name === 'string' ? raw.name.trim() : undefined;
  if (name === undefined || name === '') errors.push({ field: `${path}.name`, message: `${label}: name is required (a non-empty string)` });
  else if (name.length > MAX_NAME_LENGTH) errors.push({ field: `${path}.name`, message: `${label}: name is longer than ${MAX_NAME_LENGTH} characters` });
  else if (CONTROL_CHARACTER.test(name)) errors.push({ field: `${path}.name`, message: `${label}: name must not contain control characters` });

  const when: Condition[] = [];
  if (!Array.isArray(raw.when)) {
    errors.push({ field: `${path}.when`, message: `${label}: when must be an array of conditions (empty: always matches)` });
  } else if (raw.when.length > MAX_CONDITIONS) {
    errors.push({ field: `${path}.when`, message: `${label}: at most ${MAX_CONDITIONS} conditions` });
  } else {
    raw.when.forEach((c, j) => {
      const condition = parseCondition(c, `${path}.when.${j}`, label, errors);
      if (condition) when.push(condition);
    });
  }
  const then = parseActions(raw.then, `${path}.then`, label, errors);
  if (errors.length > before || name === undefined || !then) return undefined;
  return { name, when, then };
}

function parseCondition(raw: unknown, path: string, label: string, errors: FieldError[]): Condition | undefined {
  if (!isObject(raw)) {
    errors.push({ field: path, message: `${label}: a condition must be an object {field, op, value}` });
    return undefined;
  }
  const before = errors.length;
  unknownKeys(raw, ['field', 'op', 'value', 'ignoreCase'], path, label, errors);
  const { field, op, value, ignoreCase } = raw;
  if (typeof field !== 'string' || !isValidField(field)) {
    errors.push({
      field: `${path}.field`,
      message: `${label}: field must be one of ${PLAIN_FIELDS.join(', ')}, or labels.<name>, annotations.<name>, details.<path>`,
    });
  }
  const knownOp = typeof op === 'string' && (CONDITION_OPS as readonly string[]).includes(op) ? (op as ConditionOp) : undefined;
  if (!knownOp) errors.push({ field: `${path}.op`, message: `${label}: op must be one of ${CONDITION_OPS.join(', ')}` });
  if (knownOp && VALUELESS_OPS.includes(knownOp)) {
    if (value !== undefined) errors.push({ field: `${path}.value`, message: `${label}: ${knownOp} takes no value` });
  } else if (knownOp) {
    if (typeof value !== 'string') errors.push({ field: `${path}.value`, message: `${label}: value is required (a string) for ${knownOp}` });
    else if (value.length > MAX_VALUE_LENGTH) errors.push({ field: `${path}.value`, message: `${label}: value is longer than ${MAX_VALUE_LENGTH} characters` });
    else if (knownOp === 'matches' || knownOp === 'notMatches') {
      const problem = patternError(value);
      if (problem) errors.push({ field: `${path}.value`, message: `${label}: invalid RE2 pattern: ${problem}` });
    }
  }
  if (ignoreCase !== undefined) {
    if (typeof ignoreCase !== 'boolean') errors.push({ field: `${path}.ignoreCase`, message: `${label}: ignoreCase must be a boolean` });
    else if (knownOp && !IGNORE_CASE_OPS.includes(knownOp)) {
      errors.push({ field: `${path}.ignoreCase`, message: `${label}: ignoreCase applies to equals and contains only (use matches with (?i) otherwise)` });
    }
  }
  if (errors.length > before || !knownOp) return undefined;
  const condition: Condition = { field: field as string, op: knownOp };
  if (typeof value === 'string') condition.value = value;
  if (ignoreCase === true) condition.ignoreCase = true;
  return condition;
}

function parseActions(raw: unknown, path: string, label: string, errors: FieldError[]): Actions | undefined {
  if (!isObject(raw)) {
    errors.push({ field: path, message: `${label}: then must be an object: {route: {serviceId}, suppress?, severity?} or {drop: true}` });
    return undefined;
  }
  const before = errors.length;
  const hasRoute = raw.route !== undefined;
  const hasDrop = raw.drop !== undefined;
  if (hasRoute === hasDrop) {
    errors.push({ field: path, message: `${label}: then needs exactly one of route or drop` });
    return undefined;
  }
  if (hasDrop) {
    unknownKeys(raw, ['drop'], path, label, errors);
    if (raw.drop !== true) errors.push({ field: `${path}.drop`, message: `${label}: drop must be true` });
    return errors.length > before ? undefined : { drop: true };
  }
  unknownKeys(raw, ['route', 'suppress', 'severity'], path, label, errors);
  const serviceId = parseServiceRef(raw.route, `${path}.route`, label, errors);
  if (raw.suppress !== undefined && typeof raw.suppress !== 'boolean') {
    errors.push({ field: `${path}.suppress`, message: `${label}: suppress must be a boolean` });
  }
  if (raw.severity !== undefined && !isSeverity(raw.severity)) {
    errors.push({ field: `${path}.severity`, message: `${label}: severity must be one of ${SEVERITIES.join(', ')}` });
  }
  if (errors.length > before || !serviceId) return undefined;
  const actions: RouteActions = { route: { serviceId } };
  if (raw.suppress === true) actions.suppress = true;
  if (isSeverity(raw.severity)) actions.severity = raw.severity;
  return actions;
}

function parseServiceRef(raw: unknown, path: string, label: string, errors: FieldError[]): string | undefined {
  if (!isObject(raw)) {
    errors.push({ field: path, message: `${label}: must be {serviceId}` });
    return undefined;
  }
  unknownKeys(raw, ['serviceId'], path, label, errors);
  if (typeof raw.serviceId !== 'string' || !UUID.test(raw.serviceId)) {
    errors.push({ field: `${path}.serviceId`, message: `${label}: serviceId must be a service id (a UUID)` });
    return undefined;
  }
  return raw.serviceId.toLowerCase();
}

function parseFallback(raw: unknown, errors: FieldError[]): Fallback | undefined {
  const label = 'fallback';
  if (raw === undefined || raw === null) {
    errors.push({ field: 'fallback', message: 'fallback is required: {serviceId} or {drop: true} (what happens when no rule matches)' });
    return undefined;
  }
  if (!isObject(raw)) {
    errors.push({ field: 'fallback', message: 'fallback must be {serviceId} or {drop: true}' });
    return undefined;
  }
  const before = errors.length;
  if ((raw.serviceId !== undefined) === (raw.drop !== undefined)) {
    errors.push({ field: 'fallback', message: 'fallback needs exactly one of serviceId or drop' });
    return undefined;
  }
  if (raw.drop !== undefined) {
    unknownKeys(raw, ['drop'], 'fallback', label, errors);
    if (raw.drop !== true) errors.push({ field: 'fallback.drop', message: 'fallback: drop must be true' });
    return errors.length > before ? undefined : { drop: true };
  }
  unknownKeys(raw, ['serviceId'], 'fallback', label, errors);
  if (typeof raw.serviceId !== 'string' || !UUID.test(raw.serviceId)) {
    errors.push({ field: 'fallback.serviceId', message: 'fallback: serviceId must be a service id (a UUID)' });
  }
  return errors.length > before ? undefined : { serviceId: (raw.serviceId as string).toLowerCase() };
}

/** Every service a router's rules and fallback route to, with the path of each mention (for "no such service" errors). */
export function serviceMentions(rules: RouterRules): { serviceId: string; field: string; label: string }[] {
  const out: { serviceId: string; field: string; label: string }[] = [];
  rules.rules.forEach((r, i) => {
    if ('route' in r.then) out.push({ serviceId: r.then.route.serviceId, field: `rules.${i}.then.route.serviceId`, label: ruleLabel(i, r.name) });
  });
  if ('serviceId' in rules.fallback) out.push({ serviceId: rules.fallback.serviceId, field: 'fallback.serviceId', label: 'fallback' });
  return out;
}
