import { registerDecorator, ValidationOptions } from 'class-validator';
import { IANAZone } from 'luxon';

export const E164 = /^\+[1-9]\d{6,14}$/;
export const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;
export const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export function isIanaZone(value: unknown): boolean {
  return typeof value === 'string' && value.length > 0 && IANAZone.isValidZone(value);
}

/** An IANA time zone name known to the runtime's zone database (luxon IANAZone.isValidZone). */
export function IsIanaZone(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isIanaZone',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} must be an IANA time zone such as "Europe/London"`, ...options },
      validator: { validate: isIanaZone },
    });
}

/** C0 controls (line breaks and tabs included), DEL and C1 controls. */
export const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

export function hasNoControlCharacters(value: unknown): boolean {
  return typeof value !== 'string' || !CONTROL_CHARACTER.test(value);
}

/**
 * For names: they are written into iCal lines, email subjects, SMS and Slack
 * text, where a line break or an escape sequence is an injection. Any other
 * Unicode is fine. Non-strings pass (IsString says what is wrong with them).
 */
export function NoControlChars(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'noControlChars',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} must not contain control characters (U+0000-U+001F, U+007F-U+009F)`, ...options },
      validator: { validate: hasNoControlCharacters },
    });
}
