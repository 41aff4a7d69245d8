/**
 * Types of the pure escalation planner (docs/paging.md, "Lifecycle").
 *
 * The planner never reads the database or the clock: the engine loads the
 * incident's policy snapshot and escalation state, passes `now` and a
 * TargetResolver over preloaded users and schedules, and writes what the Plan
 * says (new state, outbox rows, next timer, timeline) in one transaction.
 */

/**
 * `webhook`: an outgoing webhook, paged by a delivery (docs/webhooks.md, "As an escalation target");
 * `chat`: a chat destination, a team's room (Teams, Mattermost, a Slack channel) paged as one.
 */
export type TargetType = 'user' | 'schedule' | 'webhook' | 'chat';

export interface PolicyTarget {
  readonly type: TargetType;
  readonly id: string;
}

export interface PolicyLevel {
  /** Minutes without acknowledgement before the next level; the policy module validates >= 1. */
  readonly delayMinutes: number;
  readonly targets: readonly PolicyTarget[];
}

/** What the policy module stores and snapshotPolicy() accepts. */
export interface EscalationPolicyDefinition {
  readonly id: string;
  readonly name: string;
  /** How many times escalation starts again at level 0 after the last level (0..9). */
  readonly repeat: number;
  readonly levels: readonly PolicyLevel[];
}

/**
 * The policy as it was when the incident started. Stored with the incident
 * (jsonb) so later edits of the live policy never change a running escalation.
 */
export interface PolicySnapshot extends EscalationPolicyDefinition {
  /** Content hash of id, name, repeat and levels: two snapshots with equal versions escalate identically. */
  readonly version: string;
}

export type ContactMethodType = 'sms' | 'voice' | 'email' | 'slack';

export type ChatDestinationType = 'teams' | 'mattermost' | 'slack-channel';

/** What a page goes out on: a user's contact method, or a chat destination's kind. */
export type PageChannelType = ContactMethodType | ChatDestinationType;

export interface ChatDestinationSnapshot {
  readonly id: string;
  readonly name: string;
  readonly type: ChatDestinationType;
  /** The incoming webhook URL (teams, mattermost) or the Slack channel id (slack-channel). */
  readonly address: string;
  readonly enabled: boolean;
}

export interface ContactMethodSnapshot {
  readonly id: string;
  readonly type: ContactMethodType;
  readonly address: string;
  readonly enabled: boolean;
}

export interface NotificationRuleSnapshot {
  readonly id: string;
  readonly contactMethodId: string;
  readonly delayMinutes: number;
}

export interface UserSnapshot {
  readonly id: string;
  /** For timeline and warning messages; messages fall back to the id. */
  readonly name?: string;
  readonly contactMethods: readonly ContactMethodSnapshot[];
  readonly notificationRules: readonly NotificationRuleSnapshot[];
}

/** Looks up who a target means. Implementations are pure reads over preloaded data. */
export interface TargetResolver {
  /** The user on call in the schedule at `at`, or null in a gap (docs/schedules.md). */
  resolveSchedule(scheduleId: string, at: Date): string | null;
  /** false for a deleted or never-existing schedule id. */
  hasSchedule(scheduleId: string): boolean;
  /** undefined for a deleted or never-existing user id. */
  getUser(userId: string): UserSnapshot | undefined;
  /** undefined for a deleted or never-existing chat destination id. */
  getChatDestination(chatDestinationId: string): ChatDestinationSnapshot | undefined;
  /** undefined for a deleted or never-existing webhook id. */
  getWebhook(webhookId: string): WebhookSnapshot | undefined;
}

export interface WebhookSnapshot {
  readonly id: string;
  /** A disabled webhook pages nobody. */
  readonly enabled: boolean;
  /** For timeline and warning messages. */
  readonly name?: string | null;
}

/** A level's webhook target to page: the engine queues a delivery to it. */
export interface PlannedWebhookPage extends StepRef {
  readonly webhookId: string;
}

export interface PlanContext extends TargetResolver {
  /** The incident being planned; the first part of every idempotency key. */
  readonly incidentId: string;
}

export type IncidentStatus = 'triggered' | 'acknowledged' | 'resolved';

export interface EscalationState {
  readonly status: IncidentStatus;
  /** 0-based index into policy.levels. */
  readonly level: number;
  /** 0-based pass over the levels; never exceeds policy.repeat. */
  readonly loop: number;
  /**
   * How many times escalation restarted at level 0 after an ack timeout.
   * Part of the idempotency key, so the pages of a restart are not mistaken
   * for the (already sent) pages of the first pass at the same level and loop.
   */
  readonly epoch: number;
  /** true once the last level of the last loop timed out (or nobody could be paged); absorbing until an ack timeout restarts. */
  readonly exhausted: boolean;
  /** When the current level was reached; notification rules count their delay from here. */
  readonly levelReachedAt: Date;
}

/** Identifies the level entry a step timer was scheduled for; see stepRefOf(). */
export interface StepRef {
  readonly epoch: number;
  readonly loop: number;
  readonly level: number;
}

export type EscalationInput =
  /** A new incident: level 0, loop 0, notify at once. The state argument is ignored (may be null). */
  | { readonly kind: 'start' }
  /**
   * The level's delay elapsed. `step` is the StepRef stored on the timer row:
   * when given and it no longer matches the state, the timer is stale and ignored.
   */
  | { readonly kind: 'step-due'; readonly step?: StepRef }
  /** A person asked to escalate now (API, Slack button). Re-triggers an acknowledged incident. */
  | { readonly kind: 'manual-escalate' }
  /**
   * The service's ackTimeoutMinutes elapsed while acknowledged: triggered
   * again, escalation restarts at level 0 (loop 0, next epoch).
   */
  | { readonly kind: 'ack-timeout' }
  /** A person un-acknowledged the incident: same restart as 'ack-timeout'. */
  | { readonly kind: 'retrigger' };

export type NotificationVia =
  | { readonly type: 'user' }
  | { readonly type: 'schedule'; readonly scheduleId: string }
  | { readonly type: 'chat'; readonly chatDestinationId: string };

export interface NotificationKeyParts {
  readonly epoch: number;
  readonly level: number;
  readonly loop: number;
  readonly userId: string;
  readonly contactMethodId: string;
  readonly ruleId: string;
}

/** The key parts of a chat destination's page: one per destination per level entry. */
export interface ChatNotificationKeyParts {
  readonly epoch: number;
  readonly level: number;
  readonly loop: number;
  readonly chatDestinationId: string;
}

/**
 * One outbox row. A user's page names the user, contact method and rule; a
 * chat destination's page names none of them (null) and carries the
 * destination's id instead.
 */
export interface PlannedNotification {
  readonly epoch: number;
  readonly level: number;
  readonly loop: number;
  readonly userId: string | null;
  readonly contactMethodId: string | null;
  readonly ruleId: string | null;
  readonly chatDestinationId: string | null;
  /** The channel: the contact method's type, or the chat destination's. */
  readonly contactMethodType: PageChannelType;
  /** The address at planning time; the sender may re-read it before sending. */
  readonly address: string;
  /** levelReachedAt + rule.delayMinutes. The engine cancels pending rows on acknowledge/resolve. */
  readonly dueAt: Date;
  readonly idempotencyKey: string;
  /** The first target of the level that reached this user. */
  readonly via: NotificationVia;
}

export type PlanTimelineType =
  | 'started'
  | 'restarted'
  | 'retriggered'
  | 'escalated'
  | 'notified'
  | 'user-unreachable'
  | 'schedule-gap'
  | 'schedule-unknown'
  | 'chat-unavailable'
  | 'level-empty'
  | 'webhook-unavailable'
  | 'exhausted';

export interface PlanTimelineEntry {
  readonly type: PlanTimelineType;
  readonly message: string;
  readonly at: Date;
  readonly data?: Record<string, unknown>;
}

/**
 * Why an input changed nothing. Stale timers (step-due after ack, a timer for
 * a level already left) are ignored silently: their plan has no timeline.
 */
export type IgnoredReason = 'acknowledged' | 'resolved' | 'exhausted' | 'stale-step';

export interface Plan {
  /** The new state; equal to the old one when `ignored` is set. */
  readonly state: EscalationState;
  /** Outbox rows to insert (deduplicated by idempotencyKey on insert). */
  readonly notifications: readonly PlannedNotification[];
  /** Webhook targets of the level reached, each paged by one delivery. */
  readonly webhookPages: readonly PlannedWebhookPage[];
  /**
   * When to call again with 'step-due' (store stepRefOf(plan.state) with it);
   * null when exhausted, not triggered, or ignored.
   */
  readonly nextStepDueAt: Date | null;
  readonly timeline: readonly PlanTimelineEntry[];
  readonly ignored: IgnoredReason | null;
}

/** How messages name a user: "Ada Lovelace (<id>)", or the id alone when the name is unknown. */
export function userLabel(id: string, user: UserSnapshot | undefined): string {
  return user?.name ? `${user.name} (${id})` : id;
}
