import { DAY_MS, MINUTE_MS, type Shift } from '../../schedules/resolution';
import { EdgeType, handoffEdges, userChanges, userIntervals } from './on-call-intervals';

/** Timers are planned for every notice due within this many days from now. */
export const HANDOFF_HORIZON_DAYS = 14;
export const HANDOFF_HORIZON_MS = HANDOFF_HORIZON_DAYS * DAY_MS;
/** The longest advance a rule may ask for (7 days). */
export const MAX_ADVANCE_MINUTES = 10_080;
/**
 * The rendering a plan is made from: a day back (so an edge at "now" is an
 * edge, not the rendering's start) to the horizon plus the longest advance
 * plus a day (so an edge whose notice is due at the horizon is seen whole).
 */
const PLAN_BACK_MS = DAY_MS;
const PLAN_AHEAD_MS = HANDOFF_HORIZON_MS + MAX_ADVANCE_MINUTES * MINUTE_MS + DAY_MS;

export type HandoffType = EdgeType | 'both';

export interface PlanRule {
  id: string;
  userId: string;
  handoffType: HandoffType;
  advanceMinutes: number;
}

export interface PlannedRuleTimer {
  kind: 'rule';
  ruleId: string;
  userId: string;
  edgeType: EdgeType;
  edgeAt: number;
  dueAt: number;
}

export interface PlannedEdgeTimer {
  kind: 'edge';
  edgeAt: number;
  dueAt: number;
}

function wants(rule: PlanRule, type: EdgeType): boolean {
  return rule.handoffType === 'both' || rule.handoffType === type;
}

/** The window of a plan made at `now`. */
export function planWindow(now: number): { since: number; until: number } {
  return { since: now - PLAN_BACK_MS, until: now + PLAN_AHEAD_MS };
}

/**
 * The rule timers of one schedule: for each rule, one per edge of its user's
 * merged final on-call time, due `advanceMinutes` before the edge, from `now`
 * (inclusive) to the horizon. `shifts` is the rendering of `planWindow(now)`.
 */
export function planRuleTimers(shifts: readonly Shift[], rules: readonly PlanRule[], now: number): PlannedRuleTimer[] {
  const { since, until } = planWindow(now);
  const horizon = now + HANDOFF_HORIZON_MS;
  const out: PlannedRuleTimer[] = [];
  const edgesOf = new Map<string, ReturnType<typeof handoffEdges>>();
  for (const rule of rules) {
    let edges = edgesOf.get(rule.userId);
    if (!edges) edgesOf.set(rule.userId, (edges = handoffEdges(userIntervals(shifts, rule.userId), since, until)));
    for (const edge of edges) {
      if (!wants(rule, edge.type)) continue;
      const dueAt = edge.at - rule.advanceMinutes * MINUTE_MS;
      if (dueAt < now || dueAt > horizon) continue;
      out.push({ kind: 'rule', ruleId: rule.id, userId: rule.userId, edgeType: edge.type, edgeAt: edge.at, dueAt });
    }
  }
  return out.sort((a, b) => a.dueAt - b.dueAt || a.ruleId.localeCompare(b.ruleId));
}

/** One timer at each change of the final on-call user from `now` (inclusive) to the horizon. */
export function planEdgeTimers(shifts: readonly Shift[], now: number): PlannedEdgeTimer[] {
  const { until } = planWindow(now);
  const horizon = now + HANDOFF_HORIZON_MS;
  return userChanges(shifts, until)
    .filter((c) => c.at >= now && c.at <= horizon)
    .map((c) => ({ kind: 'edge', edgeAt: c.at, dueAt: c.at }));
}
