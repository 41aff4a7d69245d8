import { FieldError } from '../../common/errors';
import { parseRouterRules, serviceMentions } from './router-rules';

const A = '00000000-0000-4000-8000-00000000000a';

function errorsOf(input: { rules?: unknown; fallback?: unknown }): FieldError[] {
  const result = parseRouterRules(input);
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('parseRouterRules', () => {
  it('accepts a full router and normalises ids to lower case', () => {
    const result = parseRouterRules({
      rules: [
        {
          name: ' payments ',
          when: [
            { field: 'labels.team', op: 'equals', value: 'Payments', ignoreCase: true },
            { field: 'summary', op: 'matches', value: '(?i)disk|cpu' },
            { field: 'details.a.b', op: 'exists' },
          ],
          then: { route: { serviceId: A.toUpperCase() }, suppress: true, severity: 'warning' },
        },
        { name: 'noise', when: [], then: { drop: true } },
      ],
      fallback: { serviceId: A },
    });
    expect(result).toEqual({
      ok: true,
      value: {
        rules: [
          {
            name: 'payments',
            when: [
              { field: 'labels.team', op: 'equals', value: 'Payments', ignoreCase: true },
              { field: 'summary', op: 'matches', value: '(?i)disk|cpu' },
              { field: 'details.a.b', op: 'exists' },
            ],
            then: { route: { serviceId: A }, suppress: true, severity: 'warning' },
          },
          { name: 'noise', when: [], then: { drop: true } },
        ],
        fallback: { serviceId: A },
      },
    });
  });

  it.each<[string, unknown, { field: string; message: RegExp }]>([
    ['a pattern RE2 refuses, naming the rule', { name: 'pay', when: [{ field: 'summary', op: 'matches', value: '(?<=a)b' }], then: { drop: true } }, { field: 'rules.1.when.0.value', message: /^rule 1 "pay": invalid RE2 pattern: / }],
    ['an unclosed group', { name: 'pay', when: [{ field: 'summary', op: 'notMatches', value: '(a' }], then: { drop: true } }, { field: 'rules.1.when.0.value', message: /rule 1 "pay": invalid RE2 pattern/ }],
    ['an unknown field', { name: 'x', when: [{ field: 'title', op: 'equals', value: 'a' }], then: { drop: true } }, { field: 'rules.1.when.0.field', message: /rule 1 "x": field must be one of/ }],
    ['labels. without a name', { name: 'x', when: [{ field: 'labels.', op: 'exists' }], then: { drop: true } }, { field: 'rules.1.when.0.field', message: /field must be/ }],
    ['an unknown op', { name: 'x', when: [{ field: 'summary', op: 'like', value: 'a' }], then: { drop: true } }, { field: 'rules.1.when.0.op', message: /op must be one of equals, notEquals/ }],
    ['a missing value', { name: 'x', when: [{ field: 'summary', op: 'contains' }], then: { drop: true } }, { field: 'rules.1.when.0.value', message: /value is required/ }],
    ['a value for exists', { name: 'x', when: [{ field: 'summary', op: 'exists', value: 'a' }], then: { drop: true } }, { field: 'rules.1.when.0.value', message: /exists takes no value/ }],
    ['ignoreCase on startsWith', { name: 'x', when: [{ field: 'summary', op: 'startsWith', value: 'a', ignoreCase: true }], then: { drop: true } }, { field: 'rules.1.when.0.ignoreCase', message: /equals and contains only/ }],
    ['route and drop together', { name: 'x', when: [], then: { drop: true, route: { serviceId: A } } }, { field: 'rules.1.then', message: /exactly one of route or drop/ }],
    ['neither route nor drop', { name: 'x', when: [], then: {} }, { field: 'rules.1.then', message: /exactly one of route or drop/ }],
    ['drop: false', { name: 'x', when: [], then: { drop: false } }, { field: 'rules.1.then.drop', message: /drop must be true/ }],
    ['suppress with drop', { name: 'x', when: [], then: { drop: true, suppress: true } }, { field: 'rules.1.then.suppress', message: /unknown field/ }],
    ['a bad severity', { name: 'x', when: [], then: { route: { serviceId: A }, severity: 'high' } }, { field: 'rules.1.then.severity', message: /severity must be one of critical/ }],
    ['a service id that is no UUID', { name: 'x', when: [], then: { route: { serviceId: 'billing' } } }, { field: 'rules.1.then.route.serviceId', message: /a UUID/ }],
    ['no name', { when: [], then: { drop: true } }, { field: 'rules.1.name', message: /^rule 1: name is required/ }],
    ['an unknown key', { name: 'x', when: [], then: { drop: true }, priority: 1 }, { field: 'rules.1.priority', message: /unknown field/ }],
    ['when not an array', { name: 'x', when: {}, then: { drop: true } }, { field: 'rules.1.when', message: /must be an array/ }],
  ])('refuses %s', (_, bad, expected) => {
    const errors = errorsOf({ rules: [{ name: 'ok', when: [], then: { drop: true } }, bad], fallback: { drop: true } });
    expect(errors).toContainEqual({ field: expected.field, message: expect.stringMatching(expected.message) });
  });

  it.each<[string, unknown, string]>([
    ['missing', undefined, 'fallback'],
    ['both', { serviceId: A, drop: true }, 'fallback'],
    ['drop false', { drop: false }, 'fallback.drop'],
    ['a bad id', { serviceId: 'x' }, 'fallback.serviceId'],
    ['suppress', { serviceId: A, suppress: true }, 'fallback.suppress'],
  ])('refuses a fallback: %s', (_, fallback, field) => {
    expect(errorsOf({ rules: [], fallback }).map((e) => e.field)).toContain(field);
  });

  it('refuses rules that are not an array, and too many rules', () => {
    expect(errorsOf({ rules: {}, fallback: { drop: true } })[0].field).toBe('rules');
    const many = Array.from({ length: 101 }, (_, i) => ({ name: `r${i}`, when: [], then: { drop: true } }));
    expect(errorsOf({ rules: many, fallback: { drop: true } })[0].message).toMatch(/at most 100 rules/);
  });

  it('names every service mention with its rule', () => {
    const result = parseRouterRules({
      rules: [
        { name: 'a', when: [], then: { drop: true } },
        { name: 'b', when: [], then: { route: { serviceId: A } } },
      ],
      fallback: { serviceId: A },
    });
    if (!result.ok) throw new Error('expected ok');
    expect(serviceMentions(result.value)).toEqual([
      { serviceId: A, field: 'rules.1.then.route.serviceId', label: 'rule 1 "b"' },
      { serviceId: A, field: 'fallback.serviceId', label: 'fallback' },
    ]);
  });
});
