import { createHash } from 'node:crypto';
import { EscalationPolicyDefinition, PolicySnapshot } from './planner.types';

/**
 * Copies the fields escalation depends on into a deep-frozen snapshot with a
 * content version. The incident stores the snapshot when it starts and the
 * planner is only ever given that snapshot, so editing the live policy cannot
 * change a running escalation (docs/paging.md: the incident keeps its policy).
 * Extra properties of the input (entities, timestamps) are dropped.
 */
export function snapshotPolicy(policy: EscalationPolicyDefinition): PolicySnapshot {
  const content: EscalationPolicyDefinition = {
    id: policy.id,
    name: policy.name,
    repeat: policy.repeat,
    levels: policy.levels.map((level) => ({
      delayMinutes: level.delayMinutes,
      targets: level.targets.map((target) => ({ type: target.type, id: target.id })),
    })),
  };
  return deepFreeze({ ...content, version: policyVersion(content) });
}

/**
 * A short, stable hash of what escalation depends on (property order fixed by
 * construction). Equal versions mean identical escalation behaviour.
 */
export function policyVersion(policy: EscalationPolicyDefinition): string {
  const canonical = JSON.stringify([
    policy.id,
    policy.name,
    policy.repeat,
    policy.levels.map((level) => [level.delayMinutes, level.targets.map((target) => [target.type, target.id])]),
  ]);
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as object)) deepFreeze(child);
  }
  return value;
}
