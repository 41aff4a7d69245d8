import { RE2JS } from 're2js';
import type { Severity } from '../../ingest/sources/normalised-event';
import { detailText, EventFacts, readPath } from './event-facts';
import type { Condition, RouterRules } from './router-rules';

/** Which rule decided: its index, or the fallback. */
export type RuleRef = number | 'fallback';

export interface RouteOutcome {
  kind: 'route';
  rule: RuleRef;
  /** The rule's name; null for the fallback. */
  ruleName: string | null;
  serviceId: string;
  suppress: boolean;
  /** Replaces the event's severity; null keeps it. */
  severity: Severity | null;
}

export interface DropOutcome {
  kind: 'drop';
  rule: RuleRef;
  ruleName: string | null;
}

/** Exactly one per evaluation: the first rule whose conditions all hold, else the fallback. */
export type Outcome = RouteOutcome | DropOutcome;

type Read = (facts: EventFacts) => string | undefined;
type Test = (facts: EventFacts) => boolean;

interface CompiledRule {
  tests: Test[];
  outcome: Outcome;
}

/**
 * A router's rules made ready to evaluate: fields resolved to readers,
 * patterns compiled (RE2, linear time), outcomes built once. Compile once per
 * router version and evaluate many events with it: evaluating allocates
 * nothing but what the regular expression engine needs.
 */
export interface CompiledRouter {
  readonly rules: readonly CompiledRule[];
  readonly fallback: Outcome;
}

export function compileRouter(def: RouterRules): CompiledRouter {
  const rules = def.rules.map((rule, i) => ({
    tests: rule.when.map(compileCondition),
    outcome: Object.freeze(
      'drop' in rule.then
        ? ({ kind: 'drop', rule: i, ruleName: rule.name } as const)
        : ({
            kind: 'route',
            rule: i,
            ruleName: rule.name,
            serviceId: rule.then.route.serviceId,
            suppress: rule.then.suppress === true,
            severity: rule.then.severity ?? null,
          } as const),
    ),
  }));
  const fb = def.fallback;
  const fallback: Outcome = Object.freeze(
    'drop' in fb
      ? ({ kind: 'drop', rule: 'fallback', ruleName: null } as const)
      : ({ kind: 'route', rule: 'fallback', ruleName: null, serviceId: fb.serviceId, suppress: false, severity: null } as const),
  );
  return Object.freeze({ rules: Object.freeze(rules), fallback });
}

/** First match wins; no rule matching means the fallback. Always exactly one outcome. */
export function evaluate(router: CompiledRouter, facts: EventFacts): Outcome {
  const rules = router.rules;
  for (let r = 0; r < rules.length; r++) {
    const tests = rules[r].tests;
    let all = true;
    for (let t = 0; t < tests.length; t++) {
      if (!tests[t](facts)) {
        all = false;
        break;
      }
    }
    if (all) return rules[r].outcome;
  }
  return router.fallback;
}

function reader(field: string): Read {
  switch (field) {
    case 'summary':
      return (f) => f.summary;
    case 'source':
      return (f) => f.source;
    case 'severity':
      return (f) => f.severity;
    case 'component':
      return (f) => f.component;
    case 'group':
      return (f) => f.group;
    case 'class':
      return (f) => f.class;
    case 'eventAction':
      return (f) => f.eventAction;
  }
  const dot = field.indexOf('.');
  const prefix = field.slice(0, dot);
  const name = field.slice(dot + 1);
  if (prefix === 'labels') return (f) => ownString(f.labels, name);
  if (prefix === 'annotations') return (f) => ownString(f.annotations, name);
  if (prefix === 'details') {
    const path = name.split('.');
    return (f) => detailText(readPath(f.details, path));
  }
  throw new Error(`unknown field ${field}`);
}

function ownString(map: Readonly<Record<string, string>> | undefined, name: string): string | undefined {
  if (map === undefined || !Object.prototype.hasOwnProperty.call(map, name)) return undefined;
  const v = map[name];
  return typeof v === 'string' ? v : undefined;
}

/**
 * One condition as a test. A missing field makes every op false except
 * the negative ones (notEquals, notContains, notMatches, notExists).
 */
export function compileCondition(c: Condition): Test {
  const read = reader(c.field);
  const value = c.value ?? '';
  switch (c.op) {
    case 'exists':
      return (f) => read(f) !== undefined;
    case 'notExists':
      return (f) => read(f) === undefined;
    case 'equals': {
      if (!c.ignoreCase) return (f) => read(f) === value;
      const lower = value.toLowerCase();
      return (f) => read(f)?.toLowerCase() === lower;
    }
    case 'notEquals':
      return (f) => read(f) !== value;
    case 'contains': {
      if (!c.ignoreCase) return (f) => read(f)?.includes(value) ?? false;
      const lower = value.toLowerCase();
      return (f) => read(f)?.toLowerCase().includes(lower) ?? false;
    }
    case 'notContains':
      return (f) => {
        const v = read(f);
        return v === undefined || !v.includes(value);
      };
    case 'startsWith':
      return (f) => read(f)?.startsWith(value) ?? false;
    case 'matches': {
      const re = RE2JS.compile(value);
      return (f) => {
        const v = read(f);
        return v !== undefined && re.test(v);
      };
    }
    case 'notMatches': {
      const re = RE2JS.compile(value);
      return (f) => {
        const v = read(f);
        return v === undefined || !re.test(v);
      };
    }
  }
}
