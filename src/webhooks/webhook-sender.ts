import { blockedReason, checkWebhookUrl } from './address-policy';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { postJson, PostResult, Resolver, systemResolver } from './http-sender';

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

/**
 * The check at save: the URL's rules, then, for a DNS name, every address it
 * resolves to now. A name that does not resolve yet is accepted (the check
 * runs again at each send).
 */
export async function checkBeforeSave(url: string, allowPrivate: boolean, resolve: Resolver): Promise<string | null> {
  const checked = checkWebhookUrl(url, allowPrivate);
  if (!checked.ok) return checked.reason;
  if (allowPrivate || checked.literal !== null) return null;
  let answers: { address: string }[];
  try {
    answers = await resolve(checked.hostname.replace(/\.$/, ''));
  } catch {
    return null;
  }
  for (const a of answers) {
    const reason = blockedReason(a.address);
    if (reason) return `resolves to a ${reason} address (${a.address}); set KLAXON_WEBHOOK_ALLOW_PRIVATE=true to allow it`;
  }
  return null;
}
