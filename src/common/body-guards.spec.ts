import fc from 'fast-check';
import { ValidationError } from './errors';
import {
  apiInputProblem,
  jsonDepth,
  MAX_BODY_DEPTH,
  MAX_OBJECT_KEYS,
  nulTextPath,
  overWideObjectPath,
  deepBodyProblem,
  wellFormedBody,
  wellFormedJsonBody,
} from './body-guards';

describe('jsonDepth', () => {
  it('counts nesting of objects and arrays; scalars are depth 0', () => {
    expect(jsonDepth('x')).toBe(0);
    expect(jsonDepth({})).toBe(1);
    expect(jsonDepth({ a: [1, { b: null }] })).toBe(3);
  });

  it('measures 200 000 levels without overflowing the stack', () => {
    const d = 200_000;
    const deep = JSON.parse('['.repeat(d) + ']'.repeat(d));
    expect(jsonDepth(deep)).toBe(d);
    expect(jsonDepth(deep, 10)).toBe(11);
  });
});

describe('nulTextPath', () => {
  it('names the first key or string value with a NUL', () => {
    expect(nulTextPath({ name: 'ok', layers: [{ users: ['a', 'b\u0000'] }] })).toBe('layers.0.users.1');
    expect(nulTextPath({ ['k\u0000']: 1 })).toBe('k\u0000');
    expect(nulTextPath('\u0000')).toBe('body');
    expect(nulTextPath({ a: 1, b: [null, true, 'fine'] })).toBeNull();
  });
});

describe('deepBodyProblem', () => {
  it('lets ordinary bodies through and refuses deeper ones with a 400', () => {
    expect(deepBodyProblem({ a: { b: [1] } })).toBeNull();
    expect(deepBodyProblem(undefined)).toBeNull();
    let deep: unknown = {};
    for (let i = 0; i < MAX_BODY_DEPTH; i++) deep = { a: deep };
    expect(deepBodyProblem(deep)).toMatchObject({ status: 400, message: `body: nested deeper than ${MAX_BODY_DEPTH} levels` });
  });
});

describe('apiInputProblem', () => {
  it('refuses a NUL in the body or the query with a validation error naming the field', () => {
    expect(apiInputProblem({ name: 'Ada' }, {})).toBeNull();
    const err = apiInputProblem({ name: 'A\u0000da' }, {});
    expect(err).toBeInstanceOf(ValidationError);
    expect(err!.errors).toEqual([{ field: 'name', message: 'must not contain NUL characters (U+0000)' }]);
    expect(apiInputProblem(undefined, { resourceType: '\u0000' })).toBeInstanceOf(ValidationError);
  });

  it(`refuses an object with more than ${MAX_OBJECT_KEYS} keys anywhere, naming where`, () => {
    const wide = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]));
    expect(apiInputProblem(wide(MAX_OBJECT_KEYS), {})).toBeNull();
    expect(apiInputProblem(wide(MAX_OBJECT_KEYS + 1), {})!.errors).toEqual([{ field: 'body', message: `has more than ${MAX_OBJECT_KEYS} keys` }]);
    expect(overWideObjectPath({ layers: [{ name: 'a' }, { rotation: wide(300) }] })).toBe('layers.1.rotation');
    // Arrays may be long: only objects' keys are counted.
    expect(overWideObjectPath({ users: Array.from({ length: 1000 }, (_, i) => String(i)) })).toBeNull();
  });

  it('stops counting at the limit: the refusal names the object, whatever its size', () => {
    const body = { name: 'x', nested: { ...Object.fromEntries(Array.from({ length: 70_000 }, (_, i) => [`unknown${i}`, i])) } };
    expect(overWideObjectPath(body)).toBe('nested');
  });
});

describe('wellFormedBody', () => {
  it('replaces lone surrogates in keys and values with U+FFFD and keeps valid pairs', () => {
    const body = JSON.parse('{"a":"x\\ud800y","b":["\\udfff",{"k\\ud800":"\\ud83d\\udcdf"}],"__proto__":{"c":"\\ud800"}}');
    const out = wellFormedBody(body) as Record<string, any>;
    expect(out.a).toBe('x\ufffdy');
    expect(out.b[0]).toBe('\ufffd');
    expect(out.b[1]).toEqual({ 'k\ufffd': '\u{1F4DF}' });
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toEqual({ c: '\ufffd' });
    expect(({} as Record<string, unknown>).c).toBeUndefined();
    expect(wellFormedBody('\udc00')).toBe('\ufffd');
  });
});

describe('wellFormedJsonBody', () => {
  it('gives what wellFormedBody gives, for any JSON text with or without surrogate escapes', () => {
    const unit = fc.constantFrom('a', '\\', '"', '\ud800', '\udfff', '\ud83d\udcdf', 'é', '\u0000');
    const text = fc.string({ unit });
    fc.assert(
      fc.property(fc.dictionary(text, fc.oneof(text, fc.array(text))), fc.boolean(), (value, ascii) => {
        const json = ascii ? JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : JSON.stringify(value);
        expect(wellFormedJsonBody(JSON.parse(json), json)).toEqual(wellFormedBody(JSON.parse(json)));
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves a body without surrogate escapes as it is, and mends one with a lone surrogate', () => {
    const body = { a: 'plain', b: ['\u{1F4DF}'] };
    expect(wellFormedJsonBody(body, JSON.stringify(body))).toBe(body);
    expect(wellFormedJsonBody(JSON.parse('{"a":"\\uD800"}'), '{"a":"\\uD800"}')).toEqual({ a: '\ufffd' });
  });
});
