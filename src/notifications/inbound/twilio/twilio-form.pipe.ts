import { PipeTransform } from '@nestjs/common';
import { type FieldError, ValidationError } from '../../../common/errors';

/** The fields a handler reads from a Twilio webhook form, each one string. */
export type TwilioForm<Required extends string, Optional extends string = never> = Record<Required, string> &
  Partial<Record<Optional, string>>;

/**
 * Reads the named fields of a Twilio webhook form. Twilio sends each field once; a
 * repeated key (`Body=a&Body=b` parses to an array; the signature covers it all the
 * same) or a missing required field is a 400 naming the field, never a 500 further
 * down. Fields not named are ignored.
 */
export function readTwilioForm<Required extends string, Optional extends string = never>(
  body: unknown,
  required: readonly Required[],
  optional: readonly Optional[] = [],
): TwilioForm<Required, Optional> {
  const form = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const values: Record<string, string> = {};
  const errors: FieldError[] = [];
  for (const [field, isRequired] of [...required.map((f) => [f, true] as const), ...optional.map((f) => [f, false] as const)]) {
    const value = Object.hasOwn(form, field) ? form[field] : undefined;
    if (typeof value === 'string') values[field] = value;
    else if (value !== undefined) errors.push({ field, message: 'must be sent once, as text' });
    else if (isRequired) errors.push({ field, message: 'is required' });
  }
  if (errors.length) throw new ValidationError(errors);
  return values as TwilioForm<Required, Optional>;
}

/** `@Body(twilioForm(['MessageSid', 'From'], ['Body']))`: readTwilioForm as a parameter pipe. */
export function twilioForm<Required extends string, Optional extends string = never>(
  required: readonly Required[],
  optional: readonly Optional[] = [],
): PipeTransform<unknown, TwilioForm<Required, Optional>> {
  return { transform: (body: unknown) => readTwilioForm(body, required, optional) };
}
