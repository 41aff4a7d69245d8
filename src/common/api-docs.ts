import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtraModels, ApiParam, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';

/**
 * Decorators and schemas the OpenAPI document shares: the error body of the
 * common filter (http-exception.filter.ts), the reasons behind each 4xx, and
 * the page of a list. The document is linted with Redocly's `recommended`
 * ruleset in the tests (test/api/openapi-lint.spec.ts).
 */

/** The security scheme every `/api/v1` route declares (see MinRole). */
export const BEARER_SCHEME = 'bearer';

export class FieldErrorResponse {
  @ApiProperty({ description: 'the path of the bad field in the request', example: 'layers.0.rotation.length' })
  field: string;

  @ApiProperty({ description: 'what is wrong with it', example: 'must be a positive integer' })
  message: string;
}

export class ReferenceResponse {
  @ApiProperty({ description: 'what refers to the object', example: 'escalation-policy' })
  kind: string;

  @ApiProperty({ description: 'its id', format: 'uuid', example: '1c8d902b-6f4a-4c3d-9e7a-5d0c9a2e8f1b' })
  id: string;

  @ApiProperty({ description: 'its name', example: 'Payments primary' })
  name: string;
}

/**
 * `{ statusCode, error, message, errors? }`: every error of the management API and of the
 * Twilio, Slack and email routes. Some add what the client needs to act on them.
 */
export class ErrorResponse {
  @ApiProperty({ description: 'the HTTP status, repeated', example: 400 })
  statusCode: number;

  @ApiProperty({ description: 'the HTTP reason phrase', example: 'Bad Request' })
  error: string;

  @ApiProperty({ description: 'what went wrong, for a person', example: 'name: must be 1 to 200 characters' })
  message: string;

  @ApiPropertyOptional({ description: 'each bad field of a 400, by path', type: [FieldErrorResponse] })
  errors?: FieldErrorResponse[];

  @ApiPropertyOptional({ description: 'a 400 only: how many problems there were beyond the 50 listed', example: 3 })
  moreErrors?: number;

  @ApiPropertyOptional({ description: 'a 409 on a delete: what still refers to the object', type: [ReferenceResponse] })
  references?: ReferenceResponse[];

  @ApiPropertyOptional({ description: 'a 409 on deleting a user: the schedules among the references', type: [ReferenceResponse] })
  schedules?: ReferenceResponse[];

  @ApiPropertyOptional({ description: 'a 409 on an incident action: the incident status that refused it', example: 'resolved' })
  incidentStatus?: string;

  @ApiPropertyOptional({ description: 'a 409 on adding an override: the most overrides a schedule may hold', example: 1000 })
  limit?: number;

  @ApiPropertyOptional({ description: 'a 500 only: the id of the log line that has the details', example: '0b7e3c1a-5d2f-4c8e-9a61-3f0d2b7c9e14' })
  errorId?: string;
}

/** `{ status, message, errors }`: the answers of the webhook routes, in PagerDuty's Events API shape. */
export class WebhookErrorResponse {
  @ApiProperty({
    description: 'invalid event, unauthorized, not found, payload too large, unsupported media type or throttle event',
    example: 'invalid event',
  })
  status: string;

  @ApiProperty({ description: 'what went wrong', example: 'Event object is invalid' })
  message: string;

  @ApiProperty({ description: 'each problem found', type: [String], example: ["'routing_key' is missing or blank"] })
  errors: string[];
}

/** The statuses an operation can document, with what each means in this API. */
export const ERROR_REASONS = {
  400: 'invalid input: each bad field is named',
  401: 'no API key, or an unknown or revoked one',
  403: "the API key's role does not allow this",
  404: 'no such object',
  409: 'conflicts with the current state (a name taken, an object still referenced)',
  413: 'the body is over the size limit',
  415: 'an unsupported Content-Type, charset or encoding',
  429: 'rate limited: retry after the Retry-After header',
} as const;

export type ErrorStatus = keyof typeof ERROR_REASONS;

/** Error responses in the common shape; `reasons` overrides the wording of a status for one route. */
export function ApiErrors(statuses: ErrorStatus[], reasons: Partial<Record<ErrorStatus, string>> = {}): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) => ApiResponse({ status, description: reasons[status] ?? ERROR_REASONS[status], type: ErrorResponse })),
  );
}

/** Error responses in the webhook shape (`{ status, message, errors }`). */
export function ApiWebhookErrors(statuses: ErrorStatus[], reasons: Partial<Record<ErrorStatus, string>> = {}): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) => ApiResponse({ status, description: reasons[status] ?? ERROR_REASONS[status], type: WebhookErrorResponse })),
  );
}

/** A 200 with one page of `item`: `{ items, nextCursor }`. */
export function ApiPageResponse(item: Type<unknown>, description: string): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(item),
    ApiResponse({
      status: 200,
      description,
      schema: {
        type: 'object',
        required: ['items', 'nextCursor'],
        properties: {
          items: { type: 'array', items: { $ref: getSchemaPath(item) }, description: 'this page, newest first unless the route says otherwise' },
          nextCursor: {
            type: 'string',
            nullable: true,
            description: 'pass as `cursor` for the next page; null on the last page',
            example: 'eyJ0IjoiMjAyNi0xMS0zMFQxMjowMDowMC4wMDBaIiwiaWQiOiIwIn0',
          },
        },
      },
    }),
  );
}

/** A uuid path parameter, described. */
export function ApiUuidParam(name: string, description: string): MethodDecorator {
  return ApiParam({ name, description, type: String, format: 'uuid', example: '3f2a1b0c-7d6e-4a5b-9c8d-1e2f3a4b5c6d' });
}
