import fc from 'fast-check';
import { datesAsText, json, jsonLiteral, literal } from './json-text';

/** The three passes json() and literal() made before they skipped text with nothing to escape. */
const jsonBefore = (value: unknown) =>
  JSON.stringify(value ?? null).replace(/(\\+)u0000/g, (match, slashes: string) => (slashes.length % 2 === 1 ? slashes.slice(1) : match));
const literalBefore = (text: string) => `E'${text.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

describe('json text for jsonb parameters', () => {
  it('drops the escape of U+0000 and keeps escaped backslashes before the text "u0000"', () => {
    expect(json({ a: 'x\u0000y' })).toBe('{"a":"xy"}');
    expect(json({ a: '\\u0000' })).toBe('{"a":"\\\\u0000"}');
    expect(json(undefined)).toBe('null');
  });

  it('quotes a literal with backslashes and quotes doubled, and copies plain text as it is', () => {
    expect(literal('2026-12-01T05:00:00.000Z')).toBe("E'2026-12-01T05:00:00.000Z'");
    expect(literal(`it's a \\ "x"`)).toBe(`E'it''s a \\\\ "x"'`);
    expect(jsonLiteral({ t: "o'k" })).toBe(`E'{"t":"o''k"}'`);
  });

  it('gives the same text as the whole-string passes did, for any JSON value and any text', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '\\', "'", '"', 'u', '0', '\u0000', '\n', '\ud800', 'é') });
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.dictionary(text, text), fc.array(text)), (value) => {
        expect(json(value)).toBe(jsonBefore(value));
        expect(jsonLiteral(value)).toBe(literalBefore(jsonBefore(value)));
      }),
      { numRuns: 2000 },
    );
    fc.assert(fc.property(text, (t) => expect(literal(t)).toBe(literalBefore(t))), { numRuns: 2000 });
  });

  it('writes rows with their Dates as text to the same JSON as the rows themselves', () => {
    const shared = new Date('2026-12-01T05:00:00.000Z');
    const date = fc.oneof(fc.date(), fc.constant(shared), fc.constant(new Date(Number.NaN)), fc.constant(null), fc.constant(undefined), fc.string());
    const row = fc.record({ n: fc.integer(), at: date, other: date, note: fc.string() }, { requiredKeys: ['n'] });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), (rows) => {
        expect(json(datesAsText(rows, ['at', 'other']))).toBe(json(rows));
        expect(json(datesAsText(rows, ['at']))).toBe(json(rows));
      }),
      { numRuns: 1000 },
    );
    const rows = [{ at: shared, n: 1 }];
    expect(datesAsText(rows, ['at'])).toEqual([{ at: '2026-12-01T05:00:00.000Z', n: 1 }]);
    expect(rows[0].at).toBe(shared);
  });
});
