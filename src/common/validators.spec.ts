import { validateSync } from 'class-validator';
import { hasNoControlCharacters, NoControlChars } from './validators';

class Named {
  @NoControlChars()
  name: unknown;
}

const errorsFor = (name: unknown) => {
  const o = new Named();
  o.name = name;
  return validateSync(o).flatMap((e) => Object.values(e.constraints ?? {}));
};

describe('NoControlChars', () => {
  it.each([0x00, 0x09, 0x0a, 0x0d, 0x1b, 0x1f, 0x7f, 0x80, 0x85, 0x9f])('refuses U+%s', (code) => {
    expect(hasNoControlCharacters(`a${String.fromCharCode(code)}b`)).toBe(false);
    expect(errorsFor(`a${String.fromCharCode(code)}b`)).toEqual(['name must not contain control characters (U+0000-U+001F, U+007F-U+009F)']);
  });

  it.each(['Ada Lovelace', 'Zoë Ødegård', '東京 primary', 'on call 🚨', '\u00a0non-breaking', ''])(
    'accepts %j',
    (name) => expect(errorsFor(name)).toEqual([]),
  );

  it('leaves non-strings to IsString', () => {
    expect(errorsFor(42)).toEqual([]);
  });
});
