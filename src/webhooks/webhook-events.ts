import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { incidentEventBody, nextSequences } from './event-body';
import type { IncidentEventType } from './webhook-event-types';
import { StoredEvent, WebhookEventsRepository } from './webhook-events.repository';
import { WebhooksRepository } from './webhooks.repository';

/** An event about an incident. */
export interface IncidentWebhookEvent {
  type: IncidentEventType;
  incidentId: string;
  occurredAt: Date;
  /** The event's own fields in `data`, beside `incident`: `actor`, `note`, `escalation`... */
  extra?: Record<string, unknown>;
  /** The incident's opening `incident.triggered` (sequence 1). Only the opening listener (webhook-incident.listener.ts) sets it. */
  opening?: boolean;
  /**
   * A page of webhook escalation targets: the event goes to these webhooks
   * only, subscribed to its type or not, and to no subscriber.
   */
  onlyWebhookIds?: readonly string[];
}

/** A handoff between on-call users; no incident, so no sequence. */
export interface HandoffWebhookEvent {
  type: 'oncall.handoff';
  occurredAt: Date;
  /** The body's `data`: the schedule and who hands over to whom (the handoff module's shape). */
  data: Record<string, unknown>;
}

export type WebhookEvent = IncidentWebhookEvent | HandoffWebhookEvent;

/**
 * The one way into the webhook outbox (docs/webhooks.md, "Events"): any
 * module calls `enqueue` inside the transaction of the change that causes the
 * event, so the event commits (or rolls back) with it. Each event is stored
 * once with its body, and gets one pending delivery per webhook it goes to;
 * an event nobody subscribes to is not stored. Incident events need the
 * incident's row lock held by the caller (every incident change holds it):
 * that is what keeps `sequence` increasing per incident. Events of a
 * suppressed incident are not sent.
 */
@Injectable()
export class WebhookEvents {
  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly events: WebhookEventsRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async enqueue(em: EntityManager, ...events: WebhookEvent[]): Promise<void> {
    await this.enqueueAll(em, events);
  }

  async enqueueAll(em: EntityManager, events: readonly WebhookEvent[]): Promise<void> {
    if (!events.length) return;
    const hooks = await this.webhooks.enabled(em);
    if (!hooks.length) return;
    const enabledIds = new Set(hooks.map((h) => h.id));
    const subscribed = (type: string) => hooks.filter((h) => h.events.includes(type as never));
    const wanted = events.filter((e) =>
      'onlyWebhookIds' in e && e.onlyWebhookIds ? e.onlyWebhookIds.some((id) => enabledIds.has(id)) : subscribed(e.type).length > 0,
    );
    if (!wanted.length) return;
    const incidentEvents = wanted.filter((e): e is IncidentWebhookEvent => e.type !== 'oncall.handoff');
    const facts = await this.events.incidentFacts(em, incidentEvents.map((e) => e.incidentId));
    const stored: StoredEvent[] = [];
    const publicUrl = this.config.PUBLIC_URL ?? null;

    for (const e of wanted) {
      if (e.type !== 'oncall.handoff') continue;
      const id = randomUUID();
      const webhookIds = subscribed(e.type).map((h) => h.id);
      const body = { id, type: e.type, occurredAt: e.occurredAt.toISOString(), sequence: null, data: e.data };
      stored.push({ id, type: e.type, incidentId: null, sequence: null, occurredAt: e.occurredAt, body: JSON.stringify(body), webhookIds });
    }
    // Per incident, in the order given: sequences follow the order of the changes.
    const byIncident = new Map<string, IncidentWebhookEvent[]>();
    for (const e of incidentEvents) byIncident.set(e.incidentId, [...(byIncident.get(e.incidentId) ?? []), e]);
    for (const [incidentId, list] of byIncident) {
      const incident = facts.get(incidentId);
      if (!incident || incident.suppressed) continue;
      const recipients = list.map((e) =>
        e.onlyWebhookIds
          ? e.onlyWebhookIds.filter((id) => enabledIds.has(id))
          : subscribed(e.type)
              .filter((h) => !h.serviceIds || h.serviceIds.includes(incident.serviceId))
              .map((h) => h.id),
      );
      const kept = list.filter((_, i) => recipients[i].length > 0);
      const keptRecipients = recipients.filter((r) => r.length > 0);
      const sequences = nextSequences(incident.lastSequence, kept.map((e) => ({ opening: !!e.opening })));
      kept.forEach((e, i) => {
        const id = randomUUID();
        const body = incidentEventBody({ id, type: e.type, occurredAt: e.occurredAt, sequence: sequences[i], incident, publicUrl, extra: e.extra });
        stored.push({ id, type: e.type, incidentId, sequence: sequences[i], occurredAt: e.occurredAt, body: JSON.stringify(body), webhookIds: keptRecipients[i] });
      });
    }
    await this.events.insert(em, stored, this.clock.now());
  }
}
