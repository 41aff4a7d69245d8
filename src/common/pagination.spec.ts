import { DomainError } from './errors';
import { decodeCursor } from './pagination';

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const ID = '0190a9f4-2b7c-7c3e-8000-000000000001';

describe('decodeCursor', () => {
  it('reads back what a page returned', () => {
    expect(decodeCursor(encode({ t: '2026-03-01T10:00:00.123Z', id: ID }))).toEqual({ t: new Date('2026-03-01T10:00:00.123Z'), id: ID });
  });

  it.each<[string, unknown]>([
    ['an id that is not a uuid', { t: '2026-03-01T10:00:00.000Z', id: 'x' }],
    ['a missing id', { t: '2026-03-01T10:00:00.000Z' }],
    ['a date that does not exist', { t: '2026-02-30T10:00:00.000Z', id: ID }],
    ['a date without milliseconds', { t: '2026-03-01T10:00:00Z', id: ID }],
    ['a date with an offset', { t: '2026-03-01T10:00:00.000+01:00', id: ID }],
    ['a six-digit year', { t: '+275760-09-13T00:00:00.000Z', id: ID }],
    ['a negative year', { t: '-000001-01-01T00:00:00.000Z', id: ID }],
    ['a year before 1970', { t: '0001-01-01T00:00:00.000Z', id: ID }],
    ['a number as the date', { t: 1772359200000, id: ID }],
    ['an array', [1, 2]],
    ['null', null],
  ])('refuses %s, naming cursor', (_, value) => {
    let error: unknown;
    try {
      decodeCursor(encode(value));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).errors).toEqual([{ field: 'cursor', message: 'is not a cursor returned by this API' }]);
  });

  it('refuses text that is not base64 JSON', () => {
    expect(() => decodeCursor('%%%')).toThrow(DomainError);
  });
});
