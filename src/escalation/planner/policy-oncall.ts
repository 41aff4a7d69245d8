import { EscalationPolicyDefinition, TargetResolver } from './planner.types';

export interface PolicyOnCallEntry {
  /** 0-based level index. */
  readonly level: number;
  /** The schedule that put the user on call; null for a user target. */
  readonly scheduleId: string | null;
  readonly userId: string;
}

/**
 * Who each target of the policy would page at `at`, in level and target order
 * (GET /api/v1/oncall adds the schedule segment bounds). Targets that page
 * nobody are left out: a schedule in a gap, an unknown schedule, an unknown
 * user. A user listed by two targets appears twice, once per target.
 */
export function onCallForPolicy(policy: EscalationPolicyDefinition, at: Date, ctx: TargetResolver): PolicyOnCallEntry[] {
  const entries: PolicyOnCallEntry[] = [];
  policy.levels.forEach((level, index) => {
    for (const target of level.targets) {
      if (target.type === 'user') {
        if (ctx.getUser(target.id)) entries.push({ level: index, scheduleId: null, userId: target.id });
      } else if (target.type === 'schedule' && ctx.hasSchedule(target.id)) {
        const userId = ctx.resolveSchedule(target.id, at);
        if (userId !== null) entries.push({ level: index, scheduleId: target.id, userId });
      }
    }
  });
  return entries;
}
