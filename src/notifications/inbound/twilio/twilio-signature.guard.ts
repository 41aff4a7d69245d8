import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import twilio from 'twilio';
import { DomainError, ErrorCode } from '../../../common/errors';
import { headerOf } from '../../../common/request-body';
import { APP_CONFIG, AppConfig } from '../../../config/app-config';

/**
 * Twilio webhooks must carry a valid X-Twilio-Signature: the SDK's validator over
 * PUBLIC_URL + the path and query Twilio was given (the request target exactly
 * as received, `originalUrl`, never a decoded or normalised path), and the form
 * fields (a repeated key is an array, as Twilio signs it). Without
 * PUBLIC_URL or an auth token nothing can be validated, so everything is refused.
 */
@Injectable()
export class TwilioSignatureGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(ctx: ExecutionContext): boolean {
    const req = ctx.switchToHttp().getRequest<FastifyRequest>();
    const token = this.config.TWILIO_AUTH_TOKEN;
    const base = this.config.PUBLIC_URL?.replace(/\/+$/, '');
    const signature = headerOf(req, 'x-twilio-signature');
    const params = req.method === 'POST' && req.body && typeof req.body === 'object' ? (req.body as Record<string, string | string[]>) : {};
    if (!token || !base || !signature || !twilio.validateRequest(token, signature, `${base}${req.originalUrl}`, params)) {
      throw new DomainError(ErrorCode.Forbidden, 'invalid Twilio signature');
    }
    return true;
  }
}
