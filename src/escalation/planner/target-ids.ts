import type { TargetType } from './planner.types';

/** The distinct ids that each kind of target names across some levels, in first-seen order. */
export type TargetIds = Record<TargetType, string[]>;

/** Splits the targets of `levels` by kind: what policy checks, warnings and on-call views each load in one query. */
export function targetIdsByType(levels: readonly { readonly targets: readonly { readonly type: string; readonly id: string }[] }[]): TargetIds {
  const seen: Record<TargetType, Set<string>> = { user: new Set(), schedule: new Set(), webhook: new Set(), chat: new Set() };
  for (const level of levels) {
    for (const t of level.targets) {
      const kind: TargetType = t.type === 'user' || t.type === 'webhook' || t.type === 'chat' ? t.type : 'schedule';
      seen[kind].add(t.id);
    }
  }
  return { user: [...seen.user], schedule: [...seen.schedule], webhook: [...seen.webhook], chat: [...seen.chat] };
}
