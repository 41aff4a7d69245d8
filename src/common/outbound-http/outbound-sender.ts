import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { postJson, PostResult, Resolver, systemResolver } from './http-sender';
import { checkBeforeSave } from './save-check';

/** The resolver every outgoing POST uses; tests provide one that maps public-looking names to their fake receivers. */
export const OUTBOUND_RESOLVER = Symbol('klaxon:outbound-resolver');

/**
 * The one way out to a URL a user gave Klaxon (outgoing webhooks, Teams and
 * Mattermost destinations): the address policy with the process's
 * KLAXON_WEBHOOK_ALLOW_PRIVATE and the injected resolver, at save and at every
 * send, so that no caller can reach a URL by another path or another resolver.
 */
@Injectable()
export class OutboundSender {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(OUTBOUND_RESOLVER) private readonly resolve: Resolver,
  ) {}

  /** POSTs JSON under the address policy, connecting to the address it checked. */
  postJson(url: string, body: unknown, options: { timeoutMs: number; headers?: Record<string, string> }): Promise<PostResult> {
    return postJson(url, body, { ...options, allowPrivate: this.config.KLAXON_WEBHOOK_ALLOW_PRIVATE, resolve: this.resolve });
  }

  /** The address policy alone, for a URL being saved: null when it may be used, else why not. */
  refusal(url: string): Promise<string | null> {
    return checkBeforeSave(url, this.config.KLAXON_WEBHOOK_ALLOW_PRIVATE, this.resolve);
  }
}

/** The system's DNS, which CoreModule provides unless a test overrides OUTBOUND_RESOLVER. */
export const systemResolverProvider = { provide: OUTBOUND_RESOLVER, useValue: systemResolver };
