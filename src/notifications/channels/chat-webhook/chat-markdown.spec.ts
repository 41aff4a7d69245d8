import fc from 'fast-check';
import { escapeChatMarkdown, oneLine, truncate, unescapeChatMarkdown } from './chat-markdown';

describe('escapeChatMarkdown', () => {
  it.each([
    ['plain text', 'disk full on db-01', 'disk full on db-01'],
    ['emphasis', '*bold* and _it_', '\\*bold\\* and \\_it\\_'],
    ['a link', '[click](https://evil.example)', '\\[click\\]\\(https://evil.example\\)'],
    ['HTML and tables', '<b> | x', '\\<b\\> \\| x'],
    ['a leading list item', '- item', '\\- item'],
    ['a leading numbered item', '12. twelve', '12\\. twelve'],
    ['a heading', '# head', '\\# head'],
    ['date functions', '{{DATE(x)}}', '\\{\\{DATE\\(x\\)\\}\\}'],
    ['a backslash', 'C:\\temp', 'C:\\\\temp'],
    ['a dash mid-line', 'db-01 - down', 'db-01 - down'],
  ])('%s', (_, input, escaped) => {
    expect(escapeChatMarkdown(input)).toBe(escaped);
    expect(unescapeChatMarkdown(escaped)).toBe(input);
  });

  it('is undone by unescapeChatMarkdown for any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => unescapeChatMarkdown(escapeChatMarkdown(s)) === s));
  });

  it('leaves no Markdown character unescaped', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const escaped = escapeChatMarkdown(s);
        // Every special character is preceded by an odd run of backslashes (itself escaped).
        return [...escaped.matchAll(/(\\*)([`*_~[\]()<>#|{}])/g)].every((m) => m[1].length % 2 === 1);
      }),
    );
  });
});

describe('truncate and oneLine', () => {
  it('bounds text in characters without splitting a surrogate pair', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.integer({ min: 4, max: 100 }), (s, max) => {
        const cut = truncate(s, max);
        return Array.from(cut).length <= max && !/[\uD800-\uDBFF]$/.test(cut.replace(/\.\.\.$/, ''));
      }),
    );
  });

  it.each([
    ['short', 10, 'short'],
    ['exactly ten', 11, 'exactly ten'],
    ['abcdefghij', 8, 'abcde...'],
    ['abcd 😀😀', 7, 'abcd...'],
    ['abcd😀xyz', 8, 'abcd...'],
    ['abcde😀xyz', 8, 'abcde...'],
    ['word     next', 10, 'word...'],
  ])('cuts %j at %i units as %j (no half emoji, no space before the dots)', (text, max, cut) => {
    expect(truncate(text, max)).toBe(cut);
  });

  it('puts text on one line', () => {
    expect(oneLine('  a\n\tb  \r\n c ')).toBe('a b c');
  });
});
