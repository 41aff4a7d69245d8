/** The pure escalation planner: policy snapshot + state + input + now -> plan. */
export * from './planner.types';
export { planEscalation, nextStep, stepRefOf } from './escalation-planner';
export { snapshotPolicy, policyVersion } from './policy-snapshot';
export { notificationKey } from './notification-key';
export { effectiveRules, DEFAULT_RULE_PREFIX } from './level-notifications';
export type { EffectiveRule } from './level-notifications';
export { targetIdsByType } from './target-ids';
export type { TargetIds } from './target-ids';
export { computePolicyWarnings } from './policy-warnings';
export type { PolicyWarning, PolicyWarningCode, PolicyWarningContext } from './policy-warnings';
export { onCallForPolicy } from './policy-oncall';
export type { PolicyOnCallEntry } from './policy-oncall';
