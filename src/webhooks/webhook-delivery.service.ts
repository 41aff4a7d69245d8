import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../common/clock';
import { MetricsService } from '../health/metrics.service';
import { SendError } from '../common/outbound-http/http-sender';
import { OutboundSender } from '../common/outbound-http/outbound-sender';
import { AttemptOutcome, decideAfterAttempt, RETRY_WINDOW_MS } from './retry-policy';
import { signatureHeader } from './signature';
import { WebhookAudit } from './webhook-audit';
import { ClaimedDelivery, WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhooksRepository } from './webhooks.repository';
import { KLAXON_VERSION } from '../common/klaxon-version';

/** Each attempt waits this long for the whole answer. */
export const SEND_TIMEOUT_MS = 10_000;
/** How long a claimed delivery may stay `sending` before another worker tries it (a worker that died). */
const CLAIM_MS = 60_000;
const CLAIM_BATCH = 50;
const USER_AGENT = `Klaxon/${KLAXON_VERSION}`;

/**
 * The worker's side of outgoing webhooks (docs/webhooks.md, "Delivery"): each
 * pass claims due deliveries (SKIP LOCKED) and sends them at once, outside any
 * transaction, each on its own: a failing receiver or delivery never holds
 * back another. The pure retry policy decides what an attempt's outcome means.
 */
@Injectable()
export class WebhookDeliveryService {
  private readonly logger = new Logger('Webhooks');

  constructor(
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly webhooks: WebhooksRepository,
    private readonly sender: OutboundSender,
    private readonly audit: WebhookAudit,
    private readonly clock: Clock,
    private readonly metrics: MetricsService,
  ) {}

  /** One pass; returns how many deliveries it claimed (more may be due at once when > 0). */
  async pass(): Promise<number> {
    const now = this.clock.now();
    const claimed = await this.deliveries.claimDue(now, new Date(now.getTime() + CLAIM_MS), CLAIM_BATCH);
    await Promise.all(claimed.map((d) => this.send(d)));
    return claimed.length;
  }

  nextDueAt(): Promise<Date | null> {
    return this.deliveries.nextDueAt();
  }

  private async send(d: ClaimedDelivery): Promise<void> {
    const at = this.clock.now();
    const headers = {
      'User-Agent': USER_AGENT,
      'Klaxon-Event-Id': d.eventId,
      'Klaxon-Delivery-Id': d.id,
      'Klaxon-Signature': signatureHeader(d.secret, Math.floor(at.getTime() / 1000), d.body),
    };
    let outcome: AttemptOutcome;
    let durationMs = 0;
    let statusCode: number | null = null;
    let responsePrefix: string | null = null;
    try {
      const res = await this.sender.postJson(d.url, d.body, { timeoutMs: SEND_TIMEOUT_MS, headers });
      durationMs = res.durationMs;
      statusCode = res.status;
      responsePrefix = res.bodyPrefix;
      const retryAfter = res.headers['retry-after'];
      outcome = { kind: 'response', status: res.status, retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter };
    } catch (e) {
      const err = e instanceof SendError ? e : new SendError('network', (e as Error).message, 0);
      durationMs = err.durationMs;
      outcome = err.kind === 'timeout' ? { kind: 'timeout' } : err.kind === 'refused' ? { kind: 'refused', error: err.message } : { kind: 'network', error: err.message };
    }
    const now = this.clock.now();
    const decision = decideAfterAttempt({ outcome, attempt: d.attempt, firstAttemptAt: new Date(d.firstAttemptAt), now, random: Math.random() });
    const error = decision.kind === 'delivered' ? null : decision.reason;
    await this.deliveries.record(d.id, d.attempt, {
      at,
      durationMs,
      outcome: decision.kind,
      statusCode,
      error,
      responsePrefix,
      nextAttemptAt: decision.kind === 'retry' ? decision.at : null,
    });
    this.metrics.webhookDeliveries.inc({ outcome: decision.kind });
    if (decision.kind === 'delivered') {
      await this.webhooks.markSucceeded(d.webhookId);
      return;
    }
    const log = { webhookId: d.webhookId, deliveryId: d.id, eventId: d.eventId, event: d.eventType, attempt: d.attempt, statusCode, reason: decision.reason };
    if (decision.kind === 'retry') this.logger.warn({ ...log, retryAt: decision.at.toISOString() }, 'webhook delivery failed; will retry');
    else this.logger.warn(log, 'webhook delivery failed for good');
    const disabled = await this.webhooks.markFailed(d.webhookId, now, RETRY_WINDOW_MS, `every delivery failed for 24 hours (last: ${decision.reason})`);
    if (disabled) {
      const failed = await this.deliveries.failPendingOf(d.webhookId, 'webhook disabled');
      this.logger.warn({ webhookId: d.webhookId, failingSince: disabled.failingSince, pendingFailed: failed }, 'webhook disabled: every delivery failed for 24 hours');
      await this.audit.disabled(disabled);
    }
  }
}
