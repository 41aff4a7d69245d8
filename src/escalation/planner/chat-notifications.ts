import { chatNotificationKey } from './notification-key';
import { PlanContext, PlannedNotification, PlanTimelineEntry, StepRef } from './planner.types';

export interface ChatTargetResolution {
  /** Absent when the destination is missing or disabled. */
  readonly notification?: PlannedNotification;
  /** `notified`, or `chat-unavailable` saying why nothing was sent. */
  readonly entry: PlanTimelineEntry;
}

/**
 * A chat destination target: the room is paged once, at once (rooms have no
 * notification rules), when the destination exists and is enabled. A missing
 * or disabled destination pages nobody and says so; it never stops the level's
 * other targets.
 */
export function resolveChatTarget(chatDestinationId: string, step: StepRef, reachedAt: Date, ctx: PlanContext): ChatTargetResolution {
  const levelData = { level: step.level, loop: step.loop, chatDestinationId };
  const destination = ctx.getChatDestination(chatDestinationId);
  if (!destination || !destination.enabled) {
    const reason = destination ? 'disabled' : 'unknown-chat-destination';
    const message = destination
      ? `Chat destination "${destination.name}" (${chatDestinationId}) is disabled`
      : `Chat destination ${chatDestinationId} no longer exists`;
    return { entry: { type: 'chat-unavailable', message, at: reachedAt, data: { ...levelData, reason } } };
  }
  const parts = { epoch: step.epoch, level: step.level, loop: step.loop, chatDestinationId };
  return {
    notification: {
      ...parts,
      userId: null,
      contactMethodId: null,
      ruleId: null,
      contactMethodType: destination.type,
      address: destination.address,
      dueAt: reachedAt,
      idempotencyKey: chatNotificationKey(ctx.incidentId, parts),
      via: { type: 'chat', chatDestinationId },
    },
    entry: {
      type: 'notified',
      message: `Paging chat destination "${destination.name}" (${destination.type})`,
      at: reachedAt,
      data: { ...levelData, via: { type: 'chat', chatDestinationId }, channel: destination.type },
    },
  };
}
