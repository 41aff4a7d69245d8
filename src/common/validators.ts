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
