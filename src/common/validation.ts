import { ValidationError as ClassValidatorError, ValidationPipe } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { FieldError, ValidationError } from './errors';

/** Flattens class-validator's tree into `{ field: "layers.0.rotation.length", message }` entries. */
export function flattenValidationErrors(errors: ClassValidatorError[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    for (const message of Object.values(e.constraints ?? {})) {
      out.push({ field, message: message.replace(/^property /, '') });
    }
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, field));
  }
  return out;
}

/** The global pipe: unknown fields are rejected, types are checked, every bad field is named. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationError(flattenValidationErrors(errors)),
  });
}

/**
 * A numeric field that may arrive as text (a query string, or `"5"` in a body): a non-blank
 * string becomes a number, anything else is left for the validators to refuse. class-transformer's
 * `@Type(() => Number)` calls `Number()` on whatever came, and an object whose `toString` is not a
 * function makes that throw (a 500 instead of the 400 naming the field); `""` became 0.
 */
export function NumberFromText(): PropertyDecorator {
  return Transform(({ value }) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value));
}
