import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { postJson, PostResult, Resolver, systemResolver } from '../common/outbound-http/http-sender';
import { checkBeforeSave } from '../common/outbound-http/save-check';

/** The resolver outgoing HTTP uses; tests provide one that maps names to their fake receivers. */
export const WEBHOOK_RESOLVER = Symbol('klaxon:webhook-resolver');

/** Every outgoing POST to a URL a user gave (webhooks; chat destinations at merge) goes through here. */
@Injectable()
export class WebhookSender {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(WEBHOOK_RESOLVER) private readonly resolve: Resolver,
  ) {}

  /** POSTs JSON under the address policy (KLAXON_WEBHOOK_ALLOW_PRIVATE), connecting to the address it checked. */
  postJson(url: string, body: unknown, options: { timeoutMs: number; headers?: Record<string, string> }): Promise<PostResult> {
    return postJson(url, body, { ...options, allowPrivate: this.config.KLAXON_WEBHOOK_ALLOW_PRIVATE, resolve: this.resolve });
  }

  /** The address policy alone, for a URL being saved: null when it may be used, else why not. */
  async refusal(url: string): Promise<string | null> {
    return checkBeforeSave(url, this.config.KLAXON_WEBHOOK_ALLOW_PRIVATE, this.resolve);
  }
}

export const systemResolverProvider = { provide: WEBHOOK_RESOLVER, useValue: systemResolver };
