import type { IncidentWebhookEvent } from '../../webhooks/webhook-events';
import type { PlanWrite } from './escalation-plan-writer';

/**
 * The outgoing webhook events of written escalation steps (docs/webhooks.md):
 * `incident.escalated` for subscribers when a step moved an incident to a
 * further level, and the page of the level's webhook targets, delivered to
 * those webhooks only: `incident.triggered` when the level was reached by a
 * start or a restart, `incident.escalated` otherwise. Both carry
 * `escalation: {level, loop}` (0-based, as policies number levels).
 */
export function escalationWebhookEvents(writes: readonly PlanWrite[], now: Date): IncidentWebhookEvent[] {
  const events: IncidentWebhookEvent[] = [];
  for (const w of writes) {
    const escalated = w.timeline.find((e) => e.type === 'escalated');
    const levelOf = (data: unknown) => {
      const d = (data ?? {}) as { level?: number; loop?: number };
      return { level: d.level ?? 0, loop: d.loop ?? 0 };
    };
    if (escalated) {
      events.push({ type: 'incident.escalated', incidentId: w.incidentId, occurredAt: now, extra: { escalation: levelOf(escalated.data), reason: escalated.message } });
    }
    const pages = w.webhookPages;
    if (pages.length) {
      events.push({
        type: escalated ? 'incident.escalated' : 'incident.triggered',
        incidentId: w.incidentId,
        occurredAt: now,
        extra: { escalation: { level: pages[0].level, loop: pages[0].loop }, page: true },
        onlyWebhookIds: pages.map((p) => p.webhookId),
      });
    }
  }
  return events;
}
