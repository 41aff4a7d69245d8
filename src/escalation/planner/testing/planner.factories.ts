import { snapshotPolicy } from '../policy-snapshot';
import {
  ChatDestinationSnapshot,
  ContactMethodSnapshot,
  EscalationState,
  NotificationRuleSnapshot,
  PlanContext,
  PolicyLevel,
  PolicySnapshot,
  PolicyTarget,
  UserSnapshot,
  WebhookSnapshot,
} from '../planner.types';
import { PolicyWarningContext } from '../policy-warnings';

/** Fixed instants for table tests; never derived from the real clock. */
export const T0 = new Date('2026-03-02T10:00:00Z');
export const minutesAfter = (base: Date, minutes: number): Date => new Date(base.getTime() + minutes * 60_000);

export const userTarget = (id: string): PolicyTarget => ({ type: 'user', id });
export const scheduleTarget = (id: string): PolicyTarget => ({ type: 'schedule', id });
export const webhookTarget = (id: string): PolicyTarget => ({ type: 'webhook', id });
export const chatTarget = (id: string): PolicyTarget => ({ type: 'chat', id });

/** An enabled Teams room unless overridden. */
export function chatDestination(id: string, overrides: Partial<ChatDestinationSnapshot> = {}): ChatDestinationSnapshot {
  return { id, name: `Room ${id}`, type: 'teams', address: `https://teams.example.com/hook/${id}`, enabled: true, ...overrides };
}

export function level(delayMinutes: number, ...targets: PolicyTarget[]): PolicyLevel {
  return { delayMinutes, targets };
}

export function policy(repeat: number, ...levels: PolicyLevel[]): PolicySnapshot {
  return snapshotPolicy({ id: 'pol-1', name: 'Primary', repeat, levels });
}

/** A user with one enabled SMS method paged immediately, unless overridden. */
export function user(
  id: string,
  overrides: { contactMethods?: ContactMethodSnapshot[]; notificationRules?: NotificationRuleSnapshot[] } = {},
): UserSnapshot {
  return {
    id,
    contactMethods: overrides.contactMethods ?? [{ id: `${id}-sms`, type: 'sms', address: '+15550100', enabled: true }],
    notificationRules: overrides.notificationRules ?? [{ id: `${id}-rule`, contactMethodId: `${id}-sms`, delayMinutes: 0 }],
  };
}

export interface FakeWorld {
  users?: UserSnapshot[];
  /** Who is on call in each schedule at an instant; null for a gap. */
  schedules?: Record<string, (at: Date) => string | null>;
  /** Schedules that have a gap in any window asked about (for warnings). */
  schedulesWithGaps?: string[];
  /** Who each schedule can put on call from now on (for warnings); nobody when absent. */
  scheduleUsers?: Record<string, string[]>;
  /** Webhooks that exist, by id. */
  webhooks?: Record<string, WebhookSnapshot>;
  chatDestinations?: ChatDestinationSnapshot[];
}

/**
 * A resolver over in-memory data. Resolving an unknown schedule throws: the
 * planner must ask hasSchedule first, and a test that forgets fails loudly.
 */
export function context(world: FakeWorld, incidentId = 'inc-1'): PlanContext & PolicyWarningContext {
  const users = new Map((world.users ?? []).map((u) => [u.id, u]));
  const schedules = world.schedules ?? {};
  const rooms = new Map((world.chatDestinations ?? []).map((d) => [d.id, d]));
  return {
    incidentId,
    getUser: (userId) => users.get(userId),
    getChatDestination: (id) => rooms.get(id),
    hasSchedule: (scheduleId) => scheduleId in schedules,
    getWebhook: (webhookId) => world.webhooks?.[webhookId],
    resolveSchedule: (scheduleId, at) => {
      const resolve = schedules[scheduleId];
      if (!resolve) throw new Error(`resolveSchedule called for unknown schedule ${scheduleId}`);
      return resolve(at);
    },
    scheduleHasGap: (scheduleId) => (world.schedulesWithGaps ?? []).includes(scheduleId),
    scheduleUserIds: (scheduleId) => world.scheduleUsers?.[scheduleId] ?? [],
  };
}

export function triggeredAt(levelIndex: number, loop: number, reachedAt: Date, extra: Partial<EscalationState> = {}): EscalationState {
  return { status: 'triggered', level: levelIndex, loop, epoch: 0, exhausted: false, levelReachedAt: reachedAt, ...extra };
}
