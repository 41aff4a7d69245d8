import { effectiveRules } from './level-notifications';
import { EscalationPolicyDefinition, PolicyTarget, TargetResolver, userLabel } from './planner.types';

export type PolicyWarningCode =
  | 'no-levels'
  | 'empty-level'
  | 'unknown-user'
  | 'user-unreachable'
  | 'unknown-schedule'
  | 'schedule-gap'
  | 'unknown-webhook'
  | 'webhook-disabled'
  | 'unknown-chat-destination'
  | 'chat-destination-disabled';

export interface PolicyWarning {
  readonly code: PolicyWarningCode;
  /** 0-based level index; null for policy-wide warnings. */
  readonly level: number | null;
  readonly target: PolicyTarget | null;
  readonly message: string;
}

export interface PolicyWarningContext extends TargetResolver {
  /** true when the schedule has nobody on call somewhere in [from, to). */
  scheduleHasGap(scheduleId: string, from: Date, to: Date): boolean;
  /**
   * Every user the schedule can put on call from now on: its rotation users and
   * the users of the overrides it was loaded with (for warnings: those not ended yet).
   */
  scheduleUserIds(scheduleId: string): readonly string[];
}

const DAY_MS = 24 * 60 * 60_000;

/**
 * Problems that would make this policy page nobody, returned by the API with
 * the policy (they do not block saving it: a schedule gap may be intended).
 * Schedule gaps are looked for in [now, now + windowDays); unreachable users
 * among everyone a schedule can put on call, however far ahead. Levels are
 * 1-based in messages and 0-based in `level`.
 */
export function computePolicyWarnings(
  policy: EscalationPolicyDefinition,
  ctx: PolicyWarningContext,
  now: Date,
  windowDays = 7,
): PolicyWarning[] {
  if (policy.levels.length === 0) {
    return [{ code: 'no-levels', level: null, target: null, message: 'The policy has no levels: nobody will be paged' }];
  }
  const until = new Date(now.getTime() + windowDays * DAY_MS);
  const warnings: PolicyWarning[] = [];
  policy.levels.forEach((level, index) => {
    const where = `Level ${index + 1}`;
    if (level.targets.length === 0) {
      warnings.push({ code: 'empty-level', level: index, target: null, message: `${where} has no targets` });
    }
    for (const target of level.targets) {
      const warn = (code: PolicyWarningCode, message: string) =>
        warnings.push({ code, level: index, target: { type: target.type, id: target.id }, message: `${where}: ${message}` });
      if (target.type === 'webhook') {
        const hook = ctx.getWebhook(target.id);
        if (!hook) warn('unknown-webhook', `webhook ${target.id} does not exist`);
        else if (!hook.enabled) warn('webhook-disabled', `webhook ${target.id} is disabled: it pages nobody`);
      } else if (target.type === 'chat') {
        const destination = ctx.getChatDestination(target.id);
        if (!destination) warn('unknown-chat-destination', `chat destination ${target.id} does not exist`);
        else if (!destination.enabled) warn('chat-destination-disabled', `chat destination "${destination.name}" (${target.id}) is disabled`);
      } else if (target.type === 'user') {
        const user = ctx.getUser(target.id);
        if (!user) warn('unknown-user', `user ${target.id} does not exist`);
        else if (effectiveRules(user).length === 0) {
          warn('user-unreachable', `user ${userLabel(target.id, user)} has no enabled contact method`);
        }
      } else if (!ctx.hasSchedule(target.id)) {
        warn('unknown-schedule', `schedule ${target.id} does not exist`);
      } else {
        if (ctx.scheduleHasGap(target.id, now, until)) {
          warn('schedule-gap', `schedule ${target.id} has nobody on call at some time in the next ${windowDays} days`);
        }
        // Whoever the schedule hands the page to must be reachable, whether by rotation or by override.
        for (const userId of ctx.scheduleUserIds(target.id)) {
          const user = ctx.getUser(userId);
          if (user && effectiveRules(user).length === 0) {
            warn('user-unreachable', `schedule ${target.id} can put user ${userLabel(userId, user)} on call, who has no enabled contact method`);
          }
        }
      }
    }
  });
  return warnings;
}
