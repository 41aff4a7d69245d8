import { resolveChatTarget } from './chat-notifications';
import { notificationKey } from './notification-key';
import {
  ContactMethodSnapshot,
  NotificationVia,
  PlanContext,
  PlannedNotification,
  PlannedWebhookPage,
  PlanTimelineEntry,
  PolicySnapshot,
  StepRef,
  userLabel,
  UserSnapshot,
} from './planner.types';

/** A notification rule after defaults and disabled contact methods are applied. */
export interface EffectiveRule {
  readonly ruleId: string;
  readonly contactMethod: ContactMethodSnapshot;
  readonly delayMinutes: number;
}

/** The prefix of the synthetic rule ids given to users without a usable rule. */
export const DEFAULT_RULE_PREFIX = 'default:';

/**
 * The rules that page this user. Rules on a missing or disabled contact method
 * are skipped. When no rule is left (the user has none, or all of theirs point
 * at disabled methods), every enabled contact method becomes an immediate rule
 * `default:<contactMethodId>`: paging someone through a method they did not
 * pick beats paging nobody. An empty result means the user is unreachable.
 */
export function effectiveRules(user: UserSnapshot): EffectiveRule[] {
  const enabled = new Map(user.contactMethods.filter((method) => method.enabled).map((method) => [method.id, method]));
  const rules: EffectiveRule[] = [];
  for (const rule of user.notificationRules) {
    const contactMethod = enabled.get(rule.contactMethodId);
    if (contactMethod) rules.push({ ruleId: rule.id, contactMethod, delayMinutes: rule.delayMinutes });
  }
  if (rules.length > 0) return rules;
  return [...enabled.values()].map((contactMethod) => ({
    ruleId: `${DEFAULT_RULE_PREFIX}${contactMethod.id}`,
    contactMethod,
    delayMinutes: 0,
  }));
}

export interface LevelResolution {
  readonly notifications: PlannedNotification[];
  /** The level's enabled webhook targets, once each. */
  readonly webhooks: PlannedWebhookPage[];
  /** notified, user-unreachable, schedule-gap, schedule-unknown, webhook-unavailable and chat-unavailable entries, in target order. */
  readonly timeline: PlanTimelineEntry[];
}

/**
 * Who a level pages when it is reached at `reachedAt`: schedule targets are
 * resolved at that instant (not when the incident began), and a user reached
 * through several targets of the level is paged once, via the first of them.
 * A chat destination target pages its room once (chat-notifications.ts).
 * No notifications means the level is empty and the caller escalates at once.
 */
export function resolveLevel(
  policy: PolicySnapshot,
  step: StepRef,
  reachedAt: Date,
  ctx: PlanContext,
): LevelResolution {
  const notifications: PlannedNotification[] = [];
  const timeline: PlanTimelineEntry[] = [];
  const webhooks: PlannedWebhookPage[] = [];
  const seenUserIds = new Set<string>();
  const seenChatIds = new Set<string>();
  const levelData = { level: step.level, loop: step.loop };

  for (const target of policy.levels[step.level]?.targets ?? []) {
    if (target.type === 'webhook') {
      if (webhooks.some((w) => w.webhookId === target.id)) continue;
      const hook = ctx.getWebhook(target.id);
      const label = hook?.name ? `"${hook.name}" (${target.id})` : target.id;
      if (!hook?.enabled) {
        timeline.push({
          type: 'webhook-unavailable',
          message: hook ? `Webhook ${label} is disabled` : `Webhook ${target.id} no longer exists`,
          at: reachedAt,
          data: { ...levelData, webhookId: target.id },
        });
        continue;
      }
      webhooks.push({ ...step, webhookId: target.id });
      timeline.push({ type: 'notified', message: `Paging webhook ${label}`, at: reachedAt, data: { ...levelData, webhookId: target.id } });
      continue;
    }
    if (target.type === 'chat') {
      if (seenChatIds.has(target.id)) continue;
      seenChatIds.add(target.id);
      const chat = resolveChatTarget(target.id, step, reachedAt, ctx);
      if (chat.notification) notifications.push(chat.notification);
      timeline.push(chat.entry);
      continue;
    }
    let userId: string;
    let via: NotificationVia;
    if (target.type === 'schedule') {
      if (!ctx.hasSchedule(target.id)) {
        timeline.push({
          type: 'schedule-unknown',
          message: `Schedule ${target.id} no longer exists`,
          at: reachedAt,
          data: { ...levelData, scheduleId: target.id },
        });
        continue;
      }
      const onCall = ctx.resolveSchedule(target.id, reachedAt);
      if (onCall === null) {
        timeline.push({
          type: 'schedule-gap',
          message: `Nobody is on call in schedule ${target.id}`,
          at: reachedAt,
          data: { ...levelData, scheduleId: target.id },
        });
        continue;
      }
      userId = onCall;
      via = { type: 'schedule', scheduleId: target.id };
    } else {
      userId = target.id;
      via = { type: 'user' };
    }

    if (seenUserIds.has(userId)) continue;
    seenUserIds.add(userId);

    const user = ctx.getUser(userId);
    const rules = user ? effectiveRules(user) : [];
    if (rules.length === 0) {
      const reason = user ? 'no-contact-method' : 'unknown-user';
      timeline.push({
        type: 'user-unreachable',
        message: user ? `User ${userLabel(userId, user)} has no enabled contact method` : `User ${userId} no longer exists`,
        at: reachedAt,
        data: { ...levelData, userId, reason, via },
      });
      continue;
    }

    for (const rule of rules) {
      const parts = {
        epoch: step.epoch,
        level: step.level,
        loop: step.loop,
        userId,
        contactMethodId: rule.contactMethod.id,
        ruleId: rule.ruleId,
      };
      notifications.push({
        ...parts,
        chatDestinationId: null,
        contactMethodType: rule.contactMethod.type,
        address: rule.contactMethod.address,
        dueAt: new Date(reachedAt.getTime() + rule.delayMinutes * 60_000),
        idempotencyKey: notificationKey(ctx.incidentId, parts),
        via,
      });
    }
    timeline.push({
      type: 'notified',
      message:
        `Paging user ${userLabel(userId, user)}` +
        (via.type === 'schedule' ? ` (on call in schedule ${via.scheduleId})` : '') +
        ` with ${rules.length} notification rule${rules.length === 1 ? '' : 's'}`,
      at: reachedAt,
      data: { ...levelData, userId, via, ruleIds: rules.map((rule) => rule.ruleId) },
    });
  }
  return { notifications, webhooks, timeline };
}

