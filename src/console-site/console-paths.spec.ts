import fc from 'fast-check';
import { acceptsHtml, isNonConsolePath, NON_CONSOLE_PREFIXES, normaliseConsolePath } from './console-paths';

const blocked = (url: string) => {
  const path = normaliseConsolePath(url);
  return path === null || isNonConsolePath(path);
};

describe('console paths', () => {
  it.each([
    ['/API/v1/users', true],
    ['/Api/V1/x', true],
    ['/v2/enqueue', true],
    ['/V2/Enqueue', true],
    ['/HEALTHZ', true],
    ['/readyz/', true],
    ['/%61pi/v1/users', true],
    ['/%41PI/v1/users', true],
    ['//api/v1/users', true],
    ['/./api/v1/users', true],
    ['/x/../api/v1/users', true],
    ['/api;x=1/v1', true],
    ['/docs', true],
    ['/metrics?x=1', true],
    ['/%E0%A4%A', true],
    ['/schedules', false],
    ['/incidents/42', false],
    ['/sign-in/email?token=abc', false],
    ['/', false],
    ['/apis', false],
    ['/assets/index-abc123.js', false],
  ])('%s blocked: %s', (url, want) => {
    expect(blocked(url)).toBe(want);
  });

  it('every prefix, in any letter case and with anything after it, is blocked', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...NON_CONSOLE_PREFIXES),
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        fc.webPath(),
        (prefix, upper, rest) => {
          const cased = [...prefix].map((ch, i) => (upper[i % upper.length] ? ch.toUpperCase() : ch)).join('');
          expect(blocked(`/${cased}${rest.startsWith('/') ? rest : `/${rest}`}`)).toBe(true);
          expect(blocked(`/${cased}`)).toBe(true);
        },
      ),
    );
  });

  it.each([
    ['text/html,application/xhtml+xml,*/*;q=0.8', true],
    ['TEXT/HTML', true],
    ['application/json', false],
    ['*/*', false],
    ['text/html;q=0', false],
    [undefined, false],
  ])('accepts html for %s: %s', (accept, want) => {
    expect(acceptsHtml(accept)).toBe(want);
  });
});
