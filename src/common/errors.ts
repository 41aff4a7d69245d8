/**
 * Domain errors carry a code; they are mapped to HTTP in one place
 * (http-exception.filter.ts). Services throw these, never HttpExceptions.
 */
export enum ErrorCode {
  Validation = 'validation',
  NotFound = 'not_found',
  Conflict = 'conflict',
  Unauthorized = 'unauthorized',
  Forbidden = 'forbidden',
  PayloadTooLarge = 'payload_too_large',
  UnsupportedMediaType = 'unsupported_media_type',
  RateLimited = 'rate_limited',
  Unavailable = 'unavailable',
}

export interface FieldError {
  field: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors?: FieldError[],
    /** Extra fields merged into the response body (e.g. the schedules that block a delete). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** One 400 names at most this many problems, and says how many more there were. */
export const MAX_REPORTED_ERRORS = 50;

export class ValidationError extends DomainError {
  constructor(errors: FieldError[], message?: string) {
    const shown = errors.slice(0, MAX_REPORTED_ERRORS);
    const more = errors.length - shown.length;
    const text = shown.map((e) => `${e.field}: ${e.message}`).join('; ') + (more > 0 ? `; and ${more} more` : '');
    super(ErrorCode.Validation, message ?? text, shown, more > 0 ? { moreErrors: more } : undefined);
  }

  static field(field: string, message: string): ValidationError {
    return new ValidationError([{ field, message }]);
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id?: string) {
    super(ErrorCode.NotFound, id ? `${what} ${id} not found` : `${what} not found`);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super(ErrorCode.Conflict, message, undefined, details);
  }
}

/** A 429; the HTTP filter sends `Retry-After: retryAfterSeconds`. */
export class RateLimitedError extends DomainError {
  constructor(
    readonly retryAfterSeconds: number,
    what = 'rate limit exceeded',
  ) {
    super(ErrorCode.RateLimited, `${what}; retry after ${retryAfterSeconds} s`);
  }
}

export const HTTP_STATUS: Record<ErrorCode, number> = {
  [ErrorCode.Validation]: 400,
  [ErrorCode.Unauthorized]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.PayloadTooLarge]: 413,
  [ErrorCode.UnsupportedMediaType]: 415,
  [ErrorCode.RateLimited]: 429,
  [ErrorCode.Unavailable]: 503,
};

/** PostgreSQL error codes the services translate into domain errors. */
export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';
/** A delete refused by an `ON DELETE RESTRICT` foreign key. */
export const PG_RESTRICT_VIOLATION = '23001';

export function pgErrorCode(e: unknown): string | undefined {
  const err = e as { code?: unknown; driverError?: { code?: unknown } };
  const code = err?.driverError?.code ?? err?.code;
  return typeof code === 'string' ? code : undefined;
}
