import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** An on-call handoff, as outgoing webhooks send it (`oncall.handoff`, docs/webhooks.md). */
export interface OnCallHandoffEvent {
  occurredAt: Date;
  /** The body's `data`: the schedule, who hands over and who takes over. */
  data: Record<string, unknown>;
}

/** What the webhooks module provides: queues the events in the caller's transaction. */
export interface HandoffEventSink {
  enqueueHandoffs(em: EntityManager, events: readonly OnCallHandoffEvent[]): Promise<void>;
}

/**
 * The way into the webhook outbox for modules that sit below the webhooks
 * module (schedules, notifications): they call `enqueue` inside the
 * transaction that records a handoff; the webhooks module registers the sink
 * at start. Modules above it may call `WebhookEvents.enqueue` directly.
 */
@Injectable()
export class HandoffEvents {
  private sink: HandoffEventSink | null = null;

  register(sink: HandoffEventSink): void {
    this.sink = sink;
  }

  /** Queues the events in `em`'s transaction; nothing when no webhooks module runs (a trimmed test app). */
  async enqueue(em: EntityManager, ...events: OnCallHandoffEvent[]): Promise<void> {
    if (this.sink && events.length) await this.sink.enqueueHandoffs(em, events);
  }
}
