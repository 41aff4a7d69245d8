import { IsInt, IsOptional, Min } from 'class-validator';
import { ValidationError } from './errors';
import { createValidationPipe, NumberFromText } from './validation';

class Delay {
  @IsOptional()
  @NumberFromText()
  @IsInt()
  @Min(0)
  minutes?: number;
}

const pipe = createValidationPipe();
const check = (body: unknown) => pipe.transform(body, { type: 'body', metatype: Delay });

describe('NumberFromText under the global pipe', () => {
  it.each([
    [{ minutes: 5 }, 5],
    [{ minutes: '5' }, 5],
    [{ minutes: ' 7 ' }, 7],
    [{}, undefined],
  ])('takes %j as %j', async (body, minutes) => {
    expect(((await check(body)) as Delay).minutes).toBe(minutes);
  });

  it.each([
    ['an object whose toString is an object', { minutes: { toString: { a: 1 } } }],
    ['an object whose valueOf throws', { minutes: { valueOf: null, toString: null } }],
    ['an array', { minutes: ['5'] }],
    ['a blank string', { minutes: '  ' }],
    ['an empty string', { minutes: '' }],
    ['text', { minutes: 'five' }],
    ['true', { minutes: true }],
    ['a fraction', { minutes: 1.5 }],
  ])('refuses %s with a 400 naming the field, never a TypeError', async (_what, body) => {
    const err = await check(JSON.parse(JSON.stringify(body))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).message).toMatch(/^minutes: /);
  });
});
