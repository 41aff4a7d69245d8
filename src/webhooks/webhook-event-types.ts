/** The events a webhook can subscribe to (docs/webhooks.md, "Events"). */
export const WEBHOOK_EVENT_TYPES = [
  'incident.triggered',
  'incident.acknowledged',
  'incident.resolved',
  'incident.escalated',
  'incident.reassigned',
  'incident.note_added',
  'incident.maintenance_ended',
  'oncall.handoff',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export type IncidentEventType = Exclude<WebhookEventType, 'oncall.handoff'>;
