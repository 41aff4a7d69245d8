import { ChatNotificationKeyParts, NotificationKeyParts } from './planner.types';

/**
 * The idempotency key of one notification (docs/paging.md, "Durability rules"):
 * incident, level, loop, user, contact method and rule, plus the escalation
 * epoch, which only changes when an ack timeout restarts escalation at level 0
 * (without it the restart's pages would collide with the first pass and be
 * dropped by the outbox's unique index). Each part is URI-encoded so no id can
 * forge a separator.
 */
export function notificationKey(incidentId: string, parts: NotificationKeyParts): string {
  return [
    incidentId,
    `e${parts.epoch}`,
    `r${parts.loop}`,
    `l${parts.level}`,
    parts.userId,
    parts.contactMethodId,
    parts.ruleId,
  ]
    .map(encodeURIComponent)
    .join(':');
}

/**
 * The idempotency key of a chat destination's page: like a user's, with the
 * literal `chat` and the destination id in place of user, contact method and
 * rule (a UUID is never `chat`, so the two kinds of key cannot meet).
 */
export function chatNotificationKey(incidentId: string, parts: ChatNotificationKeyParts): string {
  return [incidentId, `e${parts.epoch}`, `r${parts.loop}`, `l${parts.level}`, 'chat', parts.chatDestinationId]
    .map(encodeURIComponent)
    .join(':');
}
