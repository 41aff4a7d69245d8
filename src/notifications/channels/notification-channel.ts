/**
 * The one small contract every paging channel implements.
 * A channel sends one rendered message and returns the provider's id for it, or
 * throws a ChannelError that says whether a retry can help.
 */
import { CHAT_DESTINATION_TYPES, type ChatDestinationType } from '../../chat/chat-destination-type';
import { CHANNEL_TYPES as CONTACT_METHOD_TYPES, type ChannelType as ContactMethodType } from '../../users/contact-method-type';

/** What a page goes out on: a user's contact method type, or a chat destination's (its room is paged). */
export type ChannelType = ContactMethodType | ChatDestinationType;

export const CHANNEL_TYPES: readonly ChannelType[] = [...CONTACT_METHOD_TYPES, ...CHAT_DESTINATION_TYPES];

/** What a page says, independent of the channel that carries it. */
export interface PageContent {
  incidentId: string;
  incidentNumber: number;
  status: 'triggered' | 'acknowledged' | 'resolved';
  title: string;
  severity: string;
  serviceName: string;
  /** The affected system the alert names (Events v2 `payload.source`, a group's `instance` or `job` label). */
  source?: string;
  /** The integration that received the alert ("Events v2", "Alertmanager", "Grafana", "Webhook", "Heartbeat"). */
  integration?: string;
  /** The alert's detail fields for long-form channels (email, Slack), already bounded (alert-facts.content.ts). */
  details?: ReadonlyArray<readonly [string, string]>;
  /** Detail fields left out by those bounds. */
  detailsOmitted?: number;
  /** Links the sender attached (runbook, source, dashboard), http(s) only. */
  links?: ReadonlyArray<{ href: string; text: string }>;
  /** Names of the people paged at the incident's current escalation level. */
  paged?: readonly string[];
  /**
   * SMS: `PUBLIC_URL/i/<token>`, a short link to a page of the incident with Acknowledge
   * and Resolve (action-tokens/incident-link.token.ts). Absent without PUBLIC_URL.
   */
  shortLink?: string;
  /** Public URL of the incident, when PUBLIC_URL is configured. */
  incidentUrl?: string;
  /**
   * Opened during a maintenance window of its service and held until the
   * window ended at this instant (ISO 8601): shown by Slack. Absent otherwise.
   */
  maintenanceReleasedAt?: string;
  /** For a bundled page: how many more incidents this message stands for. */
  moreIncidents?: number;
  /**
   * One-click links (email) carrying a signed, expiring token; built by whoever renders
   * the page, since channels hold no signing key. Absent: the email shows no action links.
   */
  actionLinks?: { acknowledge?: string; resolve?: string };
}

export interface OutgoingNotification {
  /** The outbox row id; channels use it as an idempotency token where the provider supports one. */
  notificationId: string;
  /** Contact address: E.164 number, email address, Slack user/channel id, or a chat destination's webhook URL. */
  address: string;
  userId: string | null;
  content: PageContent;
}

export interface SendResult {
  /** Provider name recorded on the notification and the timeline ("twilio", "smtp", "slack", "log"). */
  provider: string;
  /** Provider message id (Twilio SID, SMTP message id, Slack ts), when there is one. */
  providerMessageId: string | null;
}

export class ChannelError extends Error {
  constructor(
    message: string,
    /** true when a later attempt can succeed (5xx, timeout, network); false for permanent errors (4xx, invalid address). */
    readonly retryable: boolean,
    readonly providerCode?: string,
  ) {
    super(message);
    this.name = 'ChannelError';
  }
}

export interface NotificationChannel {
  readonly type: ChannelType;
  readonly provider: string;
  /** false when the channel has no credentials: its notifications are recorded as `skipped: not configured`. */
  isConfigured(): boolean;
  send(notification: OutgoingNotification): Promise<SendResult>;
}
