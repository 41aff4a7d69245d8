import fc from 'fast-check';
import type { NormalisedEvent } from '../../ingest/sources/normalised-event';
import { EventFacts, eventFacts } from './event-facts';
import { compileCondition, compileRouter, evaluate } from './evaluate';
import { Condition, CONDITION_OPS, ConditionOp, Rule, RouterRules } from './router-rules';

const SERVICE_A = '00000000-0000-4000-8000-00000000000a';
const SERVICE_B = '00000000-0000-4000-8000-00000000000b';
const FALLBACK = '00000000-0000-4000-8000-0000000000ff';

function facts(over: Partial<EventFacts> = {}): EventFacts {
  return {
    summary: 'Disk full on db-1',
    source: 'db-1',
    severity: 'critical',
    component: 'postgres',
    group: 'storage',
    class: 'disk',
    eventAction: 'trigger',
    labels: { team: 'payments', env: 'prod' },
    annotations: { runbook: 'https://wiki/disk' },
    details: { region: 'eu', nested: { count: 3, ok: true }, hosts: ['a', 'b'], nothing: null },
    ...over,
  };
}

const holds = (c: Condition, f: EventFacts = facts()) => compileCondition(c)(f);

describe('conditions', () => {
  it.each<[string, Condition, boolean]>([
    ['equals, same text', { field: 'summary', op: 'equals', value: 'Disk full on db-1' }, true],
    ['equals is case-sensitive', { field: 'summary', op: 'equals', value: 'disk full on db-1' }, false],
    ['equals ignoreCase', { field: 'summary', op: 'equals', value: 'DISK FULL ON DB-1', ignoreCase: true }, true],
    ['notEquals', { field: 'severity', op: 'notEquals', value: 'info' }, true],
    ['notEquals on the same text', { field: 'severity', op: 'notEquals', value: 'critical' }, false],
    ['contains', { field: 'summary', op: 'contains', value: 'full' }, true],
    ['contains is case-sensitive', { field: 'summary', op: 'contains', value: 'FULL' }, false],
    ['contains ignoreCase', { field: 'summary', op: 'contains', value: 'FULL', ignoreCase: true }, true],
    ['notContains', { field: 'summary', op: 'notContains', value: 'cpu' }, true],
    ['startsWith', { field: 'source', op: 'startsWith', value: 'db-' }, true],
    ['startsWith is case-sensitive', { field: 'source', op: 'startsWith', value: 'DB-' }, false],
    ['matches (unanchored, RE2)', { field: 'summary', op: 'matches', value: 'db-\\d+' }, true],
    ['matches with (?i)', { field: 'summary', op: 'matches', value: '(?i)^DISK' }, true],
    ['notMatches', { field: 'summary', op: 'notMatches', value: '^cpu' }, true],
    ['exists', { field: 'labels.team', op: 'exists' }, true],
    ['notExists', { field: 'labels.team', op: 'notExists' }, false],
    ['labels.<name>', { field: 'labels.team', op: 'equals', value: 'payments' }, true],
    ['annotations.<name>', { field: 'annotations.runbook', op: 'startsWith', value: 'https://' }, true],
    ['component', { field: 'component', op: 'equals', value: 'postgres' }, true],
    ['group', { field: 'group', op: 'equals', value: 'storage' }, true],
    ['class', { field: 'class', op: 'equals', value: 'disk' }, true],
    ['eventAction', { field: 'eventAction', op: 'equals', value: 'trigger' }, true],
    ['details.<path>', { field: 'details.region', op: 'equals', value: 'eu' }, true],
    ['details nested number as text', { field: 'details.nested.count', op: 'equals', value: '3' }, true],
    ['details boolean as text', { field: 'details.nested.ok', op: 'equals', value: 'true' }, true],
    ['details array index', { field: 'details.hosts.1', op: 'equals', value: 'b' }, true],
    ['details object as JSON', { field: 'details.nested', op: 'contains', value: '"count":3' }, true],
    ['details null is missing', { field: 'details.nothing', op: 'exists' }, false],
    ['no prototype field', { field: 'details.constructor', op: 'exists' }, false],
    ['no prototype label', { field: 'labels.toString', op: 'exists' }, false],
  ])('%s', (_, condition, expected) => {
    expect(holds(condition)).toBe(expected);
  });

  // A missing field makes every op false except the four negative ones.
  it.each<[ConditionOp, boolean]>([
    ['equals', false],
    ['notEquals', true],
    ['contains', false],
    ['notContains', true],
    ['startsWith', false],
    ['matches', false],
    ['notMatches', true],
    ['exists', false],
    ['notExists', true],
  ])('a missing field: %s is %s', (op, expected) => {
    const value = op === 'exists' || op === 'notExists' ? undefined : '.*';
    for (const field of ['labels.absent', 'annotations.absent', 'details.a.b', 'component']) {
      const f = facts({ component: undefined });
      expect(compileCondition({ field, op, ...(value !== undefined ? { value } : {}) })(f)).toBe(expected);
      expect(compileCondition({ field, op, ...(value !== undefined ? { value, ignoreCase: op === 'equals' || op === 'contains' } : {}) })(f)).toBe(expected);
    }
  });

  it('an empty string is present', () => {
    const f = facts({ labels: { team: '' } });
    expect(compileCondition({ field: 'labels.team', op: 'exists' })(f)).toBe(true);
    expect(compileCondition({ field: 'labels.team', op: 'equals', value: '' })(f)).toBe(true);
  });

  it('evaluates the pattern (a+)+$ against a 50 KB summary in linear time (under 50 ms)', () => {
    const router = compileRouter({
      rules: [{ name: 'catastrophic', when: [{ field: 'summary', op: 'matches', value: '(a+)+$' }], then: { drop: true } }],
      fallback: { serviceId: FALLBACK },
    });
    const summary = `${'a'.repeat(50 * 1024)}!`;
    // Warm the JIT as a running server is (another 50 KB text of the same shape), then time one evaluation.
    for (let i = 0; i < 5; i++) evaluate(router, facts({ summary: `${'a'.repeat(50 * 1024)}?` }));
    const started = process.hrtime.bigint();
    const outcome = evaluate(router, facts({ summary }));
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    expect(outcome.rule).toBe('fallback');
    expect(ms).toBeLessThan(50);
  });
});

const routeTo = (serviceId: string): Rule['then'] => ({ route: { serviceId } });

describe('evaluate', () => {
  const rules: RouterRules = {
    rules: [
      { name: 'payments', when: [{ field: 'labels.team', op: 'equals', value: 'payments' }], then: routeTo(SERVICE_A) },
      { name: 'noise', when: [{ field: 'severity', op: 'equals', value: 'info' }], then: { drop: true } },
      {
        name: 'db quiet',
        when: [
          { field: 'source', op: 'startsWith', value: 'db-' },
          { field: 'summary', op: 'contains', value: 'slow' },
        ],
        then: { route: { serviceId: SERVICE_B }, suppress: true, severity: 'warning' },
      },
    ],
    fallback: { serviceId: FALLBACK },
  };
  const router = compileRouter(rules);

  it.each<[string, Partial<EventFacts>, unknown]>([
    ['the first rule', {}, { kind: 'route', rule: 0, ruleName: 'payments', serviceId: SERVICE_A, suppress: false, severity: null }],
    ['the first that matches wins (payments before noise)', { severity: 'info' }, { rule: 0 }],
    ['drop', { labels: { team: 'web' }, severity: 'info' }, { kind: 'drop', rule: 1, ruleName: 'noise' }],
    ['all conditions must hold', { labels: undefined, summary: 'slow queries' }, { rule: 2, suppress: true, severity: 'warning', serviceId: SERVICE_B }],
    ['one failing condition skips the rule', { labels: undefined, summary: 'slow', source: 'web-1' }, { rule: 'fallback', ruleName: null, serviceId: FALLBACK }],
  ])('%s', (_, over, expected) => {
    expect(evaluate(router, facts(over))).toMatchObject(expected as object);
  });

  it('a rule with no conditions always matches', () => {
    const r = compileRouter({ rules: [{ name: 'all', when: [], then: { drop: true } }], fallback: { serviceId: FALLBACK } });
    expect(evaluate(r, facts())).toMatchObject({ kind: 'drop', rule: 0 });
  });

  it('the fallback may drop', () => {
    const r = compileRouter({ rules: [], fallback: { drop: true } });
    expect(evaluate(r, facts())).toEqual({ kind: 'drop', rule: 'fallback', ruleName: null });
  });

  it('reads Events v2 custom_details under details.', () => {
    const event: NormalisedEvent = {
      action: 'trigger',
      dedupKey: null,
      title: 't',
      severity: 'error',
      source: 's',
      details: { component: 'api', custom_details: { region: 'us' } },
      links: [],
      occurredAt: null,
    };
    const f = eventFacts(event, 'events-v2');
    expect(compileCondition({ field: 'details.region', op: 'equals', value: 'us' })(f)).toBe(true);
    expect(compileCondition({ field: 'component', op: 'equals', value: 'api' })(f)).toBe(true);
    expect(compileCondition({ field: 'details.region', op: 'exists' })(eventFacts(event, 'generic'))).toBe(false);
  });
});

describe('evaluate: properties', () => {
  const word = fc.constantFrom('payments', 'web', 'db', 'PAYMENTS', '', 'db-1', 'info', 'critical');
  const field = fc.constantFrom('summary', 'source', 'severity', 'labels.team', 'labels.env', 'annotations.x', 'details.region', 'component');
  const condition: fc.Arbitrary<Condition> = fc
    .record({ field, op: fc.constantFrom(...CONDITION_OPS), value: word, ignoreCase: fc.boolean() })
    .map(({ field: f, op, value, ignoreCase }) => {
      if (op === 'exists' || op === 'notExists') return { field: f, op };
      if (op === 'matches' || op === 'notMatches') return { field: f, op, value: value === '' ? '^$' : `^${value}` };
      return ignoreCase && (op === 'equals' || op === 'contains') ? { field: f, op, value, ignoreCase } : { field: f, op, value };
    });
  const then: fc.Arbitrary<Rule['then']> = fc.oneof(
    fc.constant({ drop: true as const }),
    fc.record({ route: fc.constant({ serviceId: SERVICE_A }), suppress: fc.boolean() }),
  );
  const rule: fc.Arbitrary<Rule> = fc.record({ name: fc.string({ minLength: 1, maxLength: 8 }), when: fc.array(condition, { maxLength: 3 }), then });
  const router = fc.record({
    rules: fc.array(rule, { maxLength: 8 }),
    fallback: fc.oneof(fc.constant({ drop: true as const }), fc.constant({ serviceId: FALLBACK })),
  });
  const optional = (a: fc.Arbitrary<string>) => fc.option(a, { nil: undefined });
  const someFacts: fc.Arbitrary<EventFacts> = fc.record({
    summary: word,
    source: optional(word),
    severity: word,
    component: optional(word),
    labels: fc.option(fc.dictionary(fc.constantFrom('team', 'env'), word), { nil: undefined }),
    region: optional(word),
  }).map(({ region, ...f }) => ({
    ...f,
    group: undefined,
    class: undefined,
    eventAction: 'trigger',
    annotations: undefined,
    details: region === undefined ? {} : { region },
  }));

  it('yields exactly one outcome: the first rule whose conditions all hold, else the fallback', () => {
    fc.assert(
      fc.property(router, someFacts, (def, f) => {
        const outcome = evaluate(compileRouter(def), f);
        const first = def.rules.findIndex((r) => r.when.every((c) => compileCondition(c)(f)));
        expect(outcome.rule).toBe(first === -1 ? 'fallback' : first);
        if (first === -1) expect(outcome.kind).toBe('drop' in def.fallback ? 'drop' : 'route');
        else expect(outcome.kind).toBe('drop' in def.rules[first].then ? 'drop' : 'route');
      }),
    );
  });

  it('rules after the first match never change the outcome', () => {
    fc.assert(
      fc.property(router, fc.array(rule, { maxLength: 4 }), someFacts, (def, extra, f) => {
        const before = evaluate(compileRouter(def), f);
        fc.pre(before.rule !== 'fallback');
        const after = evaluate(compileRouter({ ...def, rules: [...def.rules, ...extra] }), f);
        expect(after).toEqual(before);
      }),
    );
  });

  it('a missing field: the negative ops hold, the others do not', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CONDITION_OPS), word, someFacts, (op, value, f) => {
        const c: Condition = op === 'exists' || op === 'notExists' ? { field: 'labels.missing', op } : { field: 'labels.missing', op, value };
        expect(compileCondition(c)(f)).toBe(['notEquals', 'notContains', 'notMatches', 'notExists'].includes(op));
      }),
    );
  });

  it('negative ops are the complement of their positive op on present fields', () => {
    const pairs = [
      ['equals', 'notEquals'],
      ['contains', 'notContains'],
      ['matches', 'notMatches'],
      ['exists', 'notExists'],
    ] as const;
    fc.assert(
      fc.property(fc.constantFrom(...pairs), field, word, someFacts, ([pos, neg], f, value, facts_) => {
        const v = pos === 'matches' ? `^${value}` : value;
        const make = (op: ConditionOp): Condition => (op === 'exists' || op === 'notExists' ? { field: f, op } : { field: f, op, value: v });
        expect(compileCondition(make(neg))(facts_)).toBe(!compileCondition(make(pos))(facts_));
      }),
    );
  });
});
